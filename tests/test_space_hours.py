"""When a space is open: weekly hours, dated exceptions, Slovenian public holidays, the
days the clocks change, and today's status (`portal.spaces.hours`)."""

import datetime

import pytest

from portal.spaces import hours
from tests import builders
from tests.builders import LJUBLJANA, at

pytestmark = pytest.mark.django_db

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def local_times(intervals):
    """Intervals as ("2026-11-30", "09.00", "12.00") in Ljubljana's wall-clock time."""
    return [
        (i.start.date().isoformat(), hours.clock(i.start), hours.clock(i.end)) for i in intervals
    ]


@pytest.fixture
def ks():
    return builders.community("Golnik")


@pytest.fixture
def space(ks):
    return builders.space_with_hours(
        ks,
        weekly=[(MON, "17:00", "20:00"), (MON, "09:00", "12:00"), (WED, "17:00", "21:30")],
    )


def test_a_day_can_have_several_ranges(space):
    monday = datetime.date(2026, 11, 30)
    found = hours.open_intervals(space, at(monday, 0), at(monday + datetime.timedelta(7), 0))
    assert local_times(found) == [
        ("2026-11-30", "9.00", "12.00"),
        ("2026-11-30", "17.00", "20.00"),
        ("2026-12-02", "17.00", "21.30"),
    ]
    assert all(interval.start.tzinfo == LJUBLJANA for interval in found)


def test_intervals_are_cut_to_the_span_asked_for(space):
    monday = datetime.date(2026, 11, 30)
    found = hours.open_intervals(space, at(monday, 10), at(monday, 18))
    assert local_times(found) == [
        ("2026-11-30", "10.00", "12.00"),
        ("2026-11-30", "17.00", "18.00"),
    ]


def test_a_closed_date_and_a_date_with_special_hours(ks):
    space = builders.space_with_hours(
        ks,
        weekly=[(MON, "17:00", "20:00")],
        exceptions=[
            (datetime.date(2026, 11, 30), "closed", "Zaprto zaradi beljenja."),
            (datetime.date(2026, 12, 7), ("10:00", "13:00"), "Dan odprtih vrat"),
        ],
    )
    days = hours.schedule(space, datetime.date(2026, 11, 30), datetime.date(2026, 12, 7))
    assert days[0].intervals == []
    assert days[0].closed_reason == "Zaprto zaradi beljenja."
    assert hours.closed_reason(space, datetime.date(2026, 11, 30)) == "Zaprto zaradi beljenja."
    assert local_times(days[7].intervals) == [("2026-12-07", "10.00", "13.00")]
    assert days[7].special


def test_public_holidays_are_closed_and_named_easter_monday_too(ks):
    space = builders.space_with_hours(ks, weekly=[(day, "09:00", "17:00") for day in range(7)])
    easter_monday = datetime.date(2026, 4, 6)
    assert hours.open_intervals(space, at(easter_monday, 0), at(easter_monday, 23)) == []
    assert hours.closed_reason(space, easter_monday) == "velikonočni ponedeljek"
    assert hours.closed_reason(space, datetime.date(2026, 6, 25)) == "dan državnosti"
    assert hours.closed_reason(space, datetime.date(2026, 12, 24)) == ""  # an ordinary day
    assert hours.open_intervals(
        space, at(datetime.date(2026, 4, 7), 0), at(datetime.date(2026, 4, 7), 23)
    )


def test_an_exception_with_special_hours_opens_a_holiday(ks):
    christmas = datetime.date(2026, 12, 25)
    space = builders.space_with_hours(
        ks,
        weekly=[(FRI, "17:00", "20:00")],
        exceptions=[(christmas, ("10:00", "12:00"), "Božični zajtrk")],
    )
    [day] = hours.schedule(space, christmas, christmas)
    assert day.holiday == "božič"
    assert local_times(day.intervals) == [("2026-12-25", "10.00", "12.00")]
    assert hours.closed_reason(space, christmas) == ""


def test_the_days_the_clocks_change(ks):
    spring, autumn = datetime.date(2026, 3, 29), datetime.date(2026, 10, 25)
    space = builders.space_with_hours(
        ks,
        weekly=[(SUN, "01:00", "04:00")],
        exceptions=[(datetime.date(2026, 3, 28), ("00:00", "00:00"), "Noč ustvarjanja")],
    )
    [in_spring] = hours.open_intervals(space, at(spring, 0), at(spring, 23))
    [in_autumn] = hours.open_intervals(space, at(autumn, 0), at(autumn, 23))
    assert in_spring.duration == datetime.timedelta(hours=2)
    assert in_autumn.duration == datetime.timedelta(hours=4)
    assert in_spring.end.utcoffset() == datetime.timedelta(hours=2)
    assert in_autumn.end.utcoffset() == datetime.timedelta(hours=1)
    # Open from midnight to midnight on the Saturday before the spring change: 24 hours,
    # and the Sunday's own range follows it.
    [whole_day] = hours.schedule(space, datetime.date(2026, 3, 28), datetime.date(2026, 3, 28))[
        0
    ].intervals
    assert whole_day.duration == datetime.timedelta(hours=24)
    assert hours.clock(whole_day.end) == "24.00"


def test_a_year_of_days_costs_two_queries(space, django_assert_num_queries):
    from portal.spaces.models import SpacePage

    fresh = SpacePage.objects.get(pk=space.pk)
    with django_assert_num_queries(2):
        days = hours.schedule(fresh, datetime.date(2026, 1, 1), datetime.date(2026, 12, 31))
    assert len(days) == 365
    assert sum(1 for day in days if day.holiday) >= 14


@pytest.mark.parametrize(
    ("moment", "text", "valid_until"),
    [
        (at(datetime.date(2026, 11, 30), 10), "Odprto do 12.00", (11, 30, 12, 0)),
        (at(datetime.date(2026, 11, 30), 13), "Odpre se ob 17.00", (11, 30, 17, 0)),
        (at(datetime.date(2026, 11, 30), 20, 30), "Danes je že zaprto", (12, 1, 0, 0)),
        (at(datetime.date(2026, 12, 1), 10), "Danes zaprto", (12, 2, 0, 0)),
    ],
)
def test_todays_status(space, moment, text, valid_until):
    status = hours.status(space, moment)
    assert str(status.text) == text
    month, day, hour, minute = valid_until
    assert status.valid_until == at(datetime.date(2026, month, day), hour, minute)


def test_the_status_names_the_holiday_and_the_next_opening(ks):
    space = builders.space_with_hours(ks, weekly=[(MON, "17:00", "20:00"), (TUE, "17:00", "20:00")])
    status = hours.status(space, at(datetime.date(2026, 4, 6), 9))  # Easter Monday
    assert status.kind == hours.CLOSED_TODAY
    assert status.today.closed_reason == "velikonočni ponedeljek"
    assert status.next_opening == at(datetime.date(2026, 4, 7), 17)


def test_times_are_written_the_slovenian_way():
    assert hours.clock(at(datetime.date(2026, 1, 5), 9)) == "9.00"
    assert hours.clock(at(datetime.date(2026, 1, 5), 20, 30)) == "20.30"
