"""When a space is open, as the booking form, the availability view and the utilisation
report all need it.

A space is open by its weekly schedule (`WeeklyHours`: the set in force that day, as
each set is valid from its date until the next one begins), except on Slovenian public
holidays (closed, from the `holidays` package) and on dates with an `HoursException`
(closed, or open only at its special hours, a holiday too). Everything here reads the
space's rows with at most two queries (none if they are prefetched or in memory, as in a
preview) however many days are asked for.

Times are aware datetimes in Europe/Ljubljana. Subtracting two of them compares wall
clocks (Python's rule for one tzinfo), so use `Interval.duration`, which is right on the
days the clocks change.
"""

import datetime
import functools
import re
import zoneinfo
from dataclasses import dataclass, field

import holidays
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.base import clock as time_source
from portal.spaces.models.schedule import MIDNIGHT

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
UTC = datetime.UTC
ONE_DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Interval:
    start: datetime.datetime
    end: datetime.datetime

    @property
    def duration(self):
        return self.end.astimezone(UTC) - self.start.astimezone(UTC)

    @functools.cached_property
    def seconds(self):
        """(start, end) in seconds since the epoch."""
        return self.start.timestamp(), self.end.timestamp()

    def overlaps(self, start, end):
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Day:
    """One date of a space's schedule: its open intervals, and why it differs."""

    date: datetime.date
    intervals: list[Interval] = field(default_factory=list)
    holiday: str = ""  # the public holiday's name
    note: str = ""  # the exception's note
    special: bool = False  # hours set for this date, not the weekly ones

    @property
    def is_open(self):
        return bool(self.intervals)

    @property
    def closed_reason(self):
        """Why the space is closed all day: the exception's note, the holiday's name; ""
        when it is open, or just has no hours that weekday."""
        if self.intervals:
            return ""
        return self.note or self.holiday or ""

    @property
    def closure_note(self):
        """`closed_reason` as it reads after "Closed: " (`reason_after_closed`)."""
        return reason_after_closed(self.closed_reason)


def reason_after_closed(reason):
    """Why a space is closed, written to follow the word "Closed": editors often begin the
    note with that word themselves ("Zaprto zaradi beljenja prostora."), which would then
    be said twice; it is left out, and so is a closing full stop."""
    word = re.escape(str(_("Closed")))
    reason = re.sub(rf"^\s*{word}\b[\s:,;.–-]*", "", reason or "", flags=re.IGNORECASE)
    return reason.strip().removesuffix(".").strip()


@functools.lru_cache(maxsize=8192)
def local(day, time=MIDNIGHT):
    """`time` on `day` in Ljubljana (the day's start if no time is given). A wall time the
    spring change skips is read as the hour after it. (Kept for the dates in use: a
    schedule of many spaces asks for the same days and hours over and over.)"""
    moment = datetime.datetime.combine(day, time, tzinfo=LJUBLJANA)
    return moment.astimezone(UTC).astimezone(LJUBLJANA)


def local_date(moment):
    """The date in Ljubljana of the aware datetime `moment`."""
    return timezone.localtime(moment, LJUBLJANA).date()


def describe_day(day):
    """ "torek, 1. 12. 2026": a date as messages name it."""
    return date_format(day, "l, j. n. Y")


def describe(start, end):
    """ "torek, 1. 12. 2026, 17.00–19.00": a span of one day as messages name it."""
    return f"{describe_day(local_date(start))}, {clock(start)}–{clock(end)}"


def closing(day, time):
    """A closing `time` on `day`: 00.00 is midnight at the end of the day."""
    return local(day + ONE_DAY) if time == MIDNIGHT else local(day, time)


def holiday_language():
    return "sl" if (get_language() or "sl").startswith("sl") else "en_US"


@functools.lru_cache(maxsize=64)
def holidays_of(year, language):
    """{date: name} of the Slovenian public holidays of `year`."""
    return dict(holidays.country_holidays("SI", years=year, language=language))


