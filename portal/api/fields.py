"""Serializer fields of the API that Wagtail does not have, each with its OpenAPI schema.

Models name them in their `api_fields` (`APIField("community", serializer=Community())`);
`portal.api.openapi` reads `openapi_schema` from each, so a field and its description are
written in one place. Every URL is absolute, on the host the client asked.
"""

import datetime

from django.urls import get_script_prefix
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field, SkipField

from programmes.api import ChoiceField, TermsField

URL = {"type": "string", "format": "uri"}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


# An id no row has, in the shape of one: where a detail URL's id goes.
PLACEHOLDER_ID = 987654321
# (router, model, script prefix) -> the detail URL path before and after the id.
_detail_paths = {}


def detail_path(router, model, pk):
    """`router.get_object_detail_urlpath(model, pk)`, reversed once a model: a list names
    a detail URL or more an item, and Django's `reverse` is the dearest part of that."""
    key = (id(router), model, get_script_prefix())
    if key not in _detail_paths:
        path = router.get_object_detail_urlpath(model, PLACEHOLDER_ID)
        _detail_paths[key] = path.split(str(PLACEHOLDER_ID), 1) if path else None
    parts = _detail_paths[key]
    return f"{parts[0]}{pk}{parts[1]}" if parts else None


class SchemaField(Field):
    """A read-only field that serialises the whole instance (or an attribute of it)."""

    openapi_schema = {}

    def __init__(self, *args, description=None, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)
        if description:
            self.openapi_schema = {**self.openapi_schema, "description": description}

    def get_attribute(self, instance):
        return instance

    @cached_property
    def request(self):
        return self.context["request"]


class DetailUrl(SchemaField):
    """This object's address in the API."""

    openapi_schema = {**URL, "description": _("Its address in the API.")}

    def get_attribute(self, instance):
        path = detail_path(self.context["router"], type(instance), instance.pk)
        if path is None:
            raise SkipField
        return absolute(self.request, path)

    def to_representation(self, value):
        return value


class PageUrl(SchemaField):
    """A page's public address (null if it has none, e.g. outside every site)."""

    openapi_schema = {**nullable(URL), "description": _("Its address on the portal.")}

    def get_attribute(self, instance):
        return absolute(self.request, instance.get_url(request=self.request))

    def to_representation(self, value):
        return value


class Text(SchemaField):
    """A property of the instance that is a string."""

    openapi_schema = {"type": "string"}

    def get_attribute(self, instance):
        return str(getattr(instance, self.field_name) or "")

    def to_representation(self, value):
        return value


def community_link(request, community):
    if community is None:
        return None
    return {
        "id": community.pk,
        "slug": community.slug,
        "title": community.title,
        "html_url": absolute(request, community.get_url(request=request)),
    }


COMMUNITY_SCHEMA = {
    "type": "object",
    "description": _("The local community (KS) it belongs to; null: the whole municipality."),
    "properties": {
        "id": {"type": "integer"},
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "html_url": nullable(URL),
    },
    "required": ["id", "slug", "title", "html_url"],
    "additionalProperties": False,
}


class Community(SchemaField):
    """The KS an item belongs to, from the directory of live KS sections (no query)."""

    openapi_schema = nullable(COMMUNITY_SCHEMA)

    def get_attribute(self, instance):
        from wagtail.models import Page

        from portal.communities.directory import section_for_path, section_of_community

        if isinstance(instance, Page):  # a page: the live KS section it is in
            section = section_for_path(instance.path)
            return section.community if section else None
        section = section_of_community(instance.community_id)
        return section.community if section else None

    def to_representation(self, community):
        return community_link(self.request, community)


# The same shapes as the programmes' own fields.
Choice = ChoiceField
Terms = TermsField


class Tags(SchemaField):
    """Tag names (prefetched), in alphabetical order."""

    openapi_schema = {"type": "array", "items": {"type": "string"}}

    def get_attribute(self, instance):
        return getattr(instance, self.field_name).all()

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags)


def page_link_schema(description):
    return nullable(
        {
            "type": "object",
            "description": description,
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "html_url": nullable(URL),
                "detail_url": URL,
            },
            "required": ["id", "title", "html_url", "detail_url"],
            "additionalProperties": False,
        }
    )


