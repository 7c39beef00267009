"""The `events` endpoint: the dates of live, public events (the `Occurrence` rows), so a
client never expands a repeat rule. An item is one date of one event.

The filters narrow the rows in the database with the calendar's own query methods; a
page of dates costs two queries (the count and the rows), however many events there are.

A date of an event that takes sign-ups on the portal says so in `signups` (whether the
event takes them for it, and where its places are): content, kept per content version
like the rest of the item. How many places are left changes with every sign-up, which
publishes nothing: that is the date's own address `{id}/places/` (decision 0039), never
kept by this server and revalidated by clients each time (`portal.api.http.LIVE`), and
only counts, never a name or an e-mail address.
"""

from django.http import Http404
from django.urls import get_script_prefix, path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework import status as http_status
from rest_framework.response import Response
from wagtail.api.v2.views import BaseAPIViewSet

from portal.api import parameters
from portal.api.base import PublicEndpoint
from portal.api.http import LIVE
from portal.api.parameters import parse_query
from portal.base.privacy import is_public
from portal.base.serializers import URL, absolute, detail_path, nullable
from portal.communities.models import attach_communities
from portal.communities.serializers import COMMUNITY_SCHEMA, community_link
from portal.events.filters import matching_events
from portal.events.models import Occurrence, Status
from portal.events.models.occurrences import longest_date
from portal.events.places import places_of_date
from portal.events.serializers import ProgrammeLink, programme_link, public_programme
from programmes.api import CHOICE_SCHEMA
from programmes.models import Audience, Theme

STATUS_CANCELLED = "cancelled"
PLACES_PATH = "places/"


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
            "signups": signups(occurrence, request),
        }

    @staticmethod
    def programme_is_public(event):
        return event.programme is not None and public_programme(event.programme)


def signups(occurrence, request):
    """What a date of an event that takes sign-ups on the portal says of them, as content
    (the same until the next publish): whether the event takes sign-ups for this date, and
    the address of its places left; None for a date without sign-ups."""
    event = occurrence.event
    if not event.takes_signups:
        return None
    takes = not occurrence.cancelled and not event.is_cancelled
    return {
        "open": takes,
        "places_url": absolute(request, places_path(occurrence.pk))
        if takes and event.signup_places
        else None,
    }


# The script prefix -> the places path before and after the id (reversed once).
_places_paths = {}


def places_path(pk):
    prefix = get_script_prefix()
    if prefix not in _places_paths:
        placeholder = 987654321
        reversed_ = reverse("wagtailapi:events:places", args=[placeholder])
        _places_paths[prefix] = reversed_.split(str(placeholder), 1)
    before, after = _places_paths[prefix]
    return f"{before}{pk}{after}"


def places_body(places):
    return {
        "capacity": places.capacity,
        "left": places.left,
        "waitlist": places.waitlist,
        "open": places.open,
        "deadline": local_iso(places.deadline) if places.deadline else None,
        "label": str(places.label),
    }


PLACES_SCHEMA = {
    "type": "object",
    "properties": {
        "capacity": {"type": "integer", "minimum": 0, "description": _("How many places.")},
        "left": {"type": "integer", "minimum": 0, "description": _("Places still free.")},
        "waitlist": {
            "type": "integer",
            "minimum": 0,
            "description": _("People on the waiting list."),
        },
        "open": {
            "type": "boolean",
            "description": _(
                "Whether the portal's form takes sign-ups for this date now (before the "
                "deadline, the date neither cancelled nor started). When it is full, "
                "sign-ups go on the waiting list."
            ),
        },
        "deadline": {
            **nullable({"type": "string", "format": "date-time"}),
            "description": _("When sign-ups close; null: when the date starts."),
        },
        "label": {
            "type": "string",
            "description": _("The places left in words, as the event's page says them."),
        },
    },
    "required": ["capacity", "left", "waitlist", "open", "deadline", "label"],
    "additionalProperties": False,
}

SIGNUPS_SCHEMA = {
    **nullable(
        {
            "type": "object",
            "properties": {
                "open": {
                    "type": "boolean",
                    "description": _(
                        "Whether the event takes sign-ups for this date (false once the date "
                        "or the event is cancelled); whether places are left, and the "
                        "deadline, are at `places_url`."
                    ),
                },
                "places_url": nullable(URL),
            },
            "required": ["open", "places_url"],
            "additionalProperties": False,
        }
    ),
    "description": _(
        "Sign-ups on the portal, for a date of an event that takes them; null for a date without."
    ),
}


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
        "signups": SIGNUPS_SCHEMA,
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

    # Further addresses of an item, for the OpenAPI description (`portal.api.openapi`).
    item_resources = [
        {
            "name": "places",
            "path": PLACES_PATH,
            "summary": _("Places left on a date"),
            "description": _(
                "For a date (its `id`) of an event that takes sign-ups on the portal: how "
                "many places it has, how many are still free, how many people wait, whether "
                "sign-ups are open and until when. Counts only, never who signed up; always "
                "revalidated, so a new sign-up shows at once."
            ),
            "schema": PLACES_SCHEMA,
            "not_found": _("There is no such date, or it takes no sign-ups on the portal."),
        }
    ]

    @classmethod
    def get_urlpatterns(cls):
        # A date has no detail of its own: its event has (`pages`).
        return [
            *super().get_urlpatterns()[:1],
            path(
                f"<api_id:pk>/{PLACES_PATH}",
                cls.as_view({"get": "places_view"}),
                name="places",
            ),
        ]

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
        return dates.select_related(
            "event__space", "event__programme", "event__signup_room"
        ).order_by(*ordering)

    def places_view(self, request, pk):
        self.query = parse_query(request.GET, {})
        date = self.get_queryset().select_related("event__signup_room").filter(pk=pk).first()
        if date is None:
            raise Http404
        places = places_of_date(date)
        if places is None:
            message = gettext("This date takes no sign-ups on the portal.")
            return Response({"message": message}, status=http_status.HTTP_404_NOT_FOUND)
        response = Response(places_body(places))
        response["Cache-Control"] = LIVE
        return response

    def prepare(self, dates):
        attach_communities([date.event for date in dates])
        return dates

    def get_serializer_class(self):
        return OccurrenceSerializer
