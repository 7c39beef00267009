"""Events of a KS on its calendar page, and the dates they happen on."""

from portal.events.models.calendars import EventCalendarPage
from portal.events.models.occurrences import Occurrence, OccurrenceQuerySet
from portal.events.models.pages import (
    DateChange,
    EventPage,
    ExcludedDate,
    Registration,
    Status,
)

__all__ = [
    "DateChange",
    "EventCalendarPage",
    "EventPage",
    "ExcludedDate",
    "Occurrence",
    "OccurrenceQuerySet",
    "Registration",
    "Status",
]
