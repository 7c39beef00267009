"""How an event repeats: the editor's choices, the RFC 5545 RRULE built from them, and the
dates it gives.

Editors never type a rule: they pick a frequency, an interval, weekdays, a monthly pattern
and an end, and `rule_text()` writes the standard RRULE value (`FREQ=WEEKLY;BYDAY=WE`)
that `EventPage.rrule` keeps and feeds export as it is. `expand()` reads that stored text
back with `dateutil.rrule.rrulestr`, so what the site shows is what the rule says.

Times are wall-clock times in Europe/Ljubljana: the rule is expanded on local times and
each date is localised on its own, so an 18:00 meeting stays at 18:00 after a daylight
saving change. All-day events expand by date.
"""

import datetime
import itertools
from dataclasses import dataclass

from dateutil.rrule import rrulestr
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# No event expands into more rows than this, whatever its rule and first date.
MAX_OCCURRENCES = 3000

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class Frequency(models.TextChoices):
    NONE = "", _("does not repeat")
    DAILY = "DAILY", _("daily")
    WEEKLY = "WEEKLY", _("weekly")
    MONTHLY = "MONTHLY", _("monthly")
    YEARLY = "YEARLY", _("yearly")


class Weekday(models.TextChoices):
    MO = "MO", _("Monday")
    TU = "TU", _("Tuesday")
    WE = "WE", _("Wednesday")
    TH = "TH", _("Thursday")
    FR = "FR", _("Friday")
    SA = "SA", _("Saturday")
    SU = "SU", _("Sunday")


class MonthlyBy(models.TextChoices):
    DAY = "day", _("on the same day of the month (for example, on the 14th)")
    WEEKDAY = "weekday", _("on the same weekday (for example, the first Saturday)")
    LAST_WEEKDAY = "last_weekday", _("on the last such weekday (for example, the last Saturday)")


class Ends(models.TextChoices):
    NEVER = "never", _("never")
    ON_DATE = "on_date", _("on a date")
    AFTER = "after", _("after a number of times")


ORDINALS = {
    1: _("first"),
    2: _("second"),
    3: _("third"),
    4: _("fourth"),
}


def week_of_month(day):
    """1 for the first such weekday of its month, 2 for the second, …, 5 for a fifth."""
    return (day.day - 1) // 7 + 1


def monthly_choices(start):
    """The monthly patterns in words for an event that starts on `start` (a date):
    "on day 14", "on the second Saturday", "on the last Saturday"."""
    weekday = Weekday.choices[start.weekday()][1]
    nth = week_of_month(start)
    choices = [(MonthlyBy.DAY, _("on day %(day)s of the month") % {"day": start.day})]
    if nth in ORDINALS:
        choices.append(
            (
                MonthlyBy.WEEKDAY,
                _("on the %(nth)s %(weekday)s") % {"nth": ORDINALS[nth], "weekday": weekday},
            )
        )
    choices.append((MonthlyBy.LAST_WEEKDAY, _("on the last %(weekday)s") % {"weekday": weekday}))
    return choices


def local_start(event):
    """The event's first start as a naive wall-clock time in Kranj (midnight if all day)."""
    start = kranj_time(event.start)
    if event.all_day:
        return datetime.datetime.combine(start.date(), datetime.time())
    return start


def rule_text(event):
    """The RFC 5545 RRULE value of `event`'s repeat settings; "" if it does not repeat."""
    if not event.frequency or event.start is None:
        return ""
    start = local_start(event)
    parts = [f"FREQ={event.frequency}"]
    if event.interval and event.interval > 1:
        parts.append(f"INTERVAL={event.interval}")
    code = WEEKDAY_CODES[start.weekday()]
    if event.frequency == Frequency.WEEKLY:
        days = [day for day in WEEKDAY_CODES if day in event.weekday_list] or [code]
        parts.append("BYDAY=" + ",".join(days))
    elif event.frequency == Frequency.MONTHLY:
        if event.monthly_by == MonthlyBy.WEEKDAY:
            parts.append(f"BYDAY={week_of_month(start)}{code}")
        elif event.monthly_by == MonthlyBy.LAST_WEEKDAY:
            parts.append(f"BYDAY=-1{code}")
        else:
            parts.append(f"BYMONTHDAY={start.day}")
    if event.ends == Ends.ON_DATE and event.until:
        if event.all_day:
            parts.append(f"UNTIL={event.until:%Y%m%d}")
        else:
            # With a local DTSTART, RFC 5545 wants UNTIL in UTC: the end of that day in Kranj.
            last = datetime.datetime.combine(event.until, datetime.time(23, 59, 59))
            last = timezone.make_aware(last).astimezone(datetime.UTC)
            parts.append(f"UNTIL={last:%Y%m%dT%H%M%SZ}")
    elif event.ends == Ends.AFTER and event.count:
        parts.append(f"COUNT={event.count}")
    return ";".join(parts)


