"""What the API shows of a community space (`SpacePage.api_fields`) and of a link to one.

In the models package, because these fields read the space's facilities and opening
hours: whichever module asks for them first, the package (and `SpacePage`, which names
them) is loaded before them.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.base import clock
from portal.base.serializers import (
    NUMBER_OR_NULL,
    PageLink,
    SchemaField,
    nullable,
    page_link_schema,
)
from portal.spaces import hours
from portal.spaces.models.facilities import Equipment

TIME = {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}


class SpaceLink(PageLink):
    openapi_schema = page_link_schema("The community space, if it is in one.")


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


class EquipmentList(SchemaField):
    openapi_schema = {
        "type": "array",
        "items": LABELLED,
        "description": _("What the space has, from a fixed list (see equipment_notes)."),
    }

    def to_representation(self, space):
        labels = dict(Equipment.choices)
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
        today = timezone.localtime(clock.now()).date()
        days = hours.schedule(space, today, today + datetime.timedelta(days=13))
        weekly = hours.rows_in_force(space, today)
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
