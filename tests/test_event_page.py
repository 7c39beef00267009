"""The event page as residents and search engines read it: its dates, where it is with a
map link, "add to calendar", and its schema.org `Event` in the head."""

import datetime
import json
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.events.models import DateChange, ExcludedDate
from portal.stakeholders.models import Stakeholder
from tests import builders

pytestmark = pytest.mark.django_db

LJ = builders.LJUBLJANA
WEEK = datetime.timedelta(weeks=1)
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def room(golnik):
    return builders.space(golnik, "Dom krajanov Golnik", address="Golnik 40, 4204 Golnik")


def next_wednesday(hour=18):
    day = builders.today() + datetime.timedelta(days=1)
    day += datetime.timedelta(days=(2 - day.weekday()) % 7)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LJ)


def republish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def structured_data(client, event):
    """The page's `Event`, parsed: exactly one (the breadcrumbs are another block)."""
    html = client.get(event.url).content.decode()
    (found,) = [data for data in map(json.loads, JSON_LD.findall(html)) if data["@type"] == "Event"]
    return found


def test_a_single_event_describes_itself_to_search_engines(client, golnik, calendar, room):
    organiser = Stakeholder.objects.create(
        name="Društvo upokojencev Golnik",
        sector="ngo",
        community=golnik,
        website="https://du-golnik.example.org/",
    )
    start = builders.at(4)
    event = builders.event(
        calendar,
        "Delavnica kompostiranja",
        start=start,
        space=room,
        intro="Kako narediti dober kompost.",
        organiser=organiser,
    )
    data = structured_data(client, event)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Delavnica kompostiranja"
    assert data["description"] == "Kako narediti dober kompost."
    assert data["url"] == "http://testserver/golnik/dogodki/delavnica-kompostiranja/"
    assert datetime.datetime.fromisoformat(data["startDate"]) == start
    assert data["startDate"].endswith(("+01:00", "+02:00"))
    end = datetime.datetime.fromisoformat(data["endDate"])
    assert end == start + datetime.timedelta(hours=2)
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": ["CivicStructure", "EventVenue"],
        "name": "Dom krajanov Golnik",
        "url": "http://testserver/golnik/dom-krajanov-golnik/",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Golnik 40",
            "postalCode": "4204",
            "addressLocality": "Golnik",
            "addressCountry": "SI",
        },
    }
    assert data["organizer"] == {
        "@type": "Organization",
        "name": "Društvo upokojencev Golnik",
        "url": "https://du-golnik.example.org/",
    }
    assert data["isAccessibleForFree"] is True
    assert "offers" not in data
    assert "eventSchedule" not in data


@pytest.mark.parametrize(
    "status, schema_status",
    [
        ("cancelled", "EventCancelled"),
        ("postponed", "EventPostponed"),
        ("moved_online", "EventMovedOnline"),
    ],
)
def test_the_status_of_an_event(client, calendar, status, schema_status):
    event = builders.event(calendar, "Pohod na Storžič", status=status)
    data = structured_data(client, event)
    assert data["eventStatus"] == f"https://schema.org/{schema_status}"
    if status == "moved_online":
        assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
        virtual, place = data["location"]
        assert virtual == {"@type": "VirtualLocation", "url": data["url"]}
        assert place["@type"] == "Place"
    else:
        assert data["location"]["@type"] == "Place"


def test_a_priced_event_has_an_offer_and_an_image(client, golnik, calendar):
    image = Image.objects.create(title="Sejem", file=get_test_image_file())
    event = builders.event(
        calendar,
        "Jesenski sejem",
        is_free=False,
        price="5,50 EUR, 3 EUR za upokojence",
        registration="link",
        registration_url="https://prijave.example.org/sejem",
        image=image,
    )
    data = structured_data(client, event)
    assert data["isAccessibleForFree"] is False
    assert data["offers"] == {
        "@type": "Offer",
        "description": "5,50 EUR, 3 EUR za upokojence",
        "priceCurrency": "EUR",
        "price": "5.50",
        "url": "https://prijave.example.org/sejem",
    }
    assert re.fullmatch(r"http://testserver/media/images/.+\.png", data["image"])


