"""Days, weeks and months as the calendar pages show them, in Kranj's time: what a quick
pick ("this weekend") spans, how a month's grid is laid out (Monday first), and how a list
of dates falls into days."""

import calendar
import datetime
import functools
from dataclasses import dataclass, field

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# The calendar's pages and filters keep to these years: dates outside them are refused
# with a message (so no date arithmetic can overflow).
FIRST_YEAR = 2000
LAST_YEAR = 2100


class QuickPick(models.TextChoices):
    TODAY = "today", _("Today")
    WEEK = "week", _("This week")
    WEEKEND = "weekend", _("This weekend")
    MONTH = "month", _("This month")


def quick_pick_days(pick, today):
    """The first and the last day of `pick`, seen from `today`; a week runs Monday to
    Sunday and its weekend is its Saturday and Sunday."""
    monday = today - datetime.timedelta(days=today.weekday())
    if pick == QuickPick.TODAY:
        return today, today
    if pick == QuickPick.WEEK:
        return monday, monday + datetime.timedelta(days=6)
    if pick == QuickPick.WEEKEND:
        return monday + datetime.timedelta(days=5), monday + datetime.timedelta(days=6)
    first = today.replace(day=1)
    return first, first.replace(day=calendar.monthrange(today.year, today.month)[1])


def day_start(day):
    """Midnight at the start of `day` in the current time zone (Kranj's)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def days_span(first, last):
    """The moments from the start of day `first` to the end of day `last`."""
    return day_start(first), day_start(last + datetime.timedelta(days=1))


def in_calendar_years(day):
    return FIRST_YEAR <= day.year <= LAST_YEAR


@dataclass
class Day:
    """One day of a list or a month grid, with the dates that start on it."""

    date: datetime.date
    today: datetime.date
    occurrences: list = field(default_factory=list)
    more: int = 0  # dates of this day a month grid has no room for
    in_month: bool = True

    @property
    def is_today(self):
        return self.date == self.today

    @property
    def is_tomorrow(self):
        return self.date == self.today + datetime.timedelta(days=1)

    @property
    def is_past(self):
        return self.date < self.today

    @property
    def labels(self):
        """The day's date as the month grid writes it (`DayLabels`)."""
        return day_labels(self.date, get_language())

    @property
    def grid_class(self):
        """The month grid cell's classes (worked out here: 42 cells a month)."""
        classes = ["calendar-grid__day"]
        if not self.in_month:
            classes.append("calendar-grid__day--other-month")
        if not self.occurrences:
            classes.append("calendar-grid__day--empty")
        if self.is_today:
            classes.append("calendar-grid__day--today")
        return " ".join(classes)


@dataclass(frozen=True)
class DayLabels:
    """A date in words, in the current language: a month grid writes 42 of them, and
    formatting a date is slow enough to work each out once a process (`day_labels`)."""

    number: str  # "26"
    full: str  # "Četrtek, 26. november"
    weekday: str  # "četrtek"
    weekday_short: str  # "čet."


@functools.lru_cache(maxsize=4096)
def day_labels(date, language):
    """`language` is part of the key: the words are the active language's."""
    return DayLabels(
        number=str(date.day),
        full=capfirst(date_format(date, "l, j. E")),
        weekday=date_format(date, "l"),
        weekday_short=date_format(date, "D"),
    )


def by_day(occurrences, today):
    """`occurrences` (in order) as consecutive `Day`s, by the local day each starts on."""
    days = []
    for occurrence in occurrences:
        date = timezone.localtime(occurrence.start).date()
        if not days or days[-1].date != date:
            days.append(Day(date, today))
        days[-1].occurrences.append(occurrence)
    return days


@dataclass(frozen=True, order=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, day):
        return cls(day.year, day.month)

    @property
    def first(self):
        return datetime.date(self.year, self.month, 1)

    @property
    def span(self):
        return day_start(self.first), day_start(self.next().first)

    def previous(self):
        return Month(self.year - 1, 12) if self.month == 1 else Month(self.year, self.month - 1)

    def next(self):
        return Month(self.year + 1, 1) if self.month == 12 else Month(self.year, self.month + 1)

    def is_valid(self):
        return 1 <= self.month <= 12 and FIRST_YEAR <= self.year <= LAST_YEAR

    def months_later(self, count):
        index = self.year * 12 + self.month - 1 + count
        return Month(index // 12, index % 12 + 1)

    def weeks(self, today, shown, counts):
        """The grid: weeks of `Day`s, Monday first, with the days of the months around it
        that fill its first and last week. `shown` maps a date to the occurrences to show
        on it, `counts` to how many it has in all."""
        return [
            [
                Day(
                    date,
                    today,
                    occurrences=shown.get(date, []),
                    more=counts.get(date, 0) - len(shown.get(date, [])),
                    in_month=date.month == self.month,
                )
                for date in week
            ]
            for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
                self.year, self.month
            )
        ]


# How far ahead of today the month grid reaches.
MONTHS_AHEAD = 24


@dataclass(frozen=True)
class MonthRange:
    """The months a calendar has a grid for: from the month of its first date (or this
    month, if that is earlier or there are no dates) to `MONTHS_AHEAD` months ahead. A
    grid links only to months in it, so a crawler following "next month" stops."""

    first: Month
    last: Month

    @classmethod
    def from_first_date(cls, first_date, today):
        this_month = Month.of(today)
        first = min(Month.of(first_date), this_month) if first_date else this_month
        return cls(first, this_month.months_later(MONTHS_AHEAD))

    def __contains__(self, month):
        return month.is_valid() and self.first <= month <= self.last
