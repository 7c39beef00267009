"""Why a space cannot be had at the proposed times: the one check that the public form
and the approval in the admin both run.

`problems()` names each clash with its date and hours: the space is closed that day
(a public holiday, a closed date), the time is outside the opening hours, an event or an
approved booking takes the space then, or more people are expected than the room holds.
It reads the space's hours once and what takes the space in two queries, however many
dates are proposed.
"""

import datetime
from dataclasses import dataclass

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext as _

from portal.bookings import availability
from portal.spaces import hours
from portal.spaces.hours import describe


@dataclass(frozen=True)
class Slot:
    """A proposed date: aware datetimes in Ljubljana."""

    start: datetime.datetime
    end: datetime.datetime

    @property
    def date(self):
        return hours.local_date(self.start)


def capacity_of(space, room):
    """How many people a booking may bring: the room's seats (its standing places if it
    has no seats, e.g. a garden); with no room chosen, the space's capacity, which its
    card and house rules state (the seats of its largest room)."""
    if room is not None and (room.seated_capacity or room.standing_capacity):
        return room.seated_capacity or room.standing_capacity
    if space is None:
        return None
    return space.capacity or space.largest_capacity


def problems(space, slots, room=None, attendance=None):
    """The reasons, as sentences for the requester, why `slots` cannot be booked in
    `space` (and `room`, for `attendance` people); empty if they can."""
    found = []
    capacity = capacity_of(space, room)
    if attendance and capacity and attendance > capacity:
        where = room.name if room is not None else space.title
        found.append(
            _("%(where)s holds at most %(capacity)s people; you expect %(attendance)s.")
            % {"where": where, "capacity": capacity, "attendance": attendance}
        )
    if not slots:
        return found
    if "weekly_hours" not in getattr(space, "_prefetched_objects_cache", {}):
        prefetch_related_objects([space], "weekly_hours", "hours_exceptions")
    busy = availability.busy_slots(
        space, min(slot.start for slot in slots), max(slot.end for slot in slots)
    )
    for slot in slots:
        found.extend(slot_problems(space, slot, busy))
    return found


def slot_problems(space, slot, busy):
    when = describe(slot.start, slot.end)
    reason = hours.closed_reason(space, slot.date)
    if reason:
        return [
            _("%(when)s: the space is closed that day (%(reason)s).")
            % {"when": when, "reason": reason}
        ]
    if not hours.is_open_during(space, slot.start, slot.end):
        return [
            _("%(when)s: this is outside the opening hours (%(hours)s).")
            % {"when": when, "hours": opening_hours_text(space, slot.date)}
        ]
    return [
        _("%(when)s: the space is already taken from %(start)s to %(end)s (%(what)s).")
        % {
            "when": when,
            "start": hours.clock(taken.start),
            "end": hours.clock(taken.end),
            "what": taken.title or _("taken"),
        }
        for taken in busy
        if taken.start < slot.end and slot.start < taken.end
    ]


def opening_hours_text(space, day):
    """The day's opening hours, "9.00–12.00, 17.00–20.00", or that it has none."""
    [schedule] = hours.schedule(space, day, day)
    if not schedule.intervals:
        return _("closed that day")
    return ", ".join(
        f"{hours.clock(interval.start)}–{hours.clock(interval.end)}"
        for interval in schedule.intervals
    )
