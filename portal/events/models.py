"""Events of a KS, on its calendar page."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.base.models import RICH_TEXT_FEATURES, BasePage
from portal.base.pagination import paginate
from portal.base.privacy import public
from portal.communities.models import CommunityOwned


class EventCalendarPage(BasePage):
    """Upcoming events of its KS (or, at the top, of the whole municipality)."""

    per_page = 20

    parent_page_types = ["communities.CommunityPage", "home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events calendar")
        verbose_name_plural = _("events calendars")

    def get_context(self, request, *args, **kwargs):
        from portal.communities.models import attach_communities

        context = super().get_context(request, *args, **kwargs)
        events_page = paginate(
            request, EventPage.objects.upcoming_in(self.get_parent()), self.per_page
        )
        attach_communities(events_page.object_list)
        context["events_page"] = events_page
        return context


class EventQuerySet(PageQuerySet):
    def upcoming(self, now=None):
        """Live, public events that have not ended yet, soonest first."""
        now = now or timezone.now()
        start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        return (
            public(self.live())
            .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=start_of_today))
            .select_related("image", "space")
            .order_by("start", "pk")
        )

    def upcoming_in(self, page, now=None):
        return self.upcoming(now).descendant_of(page)


class EventPage(CommunityOwned, BasePage):
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Show only the date, without times.")
    )
    space = models.ForeignKey(
        "spaces.SpacePage",
        verbose_name=_("community space"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Where it happens, if in one of the community spaces."),
    )
    location = models.CharField(
        _("other location"),
        max_length=200,
        blank=True,
        help_text=_("Place and address, if not in a community space."),
    )
    body = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)

    folded_text_fields = ("title", "intro", "body", "location")
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("location"),
        index.FilterField("start"),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("When"),
        ),
        MultiFieldPanel([FieldPanel("space"), FieldPanel("location")], heading=_("Where")),
        FieldPanel("body"),
    ]

    parent_page_types = ["events.EventCalendarPage"]
    subpage_types = []

    objects = PageManager.from_queryset(EventQuerySet)()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The event cannot end before it starts.")})
        if not self.space_id and not self.location.strip():
            raise ValidationError(
                {"location": _("Choose a community space or write where the event takes place.")}
            )

    @property
    def is_past(self):
        ends = self.end or self.start + datetime.timedelta(hours=1)
        if self.all_day:
            ends = datetime.datetime.combine(
                timezone.localtime(ends).date(), datetime.time.max, tzinfo=ends.tzinfo
            )
        return ends < timezone.now()

    @property
    def place(self):
        """Where the event happens, in words."""
        if self.space_id:
            return f"{self.space.title}, {self.space.address}"
        return self.location
