"""The dates of live events, expanded into rows so that listings are range queries.

Each live event has one row per date from its first start up to `EVENT_HORIZON_DAYS`
ahead of today. Rows are rewritten when the event is published and removed when it is
unpublished or deleted (`portal.events.signals`); `refresh_occurrences` moves the horizon
on every day. `path` is the event page's tree path, kept in step on a move, so "events
in this KS" needs no join.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import Window
from django.db.models.functions import RowNumber
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.base.caching import kept
from portal.base.listing import ListedIterable, listed
from portal.base.privacy import public
from portal.communities.models import attach_communities
from portal.events import recurrence


@dataclass(frozen=True)
class When:
    """What the templates show of a date: `end` is None when no end time was given."""

    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool


class OccurrenceQuerySet(models.QuerySet):
    def between(self, start, end):
        """Dates that overlap the time from `start` to `end`."""
        return self.filter(start__lt=end, end__gt=start)

    def taking_space(self):
        """Dates that take their event's space: less cancelled dates and events. (Only live
        events have rows.)"""
        return self.filter(cancelled=False).exclude(event__status="cancelled")

    def upcoming(self, now=None):
        """Dates that have not ended yet, soonest first.

        The lower bound on `start` changes no result (no date lasts longer than the longest
        one), but lets the database walk the `start` index from just before `now` instead
        of from the first date ever, past months of dates that are over."""
        now = now or timezone.now()
        return self.filter(start__gte=now - longest_date(), end__gt=now).order_by("start", "pk")

    def past(self, now=None):
        """Dates that have ended, the latest first. (What has ended has started: the bound
        on `start` lets the database walk its index back from now, not from the horizon.)"""
        now = now or timezone.now()
        return self.filter(start__lt=now, end__lte=now).order_by("-start", "-pk")

    def next_of(self, event_ids, now=None):
        """The next date of each of `event_ids` that is not over nor cancelled, in one
        query (search shows it beside each event it finds)."""
        first = Window(
            RowNumber(), partition_by=[models.F("event_id")], order_by=[models.F("start").asc()]
        )
        return (
            self.filter(event_id__in=event_ids, cancelled=False)
            .upcoming(now)
            .annotate(rank=first)
            .filter(rank=1)
        )

    def in_section(self, page):
        """Dates of events under `page` (a KS, or the home page for the municipality)."""
        return self.filter(path__startswith=page.path)

    def public(self):
        """Dates the public may see: only live events have rows; private sections are left
        out as `portal.base.privacy` knows them."""
        return public(self)

    def about(
        self, theme=None, audience=None, programme=None, space=None, free=False, matching=None
    ):
        """Dates of events with this theme, for this audience, of this programme, in this
        space, free, among `matching` (a subquery of events, as search terms find them:
        `portal.events.filters.matching_events`): the calendar's filters and the API's."""
        dates = self
        if theme:
            dates = dates.filter(event__themes__key=theme)
        if audience:
            dates = dates.filter(event__audiences__key=audience)
        if programme:
            dates = dates.filter(event__programme_id=programme)
        if space:
            dates = dates.filter(event__space_id=space)
        if free:
            dates = dates.filter(event__is_free=True)
        if matching is not None:
            dates = dates.filter(event__in=matching)
        return dates

    def for_listing(self):
        """Dates as listings show them: their events (with image, space and KS) are read
        for the whole listing at once, when one date is rendered afresh
        (`portal.base.listing`)."""
        return listed(self, ListedDatesIterable)


class ListedDatesIterable(ListedIterable):
    @staticmethod
    def load(dates):
        # The events through the dates' own relation, in one query: one instance an event.
        events = {}
        rows = Occurrence.objects.filter(pk__in=[date.pk for date in dates])
        for row in rows.select_related("event__image", "event__space"):
            events.setdefault(row.event_id, row.event)
        attach_communities(events.values())
        for date in dates:
            Occurrence.event.field.set_cached_value(date, events[date.event_id])


class Occurrence(models.Model):
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="occurrences",
    )
    path = models.CharField(max_length=255)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(_("all day"), default=False)
    open_end = models.BooleanField(default=False)
    original_start = models.DateTimeField(
        _("original start"), help_text=_("Where a moved date was in the repeat rule.")
    )
    cancelled = models.BooleanField(_("cancelled"), default=False)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("event date")
        verbose_name_plural = _("event dates")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["start"], name="occurrence_start"),
            models.Index(fields=["end"], name="occurrence_end"),
            models.Index(fields=["event", "start"], name="occurrence_event_start"),
            # "Dates in this KS, from then on": a prefix match on the tree path, which on
            # PostgreSQL only a pattern-ops index serves (other databases ignore opclasses).
            models.Index(
                fields=["path", "start"],
                name="occurrence_path_start",
                opclasses=["varchar_pattern_ops", ""],
            ),
        ]

    def __str__(self):
        return f"{self.event_id} @ {self.start:%Y-%m-%d %H:%M}"

    @property
    def moved(self):
        return self.start != self.original_start

    @property
    def when(self):
        if self.all_day:
            last_day = timezone.localtime(self.end) - datetime.timedelta(days=1)
            same_day = last_day.date() == timezone.localtime(self.start).date()
            return When(self.start, None if same_day else last_day, True)
        return When(self.start, None if self.open_end else self.end, False)

    @property
    def is_past(self):
        return self.end <= timezone.now()


def longest_date():
    """How long the longest date in the table lasts, worked out once per content version
    (dates change only with a publish, which moves the version on)."""

    def build():
        span = models.ExpressionWrapper(
            models.F("end") - models.F("start"), output_field=models.DurationField()
        )
        return Occurrence.objects.aggregate(longest=models.Max(span))["longest"]

    return kept("longest-event-date", build, shared=True) or datetime.timedelta(0)


def horizon(today=None):
    """How far ahead events are expanded: `EVENT_HORIZON_DAYS` from today."""
    today = today or timezone.localdate()
    last = today + datetime.timedelta(days=settings.EVENT_HORIZON_DAYS)
    return timezone.make_aware(datetime.datetime.combine(last, datetime.time.max))


# Sent with `event=` at the end of `refresh()`, in its transaction (`portal.events.signals`).
dates_refreshed = Signal()


def instances_of(event, today=None):
    """The dates of `event` (as it is in memory, a draft too) up to the horizon."""
    return recurrence.expand(
        event,
        horizon(today),
        excluded=[row.date for row in event.excluded_dates.all()],
        changes=list(event.date_changes.all()),
    )


def refresh(event, today=None):
    """Rewrite the rows of `event` from its live content (none if it is not live)."""
    with transaction.atomic():
        Occurrence.objects.filter(event_id=event.pk).delete()
        if not event.live:
            dates_refreshed.send(sender=type(event), event=event)
            return 0
        instances = instances_of(event, today)
        Occurrence.objects.bulk_create(
            Occurrence(event_id=event.pk, path=event.path, **vars(instance))
            for instance in instances
        )
        dates_refreshed.send(sender=type(event), event=event)
        return len(instances)


def forget(event):
    Occurrence.objects.filter(event_id=event.pk).delete()


def follow_move(page):
    """After `page` moved, its events' rows carry their new paths (those of the event
    pages it and its descendants are now)."""
    Occurrence.objects.filter(event__path__startswith=page.path).update(
        path=models.Subquery(Page.objects.filter(pk=models.OuterRef("event_id")).values("path")[:1])
    )


def drop_dead():
    """Remove the rows of events that are no longer live."""
    return Occurrence.objects.filter(event__live=False).delete()[0]
