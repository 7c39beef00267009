"""How much each community space is used, month by month: the figures of the utilisation
report in the admin (`portal.bookings.report`). Why they are defined so: decision 0013.

- Hours open: the month's opening hours as `portal.spaces.hours` knows them (the weekly
  schedule, dates with other hours, public holidays closed unless a date opens them).
- Hours used: the time the space is taken, as `portal.bookings.availability` knows it (the
  dates of its live events, less cancelled ones, and its approved bookings), joined into
  one timeline and cut to the month: an event and a booking at the same time count once.
- Of those, outside opening hours: taken time when the space is not open. It is shown
  apart and left out of the utilisation, which is the share of the opening hours that was
  taken: never above 100 %, and none for a month without opening hours.
- Programmes: the distinct programmes of the events held there that month. Organisers:
  the distinct event organisers (stakeholders) and booking organisations, the same name
  counted once; a requester without an organisation counts as one, and is never named.
- People reached: on the dates with sign-ups whose attendance was recorded, the places of
  those who came plus the walk-ins, by the event's programme (`portal.signups.reach`,
  decision 0039); past dates still waiting for their attendance are counted apart.

Everything is read in five queries however many spaces and months are asked for, and
computed in seconds since the epoch, so a month in which the clocks change has its true
length.
"""

import bisect
import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import BooleanField, ExpressionWrapper, Prefetch, prefetch_related_objects

from portal.bookings import availability
from portal.signups.reach import people_reached
from portal.spaces import hours
from portal.spaces.models import HoursException

UTC = datetime.UTC
ZERO = datetime.timedelta(0)
HOUR = datetime.timedelta(hours=1)


@dataclass
class Use:
    """What a space did in a month, or in a whole period."""

    open: datetime.timedelta = ZERO
    used: datetime.timedelta = ZERO
    outside: datetime.timedelta = ZERO  # the part of `used` outside the opening hours
    programmes: set = field(default_factory=set)
    organisers: set = field(default_factory=set)
    # People reached, by (programme id, title), or None for events without a programme.
    reached: Counter = field(default_factory=Counter)

    @property
    def people(self):
        return sum(self.reached.values())

    @property
    def inside(self):
        return self.used - self.outside

    @property
    def share(self):
        """The share of the opening hours that was taken, 0 to 1; None without any."""
        return self.inside / self.open if self.open else None

    @property
    def percent(self):
        share = self.share
        return None if share is None else round(share * 100, 1)

    @property
    def hours_open(self):
        return as_hours(self.open)

    @property
    def hours_used(self):
        return as_hours(self.used)

    @property
    def hours_outside(self):
        return as_hours(self.outside)

    @property
    def programme_count(self):
        return len(self.programmes)

    @property
    def organiser_count(self):
        return len(self.organisers)

    def add(self, other):
        self.open += other.open
        self.used += other.used
        self.outside += other.outside
        self.programmes |= other.programmes
        self.organisers |= other.organisers
        self.reached.update(other.reached)


@dataclass
class MonthUse:
    month: datetime.date  # its first day
    use: Use


@dataclass
class SpaceUse:
    space: object  # a SpacePage
    months: list  # of MonthUse, in order
    total: Use  # the whole period: hours summed, programmes and organisers distinct
    waiting: int = 0  # past dates with sign-ups still waiting for their attendance


@dataclass(frozen=True)
class Taking:
    """A stretch of time something took a space, or (`takes_time` False) an approved
    booking whose event already counts the time but whose organiser still counts."""

    start: float  # seconds since the epoch
    end: float
    programme: int | None = None
    organiser: tuple | None = None
    takes_time: bool = True


def as_hours(duration):
    return round(duration / HOUR, 2)


def first_of_month(day):
    return day.replace(day=1)


def next_month(month):
    return (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)


def months_between(first, last):
    """The first days of the months from `first`'s to `last`'s, both included."""
    months, month = [], first_of_month(first)
    while month <= last:
        months.append(month)
        month = next_month(month)
    return months


def utilisation(spaces, first, last):
    """The `SpaceUse` of each of `spaces` (SpacePages) in each month from the month of
    `first` to the month of `last`."""
    spaces = list(spaces)
    months = months_between(first, last)
    if not spaces or not months:
        return []
    last_day = next_month(months[-1]) - datetime.timedelta(days=1)
    bounds = [hours.local(month).timestamp() for month in [*months, next_month(months[-1])]]
    prefetch_related_objects(
        spaces,
        "weekly_hours",
        Prefetch(
            "hours_exceptions",
            queryset=HoursException.objects.filter(date__range=(months[0], last_day)),
        ),
    )
    space_ids = [space.pk for space in spaces]
    period = hours.local(months[0]), hours.local(next_month(months[-1]))
    takings = takings_by_space(space_ids, *period)
    reached = people_reached(space_ids, *period)
    return [
        space_use(space, months, bounds, last_day, takings.get(space.pk, []), reached)
        for space in spaces
    ]