class PageLink(SchemaField):
    """A related page (selected with its parent): id, title and its two addresses; null
    when there is none or it is not public."""

    openapi_schema = page_link_schema("A related page.")

    def get_attribute(self, instance):
        from portal.base.privacy import is_public

        page = getattr(instance, self.field_name)
        return page if page is not None and is_public(page) else None

    def to_representation(self, page):
        router = self.context["router"]
        return {
            "id": page.pk,
            "title": page.title,
            "html_url": absolute(self.request, page.get_url(request=self.request)),
            "detail_url": absolute(self.request, detail_path(router, type(page), page.pk)),
        }


class SpaceLink(PageLink):
    openapi_schema = page_link_schema("The community space, if it is in one.")


class ProgrammeLink(SchemaField):
    """The programme an item belongs to (selected with it); null if none or not public."""

    openapi_schema = nullable(
        {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "html_url": nullable(URL),
                "detail_url": URL,
            },
            "required": ["id", "title", "html_url", "detail_url"],
            "additionalProperties": False,
        }
    )

    def get_attribute(self, instance):
        from portal.api.visibility import public_programme

        programme = getattr(instance, self.field_name)
        return programme if programme is not None and public_programme(programme) else None

    def to_representation(self, programme):
        return programme_link(self.request, self.context["router"], programme)


def programme_link(request, router, programme):
    return {
        "id": programme.pk,
        "title": programme.title,
        "html_url": absolute(request, programme.get_url(request=request)),
        "detail_url": absolute(request, detail_path(router, type(programme), programme.pk)),
    }


class ObjectUrl(PageUrl):
    """A snippet's public address (null while it has none)."""


class Organisers(SchemaField):
    """A programme's organisers (prefetched): who they are and where the API has them."""

    openapi_schema = {
        "type": "array",
        "description": _("Who runs it (stakeholders)."),
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "detail_url": URL,
            },
            "required": ["id", "name", "detail_url"],
            "additionalProperties": False,
        },
    }

    def get_attribute(self, instance):
        return instance.organisers.all()

    def to_representation(self, organisers):
        from portal.api.visibility import live_community_ids

        router = self.context["router"]
        live = live_community_ids()
        return [
            {
                "id": organiser.pk,
                "name": organiser.name,
                "detail_url": absolute(
                    self.request, detail_path(router, type(organiser), organiser.pk)
                ),
            }
            for organiser in organisers
            if organiser.community_id is None or organiser.community_id in live
        ]


class CommunityLinks(SchemaField):
    """Where a KS's section, calendar, news, programmes and calendar feed are."""

    openapi_schema = {
        "type": "object",
        "description": _(
            "Addresses on the portal: the KS's section, its calendar, news, programmes and "
            "calendar feed (iCalendar)."
        ),
        "properties": {
            "section": URL,
            "calendar": nullable(URL),
            "news": nullable(URL),
            "programmes": URL,
            "calendar_feed": URL,
        },
        "required": ["section", "calendar", "news", "programmes", "calendar_feed"],
        "additionalProperties": False,
    }

    def to_representation(self, community):
        from django.urls import reverse

        from portal.communities.directory import section_for_path
        from portal.programme_pages.routes import LISTING_ROUTE as PROGRAMMES_ROUTE

        section = section_for_path(community.path)
        url = community.get_url(request=self.request)
        return {
            "section": absolute(self.request, url),
            "calendar": absolute(self.request, section and section.calendar_url),
            "news": absolute(self.request, section and section.news_url),
            "programmes": absolute(
                self.request, url and url + community.reverse_subpage(PROGRAMMES_ROUTE)
            ),
            "calendar_feed": absolute(
                self.request, reverse("events:ics-community", kwargs={"slug": community.slug})
            ),
        }


class CommunityCounts(SchemaField):
    """How much a KS has: spaces, programmes, events with a date to come, news items."""

    openapi_schema = {
        "type": "object",
        "description": _(
            "How many public spaces and programmes, events with a date to come and news "
            "items the KS has."
        ),
        "properties": {
            name: {"type": "integer", "minimum": 0}
            for name in ("spaces", "programmes", "upcoming_events", "news")
        },
        "required": ["spaces", "programmes", "upcoming_events", "news"],
        "additionalProperties": False,
    }

    def to_representation(self, community):
        if not hasattr(community, "api_spaces"):
            from portal.api.pages import with_counts

            community = with_counts(type(community).objects.filter(pk=community.pk)).get()
        return {
            "spaces": community.api_spaces,
            "programmes": community.api_programmes,
            "upcoming_events": community.api_upcoming_events,
            "news": community.api_news,
        }


# --- What a space offers (`SpacePage.api_fields`) ------------------------------------------

