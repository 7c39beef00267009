"""The dates of repeating events: what the rule gives, what residents see on the site."""

import datetime
import io
from unittest import mock

import pytest
from dateutil.rrule import rrulestr
from django.core.management import call_command
from django.utils import timezone

from portal.events.models import DateChange, ExcludedDate, Occurrence
from tests import builders

pytestmark = pytest.mark.django_db

LJ = builders.LJUBLJANA


@pytest.fixture
def calendar():
    return builders.calendar(builders.community("Golnik"))


def next_weekday(weekday, hour=18, after_days=1):
    """A local time at `hour` on the next `weekday` (0 = Monday) at least `after_days` away."""
    day = builders.today() + datetime.timedelta(days=after_days)
    day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LJ)


def local_starts(event):
    return [timezone.localtime(o.start) for o in Occurrence.objects.filter(event=event)]


def republish(event):
    event.save_revision().publish()
    event.refresh_from_db()
    return event


def test_a_weekly_meeting_at_18_stays_at_18_across_both_daylight_saving_changes(calendar):
    meeting = builders.event(
        calendar, "Sreda ob šestih", start=next_weekday(2), frequency="WEEKLY", weekdays="WE"
    )
    starts = local_starts(meeting)
    assert len(starts) >= 100  # two years of Wednesdays
    assert {(s.weekday(), s.hour, s.minute) for s in starts} == {(2, 18, 0)}
    # Both summer (+2) and winter (+1) time, so both the March and the October switch.
    assert {s.utcoffset() for s in starts} == {
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    }
    assert meeting.rrule == "FREQ=WEEKLY;BYDAY=WE"


def test_the_stored_rule_is_standard_and_gives_the_same_dates(calendar):
    start = next_weekday(5, hour=9)
    until = (start + datetime.timedelta(days=200)).date()
    cafe = builders.event(
        calendar,
        "Popravljalnica",
        start=start,
        frequency="MONTHLY",
        monthly_by="weekday",
        ends="on_date",
        until=until,
    )
    assert cafe.rrule.startswith("FREQ=MONTHLY;BYDAY=")
    assert "UNTIL=" in cafe.rrule and cafe.rrule.endswith("Z")
    parsed = list(rrulestr(cafe.rrule, dtstart=timezone.localtime(cafe.start)))
    assert [timezone.localtime(d) for d in parsed] == local_starts(cafe)
    assert all(d.weekday() == 5 for d in parsed)
    assert parsed[-1].date() <= until


def test_monthly_on_the_first_saturday(calendar):
    first = builders.today() + datetime.timedelta(days=35)
    first = first.replace(day=1)
    first += datetime.timedelta(days=(5 - first.weekday()) % 7)
    start = datetime.datetime.combine(first, datetime.time(9), tzinfo=LJ)
    cafe = builders.event(
        calendar, "Popravljalnica", start=start, frequency="MONTHLY", monthly_by="weekday"
    )
    assert cafe.rrule == "FREQ=MONTHLY;BYDAY=1SA"
    starts = local_starts(cafe)
    assert len(starts) >= 20
    assert all(s.weekday() == 5 and s.day <= 7 and s.hour == 9 for s in starts)


def test_until_a_date_and_after_a_number_of_times(calendar):
    start = next_weekday(0)
    by_count = builders.event(
        calendar, "Pet ponedeljkov", start=start, frequency="WEEKLY", ends="after", count=5
    )
    assert by_count.rrule == "FREQ=WEEKLY;BYDAY=MO;COUNT=5"
    assert len(local_starts(by_count)) == 5
    until = (start + datetime.timedelta(weeks=3)).date()
    by_date = builders.event(
        calendar,
        "Do datuma",
        start=start,
        frequency="DAILY",
        interval=7,
        ends="on_date",
        until=until,
    )
    assert [s.date() for s in local_starts(by_date)][-1] == until
    assert len(local_starts(by_date)) == 4