def holiday_name(day):
    return holidays_of(day.year, holiday_language()).get(day, "")


def schedule(space, first, last):
    """The `Day` of every date from `first` to `last` (both included)."""
    sets = weekly_sets(space)
    exceptions = {}
    for row in exceptions_between(space, first, last):
        exceptions.setdefault(row.date, []).append(row)
    holidays = {}
    for year in range(first.year, last.year + 1):
        holidays.update(holidays_of(year, holiday_language()))
    days = []
    day, weekday = first, first.weekday()
    while day <= last:
        weekly = in_force(sets, day)
        ranges, dated = weekly.get(weekday, ()), exceptions.get(day, ())
        days.append(day_of(day, ranges, dated, holidays.get(day, "")))
        day, weekday = day + ONE_DAY, (weekday + 1) % 7
    return days


def closure(day, sets):
    """Why the space is closed all of `day` (a `Day`), for what is set on it anyway: the
    holiday's name or the exception's note, or "by its opening hours" on a weekday without
    hours in the set in force (`sets` from `weekly_sets`); "" when it is open. A space
    with no weekly hours then has none to go by: only a date closed with a note counts."""
    if day.is_open:
        return ""
    if not in_force(sets, day.date):
        return day.note
    return day.closed_reason or str(_("by its opening hours"))


def weekly_sets(space):
    """The space's sets of weekly hours, the earliest first: [(valid from, {weekday:
    ranges})], a set valid from the beginning dated `datetime.date.min`."""
    sets = {}
    for row in space.weekly_hours.all():
        since = row.valid_from or datetime.date.min
        sets.setdefault(since, {}).setdefault(row.weekday, []).append((row.opens, row.closes))
    return [
        (since, {weekday: tuple(sorted(ranges)) for weekday, ranges in weekly.items()})
        for since, weekly in sorted(sets.items())
    ]


def in_force(sets, day):
    """The {weekday: ranges} of the set of `sets` in force on `day`: none before the first."""
    found = {}
    for since, weekly in sets:
        if since > day:
            break
        found = weekly
    return found


def rows_in_force(space, day=None):
    """The `WeeklyHours` rows in force on `day` (today if not given), by weekday and time:
    the weekly hours a page shows as the current ones."""
    day = day or time_source.today()
    rows = list(space.weekly_hours.all())
    started = [row.valid_from or datetime.date.min for row in rows]
    since = max((begins for begins in started if begins <= day), default=None)
    return sorted(
        (row for row, begins in zip(rows, started, strict=True) if begins == since),
        key=lambda row: (row.weekday, row.opens),
    )


def exceptions_between(space, first, last):
    """The space's exceptions in the span: from the prefetched rows if there are, else in
    one query (or from memory, in a preview: modelcluster filters its own rows)."""
    if "hours_exceptions" in getattr(space, "_prefetched_objects_cache", {}):
        return [row for row in space.hours_exceptions.all() if first <= row.date <= last]
    return list(space.hours_exceptions.filter(date__range=(first, last)))


def day_of(day, weekly_ranges, exceptions, holiday):
    if not exceptions:  # most days: the weekly hours, or a holiday
        return Day(day, [], holiday) if holiday else weekly_day(day, weekly_ranges)
    note = "; ".join(row.note for row in exceptions if row.note)
    if any(row.closed for row in exceptions):
        return Day(day, [], holiday, note)
    special = [(row.opens, row.closes) for row in exceptions if row.opens and row.closes]
    if special:
        return Day(day, intervals(day, special), holiday, note, special=True)
    if holiday:
        return Day(day, [], holiday, note)
    return Day(day, intervals(day, weekly_ranges), holiday, note)


@functools.lru_cache(maxsize=16384)
def weekly_day(day, ranges):
    """The `Day` of a date open at its weekly `ranges` (a tuple) alone. Kept: many spaces
    share their hours (the utilisation report reads hundreds of spaces' years), and a
    `Day` is never changed."""
    return Day(day, intervals(day, ranges))