NUMBER_OR_NULL = nullable({"type": "number"})
TIME = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}


class Number(SchemaField):
    """A decimal property as a number (null when not given)."""

    openapi_schema = NUMBER_OR_NULL

    def get_attribute(self, instance):
        value = getattr(instance, self.field_name)
        return None if value is None else float(value)

    def to_representation(self, value):
        return value


class Rooms(SchemaField):
    openapi_schema = {
        "type": "array",
        "description": _("Its rooms: name, area in m², seated and standing capacity."),
        "items": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "area": NUMBER_OR_NULL,
                "seated_capacity": nullable({"type": "integer"}),
                "standing_capacity": nullable({"type": "integer"}),
            },
            "required": ["name", "area", "seated_capacity", "standing_capacity"],
        },
    }

    def to_representation(self, space):
        return [
            {
                "name": room.name,
                "area": None if room.area is None else float(room.area),
                "seated_capacity": room.seated_capacity,
                "standing_capacity": room.standing_capacity,
            }
            for room in space.rooms.all()
        ]


LABELLED = {
    "type": "object",
    "properties": {"key": {"type": "string"}, "label": {"type": "string"}},
    "required": ["key", "label"],
}


class Equipment(SchemaField):
    openapi_schema = {
        "type": "array",
        "items": LABELLED,
        "description": _("What the space has, from a fixed list (see equipment_notes)."),
    }

    def to_representation(self, space):
        from portal.spaces.models.facilities import Equipment as Choices

        labels = dict(Choices.choices)
        return [
            {"key": code, "label": str(labels[code])}
            for code in space.equipment_list
            if code in labels
        ]


class Accessibility(SchemaField):
    openapi_schema = {
        "type": "array",
        "description": _("Accessibility facts, each yes, no or unknown."),
        "items": {
            "type": "object",
            "properties": {
                "key": {"type": "string"},
                "label": {"type": "string"},
                "value": {"type": "string", "enum": ["yes", "no", "unknown"]},
            },
            "required": ["key", "label", "value"],
        },
    }

    def to_representation(self, space):
        return [
            {"key": key, "label": str(label), "value": value}
            for key, label, value, _value_label in space.accessibility_facts
        ]


OPEN_RANGE = {
    "type": "object",
    "properties": {"opens": TIME, "closes": TIME},
    "required": ["opens", "closes"],
}


class OpeningHours(SchemaField):
    """The weekly schedule and the next two weeks as they will be (holidays and dated
    exceptions applied), in Kranj's wall-clock time."""

    openapi_schema = {
        "type": "object",
        "description": _(
            "Opening hours: the weekly schedule (weekday 1 is Monday) and the next 14 days "
            "with holidays and exceptions applied."
        ),
        "properties": {
            "weekly": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "weekday": {"type": "integer", "minimum": 1, "maximum": 7},
                        **OPEN_RANGE["properties"],
                    },
                    "required": ["weekday", "opens", "closes"],
                },
            },
            "next_days": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "date": {"type": "string", "format": "date"},
                        "open": {"type": "array", "items": OPEN_RANGE},
                        "holiday": {"type": "string"},
                        "note": {"type": "string"},
                    },
                    "required": ["date", "open", "holiday", "note"],
                },
            },
        },
        "required": ["weekly", "next_days"],
    }

    def to_representation(self, space):
        from portal.base import clock
        from portal.spaces import hours

        today = timezone.localtime(clock.now()).date()
        days = hours.schedule(space, today, today + datetime.timedelta(days=13))
        weekly = sorted(space.weekly_hours.all(), key=lambda row: (row.weekday, row.opens))
        return {
            "weekly": [
                {
                    "weekday": row.weekday + 1,
                    "opens": hhmm(row.opens),
                    "closes": hhmm(row.closes, closing=True),
                }
                for row in weekly
            ],
            "next_days": [
                {
                    "date": day.date.isoformat(),
                    "open": [
                        {
                            "opens": hhmm(timezone.localtime(interval.start).time()),
                            "closes": hhmm(timezone.localtime(interval.end).time(), closing=True),
                        }
                        for interval in day.intervals
                    ],
                    "holiday": str(day.holiday or ""),
                    "note": day.note or "",
                }
                for day in days
            ],
        }


def hhmm(moment, closing=False):
    """A time of day as HH:MM; closing at midnight is 24:00."""
    if moment == datetime.time(0) and closing:
        return "24:00"
    return f"{moment:%H:%M}"