def test_excluded_moved_and_cancelled_dates(client, calendar):
    start = next_weekday(2)
    meeting = builders.event(calendar, "Srečanje krajanov", start=start, frequency="WEEKLY")
    week = datetime.timedelta(weeks=1)
    meeting.excluded_dates.add(ExcludedDate(date=(start + week).date()))
    meeting.date_changes.add(DateChange(original_date=(start + 2 * week).date(), cancelled=True))
    moved_to = start + 3 * week + datetime.timedelta(days=1, hours=1)
    meeting.date_changes.add(DateChange(original_date=(start + 3 * week).date(), start=moved_to))
    republish(meeting)

    rows = list(Occurrence.objects.filter(event=meeting)[:4])
    assert [timezone.localtime(r.start) for r in rows[:3]] == [
        start,
        start + 2 * week,
        moved_to,
    ]
    assert rows[1].cancelled and not rows[0].cancelled
    assert rows[2].original_start == start + 3 * week and rows[2].moved
    assert rows[2].end - rows[2].start == datetime.timedelta(hours=2)

    html = client.get("/golnik/dogodki/").content.decode()
    assert html.count("Srečanje krajanov") >= 4  # each date once
    assert "Odpovedano" in html
    assert "Nov termin" in html
    page = client.get(meeting.url).content.decode()
    assert "Vsi prihodnji termini" in page
    assert f"{moved_to:%H}.00–" in page


def test_all_day_events_repeat_by_date(calendar):
    start = datetime.datetime.combine(
        builders.today() + datetime.timedelta(days=3), datetime.time(), tzinfo=LJ
    )
    market = builders.event(
        calendar,
        "Sejem",
        start=start,
        end=start,
        all_day=True,
        frequency="WEEKLY",
        ends="after",
        count=30,
    )
    rows = Occurrence.objects.filter(event=market)
    assert rows.count() == 30
    for row in rows:
        assert row.all_day
        local = timezone.localtime(row.start)
        assert (local.hour, local.minute) == (0, 0)
        assert timezone.localtime(row.end).date() == local.date() + datetime.timedelta(days=1)
        assert row.when.end is None


def test_a_cancelled_event_keeps_its_page_and_says_so(client, calendar):
    event = builders.event(calendar, "Pohod na Storžič", status="cancelled")
    response = client.get(event.url)
    assert response.status_code == 200
    assert "Dogodek je odpovedan" in response.content.decode()
    assert "Odpovedano" in client.get("/golnik/dogodki/").content.decode()
    assert "Odpovedano" in client.get("/golnik/").content.decode()


def test_unpublishing_moving_and_deleting_keep_the_dates_in_step(calendar):
    event = builders.event(calendar, "Srečanje", frequency="WEEKLY", ends="after", count=3)
    assert Occurrence.objects.filter(event=event).count() == 3
    other = builders.calendar(builders.community("Stražišče"))
    event.move(other, pos="last-child")
    event.refresh_from_db()
    assert set(Occurrence.objects.filter(event=event).values_list("path", flat=True)) == {
        event.path
    }
    assert Occurrence.objects.in_section(other.get_parent()).count() == 3
    event.unpublish()
    assert not Occurrence.objects.filter(event=event).exists()
    republish(event)
    assert Occurrence.objects.filter(event=event).count() == 3
    event.delete()
    assert not Occurrence.objects.exists()


def test_refresh_occurrences_moves_the_horizon_and_drops_dead_events(calendar):
    weekly = builders.event(calendar, "Vsak teden", frequency="WEEKLY")
    gone = builders.event(calendar, "Ni več objavljen", frequency="WEEKLY")
    before = Occurrence.objects.filter(event=weekly).count()
    last_before = Occurrence.objects.filter(event=weekly).last().start
    # A row left behind by an event that is no longer live (say, expired overnight).
    type(gone).objects.filter(pk=gone.pk).update(live=False)

    later = builders.today() + datetime.timedelta(days=60)
    out = io.StringIO()
    with mock.patch.object(timezone, "localdate", return_value=later):
        call_command("refresh_occurrences", stdout=out)
    assert "1/1" in out.getvalue()
    assert not Occurrence.objects.filter(event=gone).exists()
    rows = Occurrence.objects.filter(event=weekly)
    assert rows.count() in (before + 8, before + 9)
    assert rows.last().start > last_before + datetime.timedelta(days=50)


def test_between_is_one_range_query(calendar, django_assert_num_queries):
    builders.event(calendar, "Vsak dan", frequency="DAILY")
    week = timezone.now() + datetime.timedelta(days=10)
    with django_assert_num_queries(1):
        rows = list(Occurrence.objects.between(week, week + datetime.timedelta(days=7)))
    assert 7 <= len(rows) <= 8
