"""What else an event's dates run into in its space: the space closed that day, another
event at the same time, an approved booking.

A clash source is a function `source(space, dates, event)` that returns the `Clash`es of
`dates` (the event's dates that take place, soonest first: objects with `start`, `end`
and `all_day`, as `portal.events.recurrence.expand` gives them) in `space`; `event` is the
event page being edited (its own dates and booking are no clash), or None. The events app
registers the closed days and the other events from its `AppConfig.ready()`; an app higher
up registers what it holds (the bookings app its approved bookings), so this module names
no one. The event form (`portal.events.forms`) warns of them and asks to publish anyway.
"""

import bisect
import datetime
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from portal.base.privacy import private_paths
from portal.events.models.occurrences import Occurrence
from portal.spaces import hours

CLOSED, EVENT, BOOKING = "closed", "event", "booking"

_sources = []


@dataclass(frozen=True)
class Clash:
    """One date of the event and what it runs into, in a sentence for the editor."""

    start: datetime.datetime
    end: datetime.datetime
    all_day: bool
    reason: str
    kind: str

    @property
    def text(self):
        return f"{describe(self)}: {self.reason}"

    def __str__(self):
        return self.text


def register_clash_source(source):
    """Add `source(space, dates, event)` to the sources every clash check asks."""
    if source not in _sources:
        _sources.append(source)
    return source


def clashes(space, dates, event=None, kinds=None):
    """The clashes of `dates` in `space` from every registered source (or those of
    `kinds`), in date order. Cancelled dates clash with nothing."""
    dates = sorted(
        (date for date in dates if not getattr(date, "cancelled", False)),
        key=lambda date: date.start,
    )
    if space is None or not dates:
        return []
    found = [
        clash
        for source in _sources
        for clash in source(space, dates, event)
        if kinds is None or clash.kind in kinds
    ]
    return sorted(found, key=lambda clash: clash.start)


def describe(date):
    """ "petek, 1. 1. 2027, 18.00–20.00", or just the day for an all-day date."""
    if date.all_day:
        return hours.describe_day(hours.local_date(date.start))
    return hours.describe(date.start, date.end)


def overlapping(dates, taken):
    """The pairs (date, item) of `dates` and `taken` (objects with `start` and `end`) that
    overlap in time, sorting `taken` once rather than comparing every pair."""
    taken = sorted(taken, key=lambda item: item.start)
    starts = [item.start for item in taken]
    longest = max((item.end - item.start for item in taken), default=datetime.timedelta(0))
    for date in dates:
        first = bisect.bisect_left(starts, date.start - longest)
        for item in taken[first : bisect.bisect_left(starts, date.end)]:
            if item.end > date.start:
                yield date, item


def clash(date, reason, kind):
    return Clash(date.start, date.end, date.all_day, reason, kind)


# --- The events app's own sources ----------------------------------------------------------


def closed_days(space, dates, event=None):
    """Dates on which the space is closed (`portal.spaces.hours.closure`): a public
    holiday, a date closed in its hours, a weekday without opening hours."""
    if "hours_exceptions" not in getattr(space, "_prefetched_objects_cache", {}):
        prefetch_related_objects([space], "weekly_hours", "hours_exceptions")
    first = hours.local_date(dates[0].start)
    last = max(hours.local_date(date.start) for date in dates)
    days = {day.date: day for day in hours.schedule(space, first, last)}
    sets = hours.weekly_sets(space)
    found = []
    for date in dates:
        why = hours.closure(days[hours.local_date(date.start)], sets)
        if why:
            reason = _("the space is closed that day (%(reason)s).") % {"reason": why}
            found.append(clash(date, reason, CLOSED))
    return found


def other_events(space, dates, event=None):
    """Dates on which another event takes the space at the same time. An event in a
    private part of the site is named to no one (the editor may be of another KS)."""
    rows = (
        Occurrence.objects.taking_space()
        .filter(event__space=space)
        .between(dates[0].start, max(date.end for date in dates))
        .select_related("event")
        .only("start", "end", "path", "event__title")
    )
    if event is not None and event.pk:
        rows = rows.exclude(event_id=event.pk)
    private = private_paths()
    found = []
    for date, row in overlapping(dates, rows):
        times = {"start": hours.clock(row.start), "end": hours.clock(row.end)}
        if any(row.path.startswith(path) for path in private):
            reason = _("another event takes the space from %(start)s to %(end)s.") % times
        else:
            reason = _("“%(title)s” takes the space from %(start)s to %(end)s.") % {
                "title": row.event.title,
                **times,
            }
        found.append(clash(date, reason, EVENT))
    return found
