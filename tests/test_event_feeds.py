"""Calendar feeds (ICS) as a calendar application reads them: parsed with `icalendar`,
expanded with `recurring_ical_events`, compared with the dates the site shows."""

import datetime
import re

import icalendar
import pytest
import recurring_ical_events
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.events import feeds
from portal.events.feeds import WINDOW
from portal.events.models import DateChange, EventPage, ExcludedDate, Occurrence
from portal.events.models.occurrences import horizon
from programmes.models import Theme
from tests import builders
from tests.programme_helpers import browser_form_data, programme

pytestmark = pytest.mark.django_db

LJ = builders.LJUBLJANA
WEEK = datetime.timedelta(weeks=1)
# Events chosen by a range query (their ids), then loaded with their space, organiser,
# left-out and changed dates and themes; the KS and the private sections come from the
# cache. Until the next publish each event's text is kept: the ids alone are read.
FEED_QUERIES = 5
KEPT_FEED_QUERIES = 1


def next_weekday(weekday, hour=18, after_days=1):
    day = builders.today() + datetime.timedelta(days=after_days)
    day += datetime.timedelta(days=(weekday - day.weekday()) % 7)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LJ)


def republish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def parsed(response):
    """The feed as a calendar application reads it; no component with a parse error."""
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.endswith(b"\r\n")
    lines = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines), "a line longer than 75 octets"
    assert not any(b"\n" in line or b"\r" in line for line in lines)
    calendar = icalendar.Calendar.from_ical(body)
    assert all(not component.errors for component in calendar.walk())
    return calendar


def feed(client, url):
    return parsed(client.get(url))


def summaries(calendar):
    return {str(component["SUMMARY"]) for component in calendar.walk("VEVENT")}


def uid_of(event):
    return f"event-{event.pk}@localhost"


def shown(component):
    """(uid, local start, cancelled) of one expanded date; dates for all-day events."""
    start = component.decoded("DTSTART")
    if isinstance(start, datetime.datetime):
        start = start.astimezone(LJ)
    return (str(component["UID"]), start, str(component.get("STATUS")) == "CANCELLED")


def expanded(calendar):
    """Every date in the feed's window, as a calendar application expands the feed."""
    since = timezone.now() - WINDOW
    dates = recurring_ical_events.of(calendar).between(since, horizon())
    return {shown(component) for component in dates}


def on_the_site(events):
    """The same from the `Occurrence` rows the site lists."""
    since = timezone.now() - WINDOW
    rows = Occurrence.objects.filter(event__in=events, end__gt=since).select_related("event")
    return {
        (
            uid_of(row.event),
            timezone.localtime(row.start).date() if row.all_day else timezone.localtime(row.start),
            row.cancelled or row.event.status == "cancelled",
        )
        for row in rows
    }


@pytest.fixture
def room(golnik):
    return builders.space(golnik, "Dom krajanov Golnik", address="Golnik 40, 4204 Golnik")


