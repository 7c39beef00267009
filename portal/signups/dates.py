"""Which `SignUpDate` an event's date is, and keeping the dates in step with the event.

A date is keyed by its place in the schedule (decision 0039): the Kranj-local date of
the occurrence's `original_start` for a repeating event (a `DateChange` moves a date but
keeps that key), NULL for a single event's only date. `reconcile` follows each publish and
nightly refresh (`portal.events.signals.dates_refreshed`): a date that is gone or
cancelled is marked cancelled, one that is back is reopened, one that moved takes its new
time; each person signed up is told by e-mail, in the publish's transaction.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.base import clock
from portal.events.models import EventPage, Occurrence
from portal.events.signals import dates_refreshed
from portal.signups import emails
from portal.signups.models import SignUpDate


def key_of(event, occurrence):
    """The `date_key` of `occurrence`, a date of `event`."""
    if not event.repeats:
        return None
    return timezone.localtime(occurrence.original_start).date()


def deadline_for(event, start):
    if not event.signup_deadline_hours:
        return None
    return start - datetime.timedelta(hours=event.signup_deadline_hours)


def date_for(event, occurrence, create=True):
    """The `SignUpDate` of `occurrence` (an `Occurrence` of `event`): made on first use with
    the event's number of places and deadline; None if `create` is false and there is none
    yet, or if the event does not say how many places it has."""
    key = key_of(event, occurrence)
    found = SignUpDate.objects.filter(event=event, date_key=key).first()
    if found is not None or not create:
        return found
    capacity = event.signup_places
    if not capacity:
        return None
    try:
        with transaction.atomic():
            return SignUpDate.objects.create(
                event=event,
                community=event.community,
                date_key=key,
                capacity=capacity,
                deadline=deadline_for(event, occurrence.start),
                start=occurrence.start,
                end=None if occurrence.open_end else occurrence.end,
                all_day=occurrence.all_day,
            )
    except IntegrityError:
        # Someone else's first sign-up made it at the same moment.
        return SignUpDate.objects.get(event=event, date_key=key)


def occurrence_of(date):
    """The live `Occurrence` a `SignUpDate` is, or None (gone from the schedule, or the
    event not live)."""
    rows = Occurrence.objects.filter(event_id=date.event_id)
    if date.date_key is None:
        return rows.order_by("start").first()
    # The key is a local date; `original_start` is stored in UTC: a day's window around it.
    day_start = timezone.make_aware(datetime.datetime.combine(date.date_key, datetime.time.min))
    day_end = day_start + datetime.timedelta(days=1)
    return rows.filter(original_start__gte=day_start, original_start__lt=day_end).first()


def reconcile(sender, event, **kwargs):
    """Follow what the publish (or nightly refresh) of `event` did to its dates."""
    if event.registration != "portal" and not SignUpDate.objects.filter(event=event).exists():
        return
    now = clock.now()
    occurrences = {key_of(event, row): row for row in Occurrence.objects.filter(event=event)}
    event_cancelled = event.is_cancelled
    for date in SignUpDate.objects.filter(event=event, start__gt=now).select_related("event"):
        occurrence = occurrences.get(date.date_key)
        gone = occurrence is None or occurrence.cancelled or event_cancelled or not event.live
        if gone:
            if date.cancelled_at is None and event.live:
                SignUpDate.objects.filter(pk=date.pk).update(cancelled_at=now)
                date.cancelled_at = now
                tell(date, emails.DATE_CANCELLED)
            continue
        changed = []
        if date.cancelled_at is not None:
            date.cancelled_at = None
            changed.append("cancelled_at")
            kind = emails.DATE_BACK
        else:
            kind = None
        end = None if occurrence.open_end else occurrence.end
        if (occurrence.start, end, occurrence.all_day) != (date.start, date.end, date.all_day):
            date.start, date.end, date.all_day = occurrence.start, end, occurrence.all_day
            date.deadline = deadline_for(event, occurrence.start)
            date.sequence += 1
            changed += ["start", "end", "all_day", "deadline", "sequence"]
            kind = kind or emails.DATE_MOVED
        if changed:
            date.save(update_fields=changed)
        if kind:
            tell(date, kind)


def tell(date, kind):
    """Mail everyone signed up for `date` (on the list or waiting) what happened to it."""
    for signup in date.signups.active().exclude(email=""):
        signup.date = date
        emails.send(signup, kind)


def connect():
    dates_refreshed.connect(reconcile, sender=EventPage, weak=False, dispatch_uid="signups")
