"""When a space is taken and when it is free, for the public week view.

`taking_event_dates` and `taking_booking_dates` are the one place that knows what
occupies a space: the dates of its live events and its approved bookings. `busy_slots`
lists them for one space, the utilisation report (`portal.bookings.utilisation`) for many;
`week` splits each day's opening hours into taken and free stretches around them. All run
a constant number of queries.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from portal.base import clock
from portal.base.privacy import private_paths
from portal.bookings.models import BookingDate
from portal.events.models import Occurrence
from portal.spaces import hours


@dataclass(frozen=True)
class Busy:
    """A stretch in which the space is taken. `title` and `url` only for what the public
    may see; anything else shows as simply taken."""

    start: datetime.datetime
    end: datetime.datetime
    title: str = ""
    url: str = ""
    is_event: bool = False

    @property
    def label(self):
        """What takes the space, in words: "dogodek »Popravljalnica«", "odobrena rezervacija"."""
        if self.is_event:
            return _("event “%(title)s”") % {"title": self.title} if self.title else _("an event")
        if self.title:
            return _("booking “%(title)s”") % {"title": self.title}
        return _("an approved booking")


@dataclass(frozen=True)
class Stretch:
    start: datetime.datetime
    end: datetime.datetime
    taken_by: list  # of Busy; empty: free

    @property
    def is_free(self):
        return not self.taken_by


@dataclass(frozen=True)
class DayAvailability:
    day: hours.Day
    stretches: list
    clashes: list = field(default_factory=list)  # sentences: what should not be so

    @property
    def date(self):
        return self.day.date


def busy_slots(space, start, end, request=None):
    """What occupies `space` between the aware datetimes `start` and `end`, in time order:
    the dates of its live events, less cancelled events and dates, and its approved
    bookings (two queries). Events in a private part of the site and private bookings
    take the space too, but show no title; a public booking shows its purpose unless its
    KS publishes only with municipal approval (there its event, once approved, shows it)."""
    found = event_slots(space, start, end, request) + booking_slots(space, start, end)
    return sorted(found, key=lambda slot: (slot.start.astimezone(hours.UTC), slot.end))


def taking_event_dates(start, end):
    """The event dates that take their space (`event__space`) between `start` and `end`:
    dates of live events (only those have rows), less cancelled dates and events."""
    return Occurrence.objects.taking_space().between(start, end)


def taking_booking_dates(start, end):
    """The approved booking dates between `start` and `end`, less those whose live event
    in the calendar shows them already (as one of `taking_event_dates`)."""
    return approved_booking_dates(start, end).filter(BOOKING_NOT_SHOWN_AS_EVENT)


def approved_booking_dates(start, end):
    """Every approved booking date between `start` and `end`."""
    return BookingDate.objects.filter(approved=True, start__lt=end, end__gt=start)


# An approved booking published as a live event takes its space as that event's dates.
BOOKING_NOT_SHOWN_AS_EVENT = Q(request__event__isnull=True) | Q(request__event__live=False)


def event_slots(space, start, end, request=None):
    rows = (
        taking_event_dates(start, end)
        .filter(event__space=space)
        .select_related("event")
        .only("start", "end", "path", "event__title", "event__url_path", "event__path")
        .order_by("start", "pk")
    )
    private = private_paths()
    found = []
    for row in rows:
        if any(row.path.startswith(path) for path in private):
            found.append(Busy(row.start, row.end, is_event=True))
        else:
            found.append(
                Busy(row.start, row.end, row.event.title, row.event.get_url(request), True)
            )
    return found


def booking_slots(space, start, end):
    """Approved bookings not shown as events already. The purpose is the requester's
    text: under municipal approval it reaches the public only in an approved event."""
    rows = (
        taking_booking_dates(start, end)
        .filter(space=space)
        .values_list(
            "start",
            "end",
            "request__is_public",
            "request__community__requires_approval",
            "request__purpose",
        )
        .order_by("start", "pk")
    )
    return [
        Busy(row_start, row_end, purpose if is_public and not needs_approval else "")
        for row_start, row_end, is_public, needs_approval, purpose in rows
    ]


def week(space, monday, request=None):
    """Each day of the week starting at `monday`: its opening hours cut into free and
    taken stretches, and what takes the space outside them too."""
    days = hours.schedule(space, monday, monday + datetime.timedelta(days=6))
    start = hours.local(monday)
    end = hours.local(monday + datetime.timedelta(days=7))
    busy = busy_slots(space, start, end, request)
    sets = hours.weekly_sets(space)
    return [
        DayAvailability(day, stretches(day, busy), day_clashes(day, busy, sets)) for day in days
    ]


def day_clashes(day, busy, sets):
    """What takes the space on a day it is closed (`hours.closure`), and what takes it at
    the same time as something else, as sentences for the week view."""
    day_start = hours.local(day.date)
    day_end = hours.local(day.date + datetime.timedelta(days=1))
    todays = [slot for slot in busy if slot.start < day_end and slot.end > day_start]
    found = []
    why = hours.closure(day, sets)
    if why:
        found += [
            _("Clash: %(what)s on a day the space is closed (%(reason)s).")
            % {"what": slot.label, "reason": why}
            for slot in todays
        ]
    for index, first in enumerate(todays):
        for second in todays[index + 1 :]:
            if second.start < first.end and first.start < second.end:
                found.append(
                    _("Clash: %(first)s and %(second)s at the same time, %(start)s–%(end)s.")
                    % {
                        "first": first.label,
                        "second": second.label,
                        "start": hours.clock(max(first.start, second.start)),
                        "end": hours.clock(min(first.end, second.end)),
                    }
                )
    return found


def stretches(day, busy):
    """The day's open intervals and busy slots as one timeline of stretches."""
    day_start = hours.local(day.date)
    day_end = hours.local(day.date + datetime.timedelta(days=1))
    todays = [slot for slot in busy if slot.start < day_end and slot.end > day_start]
    # Every moment at which what the space is doing may change.
    cuts = {day_start, day_end}
    for interval in day.intervals:
        cuts.update((interval.start, interval.end))
    for slot in todays:
        cuts.update((max(slot.start, day_start), min(slot.end, day_end)))
    cuts = sorted(cuts, key=lambda moment: moment.astimezone(hours.UTC))
    found = []
    for begin, finish in zip(cuts, cuts[1:], strict=False):
        taking = [slot for slot in todays if slot.start < finish and slot.end > begin]
        is_open = any(i.start <= begin and finish <= i.end for i in day.intervals)
        if not taking and not is_open:
            continue
        previous = found[-1] if found else None
        if previous and previous.end == begin and previous.taken_by == taking:
            found[-1] = Stretch(previous.start, finish, taking)
        else:
            found.append(Stretch(begin, finish, taking))
    return found


def monday_of(day):
    return day - datetime.timedelta(days=day.weekday())


def this_week():
    return monday_of(clock.today())