def intervals(day, ranges):
    """The ranges on `day` as sorted intervals, touching or overlapping ones joined."""
    found = []
    for opens, closes in sorted(ranges):
        start, end = local(day, opens), closing(day, closes)
        if end <= start:
            continue
        if found and start <= found[-1].end:
            found[-1] = Interval(found[-1].start, max(found[-1].end, end))
        else:
            found.append(Interval(start, end))
    return found


def open_intervals(space, start, end):
    """The intervals in which `space` is open between the aware datetimes `start` and
    `end`, cut to them."""
    first = timezone.localtime(start, LJUBLJANA).date()
    last = timezone.localtime(end, LJUBLJANA).date()
    found = []
    for day in schedule(space, first, last):
        for interval in day.intervals:
            if interval.overlaps(start, end):
                found.append(Interval(max(interval.start, start), min(interval.end, end)))
    return found


def closed_reason(space, day):
    """Why `space` is closed on `day` (the exception's note or the holiday's name), or ""
    if it is open that day or simply has no hours on that weekday."""
    return schedule(space, day, day)[0].closed_reason


def is_open_during(space, start, end):
    """Whether `space` is open all the time from `start` to `end`."""
    return any(
        interval.start <= start and end <= interval.end
        for interval in open_intervals(space, start, end)
    )


# --- Today's status ----------------------------------------------------------------------

OPEN, OPENS_LATER, CLOSED_FOR_THE_DAY, CLOSED_TODAY = "open", "later", "done", "closed"
STATUS_TEXT = {
    OPEN: _("Open until %(time)s"),
    OPENS_LATER: _("Opens at %(time)s"),
    CLOSED_FOR_THE_DAY: _("Closed for the rest of today"),
    CLOSED_TODAY: _("Closed today"),
}
# How far ahead the next opening is looked for.
LOOK_AHEAD_DAYS = 14


@dataclass(frozen=True)
class Status:
    """Whether the space is open at `now`, and until when that answer holds."""

    kind: str
    time: datetime.datetime | None  # the closing time (open) or the opening time (later)
    today: Day
    next_opening: datetime.datetime | None
    valid_until: datetime.datetime

    @property
    def is_open(self):
        return self.kind == OPEN

    @property
    def text(self):
        return (
            STATUS_TEXT[self.kind] % {"time": clock(self.time)}
            if self.time
            else (STATUS_TEXT[self.kind])
        )


def clock(moment):
    """A time of day the Slovenian way: 9.00, 20.30; a closing at midnight is 24.00."""
    moment = timezone.localtime(moment, LJUBLJANA)
    if moment.time() == MIDNIGHT:
        return "24.00"
    return f"{moment.hour}.{moment.minute:02d}"


def status(space, now=None, days=None):
    """The `Status` of `space` at `now`; `days` is its schedule from today on, if the
    caller has it already (the page shows the next two weeks)."""
    now = timezone.localtime(now or time_source.now(), LJUBLJANA)
    today = now.date()
    if not days or days[0].date != today:
        days = schedule(space, today, today + datetime.timedelta(days=LOOK_AHEAD_DAYS))
    midnight = local(today + ONE_DAY)
    upcoming = [interval for day in days for interval in day.intervals if interval.end > now]
    current = next((i for i in upcoming if i.start <= now), None)
    later = next((i for i in upcoming if i.start > now), None)
    next_opening = later.start if later else None
    if current is not None:
        return Status(OPEN, current.end, days[0], next_opening, min(current.end, midnight))
    if later is not None and later.start < midnight:
        return Status(OPENS_LATER, later.start, days[0], next_opening, later.start)
    kind = CLOSED_FOR_THE_DAY if days[0].intervals else CLOSED_TODAY
    return Status(kind, None, days[0], next_opening, midnight)