def space_use(space, months, bounds, last_day, takings, reached):
    first = months[0]
    opening = [[] for _ in months]  # a month's days' open intervals never leave the month
    for day in hours.schedule(space, first, last_day):
        if day.intervals:
            index = (day.date.year - first.year) * 12 + day.date.month - first.month
            opening[index].extend(interval.seconds for interval in day.intervals)
    busy = union([(taking.start, taking.end) for taking in takings if taking.takes_time])
    uses = []
    for month_open, month_busy in zip(opening, split(busy, bounds), strict=True):
        used = duration(month_busy)
        outside = used - duration(intersection(month_busy, month_open))
        uses.append(
            Use(open=seconds(duration(month_open)), used=seconds(used), outside=seconds(outside))
        )
    for taking in takings:
        for index in spans_of(taking, bounds):
            if taking.programme is not None:
                uses[index].programmes.add(taking.programme)
            if taking.organiser is not None:
                uses[index].organisers.add(taking.organiser)
    for (month, programme), people in reached.people.get(space.pk, {}).items():
        index = (month.year - first.year) * 12 + month.month - first.month
        uses[index].reached[programme] += people
    total = Use()
    for use in uses:
        total.add(use)
    return SpaceUse(
        space,
        [MonthUse(*pair) for pair in zip(months, uses, strict=True)],
        total,
        reached.waiting.get(space.pk, 0),
    )


def takings_by_space(space_ids, start, end):
    """{space id: [Taking]} of the spaces between `start` and `end`: two queries."""
    found = {}
    event_dates = (
        availability.taking_event_dates(start, end)
        .filter(event__space__in=space_ids)
        .values_list(
            "event__space_id", "start", "end", "event__programme_id", "event__organiser__name"
        )
    )
    for space_id, taken_from, taken_to, programme, organiser in event_dates:
        found.setdefault(space_id, []).append(
            Taking(
                taken_from.timestamp(),
                taken_to.timestamp(),
                programme,
                organiser and ("name", normalised(organiser)),
            )
        )
    booking_dates = (
        availability.approved_booking_dates(start, end)
        .filter(space__in=space_ids)
        .annotate(
            takes_time=ExpressionWrapper(
                availability.BOOKING_NOT_SHOWN_AS_EVENT, output_field=BooleanField()
            )
        )
        .values_list(
            "space_id",
            "start",
            "end",
            "takes_time",
            "request_id",
            "request__organisation",
            "request__email",
        )
    )
    for space_id, taken_from, taken_to, takes_time, request, organisation, email in booking_dates:
        found.setdefault(space_id, []).append(
            Taking(
                taken_from.timestamp(),
                taken_to.timestamp(),
                organiser=booking_organiser(request, organisation, email),
                takes_time=bool(takes_time),
            )
        )
    return found


def normalised(name):
    return " ".join(name.split()).casefold()


def booking_organiser(request_id, organisation, email):
    """Who a booking counts as: its organisation by name, else its requester (by e-mail,
    or the request itself once the e-mail is removed)."""
    if organisation.strip():
        return ("name", normalised(organisation))
    return ("requester", email.casefold() or request_id)


# --- Intervals: (start, end) pairs of seconds since the epoch --------------------------------


def seconds(count):
    return datetime.timedelta(seconds=count)


def union(intervals):
    """The intervals joined where they overlap or touch, in order."""
    joined = []
    for start, end in sorted(intervals):
        if joined and start <= joined[-1][1]:
            if end > joined[-1][1]:
                joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def split(intervals, bounds):
    """The ordered, disjoint `intervals` cut at the ordered `bounds`: a list of the parts
    between each two neighbouring bounds."""
    parts = [[] for _ in bounds[1:]]
    index = 0
    for start, end in intervals:
        if end <= bounds[0] or start >= bounds[-1]:
            continue
        while bounds[index + 1] <= start:
            index += 1
        part = index
        while part < len(parts) and bounds[part] < end:
            parts[part].append((max(start, bounds[part]), min(end, bounds[part + 1])))
            part += 1
    return parts


def spans_of(taking, bounds):
    """The indexes of the spans between `bounds` that `taking` overlaps."""
    index = max(bisect.bisect_right(bounds, taking.start) - 1, 0)
    while index < len(bounds) - 1 and bounds[index] < taking.end:
        if taking.start < bounds[index + 1]:
            yield index
        index += 1


def intersection(first, second):
    """The time in both of two ordered lists of disjoint intervals."""
    found, i, j = [], 0, 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if start < end:
            found.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return found


def duration(intervals):
    return sum(end - start for start, end in intervals)