@dataclass(frozen=True)
class Instance:
    """One date of an event: `end` is when it stops being current, `open_end` says that no
    end time was given (it then runs to the end of its day)."""

    start: datetime.datetime
    end: datetime.datetime
    all_day: bool
    original_start: datetime.datetime
    cancelled: bool = False
    open_end: bool = False


def kranj_time(moment):
    """An aware datetime as a naive wall-clock time in Kranj. Feeds expand thousands of
    dates: the site's zone is read once, not looked up per request context each time."""
    return moment.astimezone(timezone.get_default_timezone()).replace(tzinfo=None)


def localise(naive):
    """A wall-clock time in Kranj as an aware datetime (the site's zone: `TIME_ZONE`)."""
    return timezone.make_aware(naive, timezone.get_default_timezone())


def end_of_day(naive):
    return localise(
        datetime.datetime.combine(naive.date() + datetime.timedelta(days=1), datetime.time())
    )


def starts(event, until):
    """The naive local starts of `event` from its first up to `until` (naive local)."""
    first = local_start(event)
    if not event.rrule:
        return [first] if first <= until else []
    tz = timezone.get_current_timezone()
    if event.all_day:
        rule = rrulestr(event.rrule, dtstart=first)
        dates = rule
    else:
        # Expanded on Kranj's wall clock; UNTIL in UTC compares correctly with these.
        rule = rrulestr(event.rrule, dtstart=first.replace(tzinfo=tz))
        dates = (moment.replace(tzinfo=None) for moment in rule)
    within = itertools.takewhile(lambda moment: moment <= until, dates)
    return list(itertools.islice(within, MAX_OCCURRENCES))


def gives(event, moment):
    """Whether `event`'s rule has a date starting at `moment` (naive local wall-clock)."""
    return moment in starts(event, moment)


def expand(event, until, excluded=(), changes=()):
    """Every date of `event` up to `until` (an aware datetime), excluded dates left out,
    changed dates cancelled or moved. `excluded` are dates; `changes` are objects with
    `original_date`, `cancelled`, `start` and `end`."""
    local_until = kranj_time(until)
    length = duration(event)
    excluded = set(excluded)
    changes = {change.original_date: change for change in changes}
    instances = []
    for start in starts(event, local_until):
        if start.date() in excluded:
            continue
        instances.append(instance(event, start, length, changes.get(start.date())))
    return instances


def duration(event):
    """How long each date of `event` lasts: whole days for an all-day event (its last day
    included), None when no end time was given."""
    if event.all_day:
        first = local_start(event).date()
        last = timezone.localtime(event.end).date() if event.end else first
        return datetime.timedelta(days=max((last - first).days, 0) + 1)
    return (event.end - event.start) if event.end else None


def instance(event, start, length, change):
    original = localise(start)
    if change is not None and change.cancelled:
        return Instance(**timing(event, start, length), original_start=original, cancelled=True)
    if change is not None and change.start:
        moved = kranj_time(change.start)
        if event.all_day:
            moved = datetime.datetime.combine(moved.date(), datetime.time())
        if change.end and not event.all_day:
            length = change.end - change.start
        return Instance(**timing(event, moved, length), original_start=original)
    return Instance(**timing(event, start, length), original_start=original)


def timing(event, start, length):
    if event.all_day:
        return {"start": localise(start), "end": localise(start + length), "all_day": True}
    if length is None:
        return {
            "start": localise(start),
            "end": end_of_day(start),
            "all_day": False,
            "open_end": True,
        }
    begins = localise(start)
    return {"start": begins, "end": begins + length, "all_day": False}