def test_a_repeating_event_gives_its_next_date_and_its_schedule(client, calendar, room):
    start = next_wednesday() - 2 * WEEK
    meeting = builders.event(
        calendar, "Srečanje ob sredah", start=start, space=room, frequency="WEEKLY"
    )
    meeting.excluded_dates.add(ExcludedDate(date=(start + 5 * WEEK).date()))
    # The next date is cancelled: the one after it is the next to go to.
    meeting.date_changes.add(DateChange(original_date=(start + 2 * WEEK).date(), cancelled=True))
    meeting = republish(meeting)
    data = structured_data(client, meeting)
    assert datetime.datetime.fromisoformat(data["startDate"]) == start + 3 * WEEK
    assert data["eventSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "scheduleTimezone": "Europe/Ljubljana",
        "startDate": start.date().isoformat(),
        "startTime": "18:00",
        "endTime": "20:00",
        "byDay": ["https://schema.org/Wednesday"],
        # The date left out and the cancelled one: neither takes place.
        "exceptDate": [
            (start + 2 * WEEK).date().isoformat(),
            (start + 5 * WEEK).date().isoformat(),
        ],
    }


def test_an_all_day_event_gives_dates_only(client, calendar):
    day = datetime.datetime.combine(
        builders.today() + datetime.timedelta(days=10), datetime.time(), tzinfo=LJ
    )
    fair = builders.event(
        calendar,
        "Sejem",
        start=day,
        end=day + datetime.timedelta(days=1),
        all_day=True,
        frequency="MONTHLY",
        monthly_by="day",
        ends="after",
        count=3,
    )
    data = structured_data(client, fair)
    assert data["startDate"] == day.date().isoformat()
    assert data["endDate"] == (day.date() + datetime.timedelta(days=1)).isoformat()
    schedule = data["eventSchedule"]
    assert schedule["repeatFrequency"] == "P1M"
    assert schedule["byMonthDay"] == day.day
    assert schedule["repeatCount"] == 3
    assert "startTime" not in schedule


def test_nothing_an_editor_writes_can_leave_the_script(client, calendar):
    title = '</script><script>alert("x")</script> & <!--'
    event = builders.event(calendar, title, location="Pod lipo </script>")
    html = client.get(event.url).content.decode()
    blocks = JSON_LD.findall(html)
    assert all("<" not in block and ">" not in block and "&" not in block for block in blocks)
    (data,) = [data for data in map(json.loads, blocks) if data["@type"] == "Event"]
    assert data["name"] == title
    assert data["location"]["name"] == "Pod lipo </script>"


def test_where_it_is_with_a_map_link(client, calendar, room):
    in_room = builders.event(calendar, "V domu", space=room)
    elsewhere = builders.event(calendar, "Drugje", location="Gasilski dom, Golnik 12")
    for event, query in (
        (in_room, "Golnik%2040%2C%204204%20Golnik"),
        (elsewhere, "Gasilski%20dom%2C%20Golnik%2012"),
    ):
        page = BeautifulSoup(client.get(event.url).content, "html.parser")
        (link,) = page.select("a.map-link")
        assert link["href"] == f"https://www.openstreetmap.org/search?query={query}"
        assert "target" not in link.attrs
        name = " ".join(link.get_text().split())
        assert name == "Pokaži na zemljevidu OpenStreetMap"
    page = BeautifulSoup(client.get(in_room.url).content, "html.parser")
    assert "Golnik 40, 4204 Golnik" in page.select_one(".info-box--event").get_text()


def test_add_to_calendar_downloads_the_event(client, calendar):
    event = builders.event(calendar, "Pohod")
    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    (link,) = page.select(".add-to-calendar a")
    assert link["href"] == f"http://testserver/koledar/dogodek/{event.pk}.ics"
    assert "download" in link.attrs
    assert " ".join(link.get_text().split()).startswith("Dodaj v koledar")
    response = client.get(link["href"])
    assert response.status_code == 200
    assert b"SUMMARY:Pohod" in response.content


def test_upcoming_dates_show_cancelled_and_moved_ones(client, calendar):
    start = next_wednesday()
    meeting = builders.event(calendar, "Srečanje", start=start, frequency="WEEKLY")
    meeting.date_changes.add(DateChange(original_date=(start + WEEK).date(), cancelled=True))
    moved_to = start + 2 * WEEK + datetime.timedelta(days=1, hours=-1)
    meeting.date_changes.add(
        DateChange(
            original_date=(start + 2 * WEEK).date(),
            start=moved_to,
            end=moved_to + datetime.timedelta(hours=3),
        )
    )
    meeting = republish(meeting)
    page = BeautifulSoup(client.get(meeting.url).content, "html.parser")
    first, cancelled, moved = page.select(".event-dates li")[:3]
    assert "Odpovedano" not in first.get_text()
    assert "Odpovedano" in cancelled.get_text()
    assert cancelled.select_one(".event-dates__when--cancelled")
    moved_text = " ".join(moved.get_text().split())
    assert "Nov termin" in moved_text
    local = timezone.localtime(moved_to)
    assert f"{local.day}. " in moved_text and "17.00–20.00" in moved_text
    assert moved.select_one("time")["datetime"] == local.isoformat()
