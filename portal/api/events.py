"""The `events` endpoint: the dates of live, public events (the `Occurrence` rows), so a
client never expands a repeat rule. An item is one date of one event.

The filters narrow the rows in the database with the calendar's own query methods; a
page of dates costs two queries (the count and the rows), however many events there are.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from wagtail.api.v2.views import BaseAPIViewSet

from portal.api import parameters
from portal.api.base import PublicEndpoint
from portal.base.privacy import is_public
from portal.base.serializers import URL, absolute, detail_path, nullable
from portal.communities.models import attach_communities
from portal.communities.serializers import COMMUNITY_SCHEMA, community_link
from portal.events.filters import matching_events
from portal.events.models import Occurrence, Status
from portal.events.models.occurrences import longest_date
from portal.events.serializers import ProgrammeLink, programme_link, public_programme
from programmes.api import CHOICE_SCHEMA
from programmes.models import Audience, Theme

STATUS_CANCELLED = "cancelled"


class OccurrenceSerializer(serializers.Serializer):
    """One date of an event, with what a listing or a widget shows of it."""

    def to_representation(self, occurrence):
        request = self.context["request"]
        router = self.context["router"]
        event = occurrence.event
        status = STATUS_CANCELLED if occurrence.cancelled else event.status
        return {
            "id": occurrence.pk,
            "event": {
                "id": event.pk,
                "detail_url": absolute(request, detail_path(router, type(event), event.pk)),
            },
            "url": absolute(request, event.get_url(request=request)),
            "title": event.title,
            "intro": event.intro,
            "start": local_iso(occurrence.start),
            "end": None if occurrence.open_end else local_iso(occurrence.end),
            "all_day": occurrence.all_day,
            "moved": occurrence.moved,
            "status": {"key": status, "label": str(status_label(status))},
            "location": location(occurrence, request, router),
            "programme": programme_link(request, router, event.programme)
            if self.programme_is_public(event)
            else None,
            "community": community_link(request, event.community),
            "is_free": event.is_free,
            "price": event.price,
        }

    @staticmethod
    def programme_is_public(event):
        return event.programme is not None and public_programme(event.programme)


def local_iso(moment):
    """An ISO 8601 date and time with the offset of Kranj at that moment."""
    return timezone.localtime(moment).isoformat()


def status_label(key):
    return dict(Status.choices).get(key, key)


def location(occurrence, request, router):
    event = occurrence.event
    space = event.space if event.space_id and is_public(event.space) else None
    return {
        "space": space
        and {
            "id": space.pk,
            "title": space.title,
            "address": space.address,
            "html_url": absolute(request, space.get_url(request=request)),
            "detail_url": absolute(request, detail_path(router, type(space), space.pk)),
        },
        "address": space.address if space else event.location,
    }


def occurrence_schema():
    link = {
        "type": "object",
        "properties": {"id": {"type": "integer"}, "detail_url": URL},
        "required": ["id", "detail_url"],
        "additionalProperties": False,
    }
    space = {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "title": {"type": "string"},
            "address": {"type": "string"},
            "html_url": nullable(URL),
            "detail_url": URL,
        },
        "required": ["id", "title", "address", "html_url", "detail_url"],
        "additionalProperties": False,
    }
    properties = {
        "id": {"type": "integer", "description": _("This date's id.")},
        "event": {**link, "description": _("The event this is a date of (a page).")},
        "url": nullable(URL),
        "title": {"type": "string"},
        "intro": {"type": "string"},
        "start": {"type": "string", "format": "date-time"},
        "end": {
            **nullable({"type": "string", "format": "date-time"}),
            "description": _(
                "Null when no end time was given. For an all-day date, the midnight after "
                "its last day."
            ),
        },
        "all_day": {"type": "boolean"},
        "moved": {"type": "boolean", "description": _("Moved from its place in the schedule.")},
        "status": CHOICE_SCHEMA,
        "location": {
            "type": "object",
            "properties": {"space": nullable(space), "address": {"type": "string"}},
            "required": ["space", "address"],
            "additionalProperties": False,
        },
        "programme": ProgrammeLink.openapi_schema,
        "community": nullable(COMMUNITY_SCHEMA),
        "is_free": {"type": "boolean"},
        "price": {"type": "string"},
    }
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


class EventsEndpoint(PublicEndpoint, BaseAPIViewSet):
    name = "events"
    model = Occurrence
    keeps_items = True
    api_summary = _("Event dates")
    api_description = _(
        "The dates of events, repeating events expanded (a client never reads a repeat "
        "rule): by default those that have not ended yet, soonest first. A cancelled single "
        "date is listed with the status “cancelled”."
    )

    @classmethod
    def filters(cls):
        return [
            parameters.community(),
            parameters.moment(
                "start", _("Dates that end after this (a day: from its start). Default: now.")
            ),
            parameters.moment(
                "end",
                _("Dates that start before this (a day: up to its end, inclusive)."),
                end_of_day=True,
            ),
            parameters.choice("theme", _("Only events on this theme."), lambda: Theme.Key.choices),
            parameters.choice(
                "audience", _("Only events for this audience."), lambda: Audience.Key.choices
            ),
            parameters.whole_number(
                "programme", _("Only events of the programme with this id."), minimum=1
            ),
            parameters.whole_number(
                "space", _("Only events in the community space with this id."), minimum=1
            ),
            parameters.boolean("free", _("true: only events free of charge.")),
            parameters.words("search", _("Words the events contain (with or without č, š, ž).")),
            parameters.choice(
                "order",
                _("start: soonest first (the default); -start: latest first."),
                lambda: [("start", "start"), ("-start", "-start")],
            ),
        ]

    @classmethod
    def get_urlpatterns(cls):
        # A date has no detail of its own: its event has (`pages`).
        return super().get_urlpatterns()[:1]

    @classmethod
    def item_schema(cls, detail=False):
        return occurrence_schema()

    def get_queryset(self):
        return Occurrence.objects.public()

    def filter_listing(self, dates, query):
        start, end = query.get("start"), query.get("end")
        if start is None:
            dates = dates.upcoming()
        else:
            # The lower bound on `start` changes no result; it lets the database walk the
            # `start` index from there (see `OccurrenceQuerySet.upcoming`).
            dates = dates.filter(start__gte=start - longest_date())
        if start is not None and end is not None:
            dates = dates.between(start, end)
        elif start is not None:
            dates = dates.filter(end__gt=start)
        elif end is not None:
            dates = dates.filter(start__lt=end)
        if "community" in query:
            dates = dates.in_section(query["community"].community)
        dates = dates.about(
            theme=query.get("theme"),
            audience=query.get("audience"),
            programme=query.get("programme"),
            space=query.get("space"),
            free=query.get("free"),
            matching=matching_events(query["search"]) if query.get("search") else None,
        )
        ordering = ("-start", "-pk") if query.get("order") == "-start" else ("start", "pk")
        # Every date is serialised, so its event, space and programme come with it in the
        # same query (the HTML listings' `for_listing` reads events only for dates whose
        # cached HTML is missing).
        return dates.select_related("event__space", "event__programme").order_by(*ordering)

    def prepare(self, dates):
        attach_communities([date.event for date in dates])
        return dates

    def get_serializer_class(self):
        return OccurrenceSerializer