@pytest.fixture
def season(calendar, room):
    """A weekly Wednesday meeting begun weeks ago with a date left out, one cancelled and
    one moved; a weekend fair all day; a single workshop; a cancelled walk."""
    start = next_weekday(2) - 8 * WEEK
    meeting = builders.event(
        calendar, "Srečanje ob sredah", start=start, space=room, frequency="WEEKLY"
    )
    meeting.excluded_dates.add(ExcludedDate(date=(start + 9 * WEEK).date()))
    meeting.date_changes.add(DateChange(original_date=(start + 10 * WEEK).date(), cancelled=True))
    moved_to = start + 11 * WEEK + datetime.timedelta(days=1, hours=-1)
    meeting.date_changes.add(
        DateChange(
            original_date=(start + 11 * WEEK).date(),
            start=moved_to,
            end=moved_to + datetime.timedelta(hours=3),
        )
    )
    meeting = republish(meeting)
    # The first Saturday of next month.
    fair_day = (builders.today().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    fair_day += datetime.timedelta(days=(5 - fair_day.weekday()) % 7)
    fair_day = datetime.datetime.combine(fair_day, datetime.time(), tzinfo=LJ)
    fair = builders.event(
        calendar,
        "Sejem rabljenih stvari",
        start=fair_day,
        end=fair_day + datetime.timedelta(days=1),
        all_day=True,
        frequency="MONTHLY",
        monthly_by="weekday",
        ends="after",
        count=4,
    )
    workshop = builders.event(calendar, "Delavnica: kompost; vrt, zelenjava", start=builders.at(3))
    walk = builders.event(calendar, "Pohod", start=builders.at(5), status="cancelled")
    return {"meeting": meeting, "fair": fair, "workshop": workshop, "walk": walk, "moved": moved_to}


def vevents(calendar, event):
    return [c for c in calendar.walk("VEVENT") if str(c["UID"]) == uid_of(event)]


def test_the_ks_feed_expands_to_exactly_the_dates_the_site_shows(client, golnik, season):
    ics = feed(client, "/koledar/ks/golnik.ics")
    assert str(ics["X-WR-CALNAME"]) == "Dogodki: Golnik"
    assert str(ics["METHOD"]) == "PUBLISH"
    assert [str(tz["TZID"]) for tz in ics.walk("VTIMEZONE")] == ["Europe/Ljubljana"]
    events = list(season.values())[:4]
    expected = on_the_site(events)
    assert len(expected) > 100
    assert expanded(ics) == expected


def test_a_feed_of_many_events_says_the_same(client, golnik, season, monkeypatch):
    """Feeds of more than MANY_EVENTS events name them by a subquery, not a list, and
    are written afresh each time instead of keeping thousands of texts."""
    few = client.get("/koledar/ks/golnik.ics").content
    monkeypatch.setattr(feeds, "MANY_EVENTS", 1)
    with CaptureQueriesContext(connection) as first:
        many = client.get("/koledar/ks/golnik.ics").content
    with CaptureQueriesContext(connection) as again:
        assert len(feed(client, "/koledar/ks/golnik.ics").walk("VEVENT")) > 1
    assert len(again) == len(first) > KEPT_FEED_QUERIES
    stamp = re.compile(rb"DTSTAMP:\w+")
    assert stamp.sub(b"", many) == stamp.sub(b"", few)


def test_a_weekly_meeting_at_18_stays_at_18_in_winter_and_summer(client, golnik, season):
    ics = feed(client, "/koledar/ks/golnik.ics")
    meeting = season["meeting"]
    (master,) = [c for c in vevents(ics, meeting) if "RECURRENCE-ID" not in c]
    assert master.decoded("DTSTART").tzinfo.key == "Europe/Ljubljana"
    assert master["RRULE"] == icalendar.vRecur.from_ical("FREQ=WEEKLY;BYDAY=WE")
    starts = [start for uid, start, _ in expanded(ics) if uid == uid_of(meeting)]
    moved = season["moved"]
    assert {(s.hour, s.minute) for s in starts if s != moved} == {(18, 0)}
    assert {s.utcoffset() for s in starts} == {
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    }


def test_left_out_cancelled_and_moved_dates(client, golnik, season):
    ics = feed(client, "/koledar/ks/golnik.ics")
    meeting = season["meeting"]
    first = timezone.localtime(meeting.start)
    (master,) = [c for c in vevents(ics, meeting) if "RECURRENCE-ID" not in c]
    left_out = [d.dt for d in master["EXDATE"].dts]
    assert left_out == [first + 9 * WEEK]
    overrides = {
        c.decoded("RECURRENCE-ID"): c for c in vevents(ics, meeting) if "RECURRENCE-ID" in c
    }
    assert set(overrides) == {first + 10 * WEEK, first + 11 * WEEK}
    assert str(overrides[first + 10 * WEEK]["STATUS"]) == "CANCELLED"
    moved = overrides[first + 11 * WEEK]
    assert str(moved["STATUS"]) == "CONFIRMED"
    assert moved.decoded("DTSTART") == season["moved"]
    assert moved.decoded("DTEND") - moved.decoded("DTSTART") == datetime.timedelta(hours=3)


def test_all_day_and_cancelled_events(client, golnik, season):
    ics = feed(client, "/koledar/ks/golnik.ics")
    (fair,) = vevents(ics, season["fair"])
    day = timezone.localtime(season["fair"].start).date()
    assert fair.decoded("DTSTART") == day
    # Two days, Saturday and Sunday: DTEND is the day after the last.
    assert fair.decoded("DTEND") == day + datetime.timedelta(days=2)
    assert fair["RRULE"] == icalendar.vRecur.from_ical("FREQ=MONTHLY;BYDAY=1SA;COUNT=4")
    (walk,) = vevents(ics, season["walk"])
    assert str(walk["STATUS"]) == "CANCELLED"
    assert "odpovedan" in str(walk["DESCRIPTION"])


def test_what_each_event_says(client, golnik, room, season):
    workshop = season["workshop"]
    workshop.intro = "Kako narediti kompost.\nPrinesite rokavice."
    workshop.themes.set([Theme.objects.get(key="food")])
    workshop = republish(workshop)
    ics = feed(client, reverse("events:ics-event", args=[workshop.pk]))
    (event,) = ics.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Delavnica: kompost; vrt, zelenjava"
    assert str(event["DESCRIPTION"]).startswith("Kako narediti kompost.\nPrinesite rokavice.")
    assert str(event["LOCATION"]) == "Gasilski dom, Golnik"
    assert str(event["URL"]) == "http://testserver/golnik/dogodki/delavnica-kompost-vrt-zelenjava/"
    assert event.categories == ["prehranska samooskrba in ekološko kmetovanje"]
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTSTART") == builders.at(3)
    assert event.decoded("DTEND") == builders.at(3) + datetime.timedelta(hours=2)
    assert event.decoded("LAST-MODIFIED") == workshop.last_published_at.replace(microsecond=0)


def test_uid_stays_and_sequence_rises_when_an_editor_changes_the_event(client, golnik, season):
    meeting = season["meeting"]
    # SEQUENCE counts seconds: as if the meeting had been published a while ago, not in
    # the same second as the editor's change below.
    EventPage.objects.filter(pk=meeting.pk).update(
        last_published_at=meeting.last_published_at - datetime.timedelta(minutes=5)
    )
    url = reverse("events:ics-event", args=[meeting.pk])
    before = [c for c in feed(client, url).walk("VEVENT") if "RECURRENCE-ID" not in c][0]
    assert feed(client, url).walk("VEVENT")[0]["SEQUENCE"] == before["SEQUENCE"]
    # The KS feed keeps each event's text until the next publish: read it once before.
    ks_feed = "/koledar/ks/golnik.ics"
    assert "Srečanje krajanov ob sredah" not in summaries(feed(client, ks_feed))

    editor = get_user_model().objects.create_superuser("urednik", "u@example.org", "x")
    client.force_login(editor)
    edit = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
    data = browser_form_data(client.get(edit).content.decode(), form_id="page-edit-form")
    data["title"] = "Srečanje krajanov ob sredah"
    data["action-publish"] = "1"
    response = client.post(edit, dict(data.lists()))
    assert response.status_code == 302
    client.logout()

    after = [c for c in feed(client, url).walk("VEVENT") if "RECURRENCE-ID" not in c][0]
    assert str(after["SUMMARY"]) == "Srečanje krajanov ob sredah"
    assert str(after["UID"]) == str(before["UID"]) == uid_of(meeting)
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert "Srečanje krajanov ob sredah" in summaries(feed(client, ks_feed))


def test_the_single_event_file_is_an_attachment(client, golnik, season):
    response = client.get(reverse("events:ics-event", args=[season["workshop"].pk]))
    assert response["Content-Disposition"] == (
        'attachment; filename="delavnica-kompost-vrt-zelenjava.ics"'
    )
    assert "Content-Disposition" not in client.get("/koledar/ks/golnik.ics")
    assert len(parsed(response).walk("VEVENT")) == 1


def test_drafts_and_private_sections_never_appear(client, golnik, calendar, room):
    builders.event(calendar, "Javno srečanje")
    draft = builders.event(calendar, "Skrivni osnutek")
    draft.unpublish()
    private = builders.event(calendar, "Samo za svet KS")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    hidden_ks = builders.community("Stražišče")
    hidden_event = builders.event(builders.calendar(hidden_ks), "Zaprta seja")
    PageViewRestriction.objects.create(page=hidden_ks, restriction_type="login")

    for url in ("/koledar/vsi-dogodki.ics", "/koledar/ks/golnik.ics"):
        summaries = {str(c["SUMMARY"]) for c in feed(client, url).walk("VEVENT")}
        assert summaries == {"Javno srečanje"}
    for event in (draft, private, hidden_event):
        assert client.get(reverse("events:ics-event", args=[event.pk])).status_code == 404
    assert client.get(f"/koledar/ks/{hidden_ks.slug}.ics").status_code == 404


def test_unknown_feeds_are_not_found(client, golnik, room):
    draft_programme = programme("Osnutek", community=golnik, publish=False)
    for url in (
        "/koledar/ks/ni-take-ks.ics",
        "/koledar/program/999999.ics",
        f"/koledar/program/{draft_programme.pk}.ics",
        "/koledar/prostor/999999.ics",
        f"/koledar/prostor/{golnik.pk}.ics",
        "/koledar/dogodek/999999.ics",
        f"/koledar/dogodek/{room.pk}.ics",
        "/koledar/dogodek/99999999999999999999999.ics",
    ):
        assert client.get(url).status_code == 404, url


def test_programme_and_space_feeds(client, golnik, calendar, room):
    cafe = programme("Popravljalnica", community=golnik)
    builders.event(calendar, "Popravljalnica maj", programme=cafe, location="Šola")
    builders.event(calendar, "V domu krajanov", space=room)
    builders.event(calendar, "Drugje", location="Gasilski dom")

    by_programme = feed(client, reverse("events:ics-programme", args=[cafe.pk]))
    assert str(by_programme["X-WR-CALNAME"]) == "Dogodki: Popravljalnica"
    assert [str(c["SUMMARY"]) for c in by_programme.walk("VEVENT")] == ["Popravljalnica maj"]
    in_room = feed(client, reverse("events:ics-space", args=[room.pk]))
    assert [str(c["SUMMARY"]) for c in in_room.walk("VEVENT")] == ["V domu krajanov"]
    assert (
        str(in_room.walk("VEVENT")[0]["LOCATION"]) == "Dom krajanov Golnik, Golnik 40, 4204 Golnik"
    )
    everything = feed(client, "/koledar/vsi-dogodki.ics")
    assert len(everything.walk("VEVENT")) == 3


def test_feeds_read_events_in_a_fixed_number_of_queries(
    client, golnik, calendar, room, django_assert_num_queries
):
    cafe = programme("Popravljalnica", community=golnik)
    # A programme or a space is one query more: it is looked up first.
    urls = {
        "/koledar/vsi-dogodki.ics": 0,
        "/koledar/ks/golnik.ics": 0,
        reverse("events:ics-programme", args=[cafe.pk]): 1,
        reverse("events:ics-space", args=[room.pk]): 1,
    }
    theme = Theme.objects.get(key="energy")

    def add_events(count):
        for number in range(count):
            event = builders.event(
                calendar,
                f"Srečanje {number}",
                start=builders.at(number + 1),
                space=room,
                programme=cafe,
                frequency="WEEKLY" if number % 2 else "",
            )
            event.themes.set([theme])
            event.excluded_dates.add(ExcludedDate(date=builders.at(number + 8).date()))
            republish(event)

    def assert_feeds_read(count):
        for url, lookup in urls.items():
            republish(golnik)  # a new content version: nothing of the events is kept
            client.get("/")  # what a process looks up once per content version
            with django_assert_num_queries(FEED_QUERIES + lookup):
                assert len(feed(client, url).walk("VEVENT")) == count
            with django_assert_num_queries(KEPT_FEED_QUERIES + lookup):
                assert len(feed(client, url).walk("VEVENT")) == count

    add_events(3)
    assert_feeds_read(3)
    add_events(27)
    assert_feeds_read(30)


def test_long_and_odd_text_is_folded_and_escaped(client, golnik, calendar):
    title = "Čistilna akcija; ob potoku, " + "ščž " * 40 + "\\ konec"
    # A control character (the admin refuses NUL, and PostgreSQL cannot store it).
    event = builders.event(calendar, title, intro="Prva vrstica\r\nDruga\x07 vrstica")
    (vevent,) = feed(client, reverse("events:ics-event", args=[event.pk])).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == title
    assert str(vevent["DESCRIPTION"]).startswith("Prva vrstica\nDruga vrstica")


def test_pages_announce_their_feed(client, golnik, calendar, room):
    cafe = programme("Popravljalnica", community=golnik)
    builders.calendar(builders.home_page())
    feeds = {
        "/": "/koledar/vsi-dogodki.ics",
        "/dogodki/": "/koledar/vsi-dogodki.ics",
        "/golnik/": "/koledar/ks/golnik.ics",
        "/golnik/dogodki/": "/koledar/ks/golnik.ics",
        room.url: f"/koledar/prostor/{room.pk}.ics",
        "/golnik/programi/popravljalnica/": f"/koledar/program/{cafe.pk}.ics",
    }
    for url, ics in feeds.items():
        html = client.get(url).content.decode()
        link = f'<link rel="alternate" type="text/calendar" title="[^"<>]+" href="http://testserver{ics}">'
        assert re.search(link, html), url
        assert f'href="webcal://testserver{ics}"' in html, url
        assert "Naroči se na koledar" in html, url
        assert client.get(ics).status_code == 200


def test_writing_to_a_feed_is_refused(client, golnik):
    assert client.post("/koledar/ks/golnik.ics").status_code == 405
    assert client.head("/koledar/ks/golnik.ics").status_code == 200


def test_event_page_links_the_single_event_file(client, golnik, season):
    html = client.get(season["workshop"].url).content.decode()
    assert f'href="http://testserver/koledar/dogodek/{season["workshop"].pk}.ics"' in html
    assert "Dodaj v koledar" in html
