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


SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def test_a_repeating_event_gives_its_next_date_and_its_schedule(client, calendar, room):
    # Weekly on tomorrow's weekday from three weeks back: the date six days ago is past,
    # tomorrow's (cancelled below) and the later ones are to come, at any day and hour the
    # test runs (on a Wednesday a weekly Wednesday series has today's date still to come).
    tomorrow = builders.today() + datetime.timedelta(days=1)
    start = datetime.datetime.combine(tomorrow, datetime.time(18), tzinfo=LJ) - 2 * WEEK
    meeting = builders.event(
        calendar, "Tedensko srečanje", start=start, space=room, frequency="WEEKLY"
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
        "byDay": [f"https://schema.org/{SCHEMA_DAYS[tomorrow.weekday()]}"],
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


# --- What a resident needs to join in, before the list of dates -------------------------


def facts(page):
    """The facts block of an event page: {term: its definition (a tag)}."""
    block = page.select_one(".event-facts")
    return {" ".join(row.dt.get_text().split()): row.dd for row in block.select(".facts__row")}


def words(tag):
    return " ".join(tag.get_text().split())


def test_the_facts_say_how_to_join_before_the_dates(client, golnik, calendar, room):
    from tests.programme_helpers import programme

    organiser = Stakeholder.objects.create(
        name="Društvo upokojencev Golnik",
        sector="ngo",
        community=golnik,
        website="https://du-golnik.example.org/",
    )
    repair_cafe = programme("Popravljalnica Golnik", community=golnik)
    start = next_wednesday(17)
    event = builders.event(
        calendar,
        "Popravljalnica ob sredah",
        start=start,
        space=room,
        frequency="WEEKLY",
        programme=repair_cafe,
        organiser=organiser,
        is_free=False,
        price="2 EUR za material",
        registration="link",
        registration_url="https://prijave.example.org/popravljalnica",
        contact_name="Janez Novak",
        contact_email="janez@example.org",
        contact_phone="04 555 12 34",
    )
    html = client.get(event.url).content.decode()
    assert html.index('class="split__side event-facts"') < html.index('id="event-dates-heading"')
    page = BeautifulSoup(html, "html.parser")
    found = facts(page)
    local = timezone.localtime(start)
    assert words(found["Naslednji termin"]).startswith(f"sreda, {local.day}. ")
    assert words(found["Naslednji termin"]).endswith("17.00–19.00")
    assert found["Kraj"].a["href"] == room.url
    assert found["Program"].a["href"] == repair_cafe.get_url()
    assert words(found["Program"]) == "Popravljalnica Golnik"
    assert found["Organizator"].a["href"] == "https://du-golnik.example.org/"
    assert words(found["Cena"]) == "2 EUR za material"
    join = found["Kako se pridružiti"].a
    assert join["href"] == "https://prijave.example.org/popravljalnica"
    assert words(join) == "Prijavite se na spletu"
    contact = found["Stik"]
    assert "Janez Novak" in words(contact)
    assert [a["href"] for a in contact.select("a")] == ["mailto:janez@example.org", "tel:045551234"]
    (add,) = page.select(".event-facts .add-to-calendar a")
    assert add["href"] == f"http://testserver/koledar/dogodek/{event.pk}.ics"
    # The facts come first in the page, and their heading is the first after the h1.
    headings = [tag.name for tag in page.select("main h1, main h2, main h3")]
    assert headings[:2] == ["h1", "h2"]


def test_a_free_event_without_registration_says_come_along(client, calendar):
    event = builders.event(calendar, "Pohod na Storžič", start=builders.at(3))
    found = facts(BeautifulSoup(client.get(event.url).content, "html.parser"))
    assert words(found["Cena"]) == "Brezplačno"
    assert words(found["Kako se pridružiti"]) == "Pridite, prijava ni potrebna."
    assert "Datum" in found and "Ura" in found
    assert "Program" not in found and "Stik" not in found


def test_registering_with_the_organiser_gives_the_organisers_contact(client, golnik, calendar):
    organiser = Stakeholder.objects.create(
        name="Svet KS Golnik",
        sector="public",
        community=golnik,
        contact_person="tajnica KS",
        email="ks.golnik@example.org",
    )
    event = builders.event(
        calendar, "Energetsko svetovanje", organiser=organiser, registration="contact"
    )
    found = facts(BeautifulSoup(client.get(event.url).content, "html.parser"))
    assert words(found["Kako se pridružiti"]) == "Prijavite se pri organizatorju."
    assert words(found["Organizator"]) == "Svet KS Golnik"
    assert words(found["Stik"]) == "tajnica KS ks.golnik@example.org"


def test_a_cancelled_or_past_event_invites_no_one(client, calendar):
    cancelled = builders.event(calendar, "Odpovedan pohod", status="cancelled")
    past = builders.event(calendar, "Lanski pohod", start=builders.at(-30))
    for event in (cancelled, past):
        found = facts(BeautifulSoup(client.get(event.url).content, "html.parser"))
        assert "Kako se pridružiti" not in found, event.title


@pytest.mark.parametrize(
    ("count", "more"),
    [
        (5, None),
        (6, "Še 1 termin"),
        (7, "Še 2 termina"),
        (9, "Še 4 termini"),
        (10, "Še 5 terminov"),
    ],
)
def test_beyond_five_dates_the_list_is_folded(client, calendar, count, more):
    event = builders.event(
        calendar,
        "Klepet ob kavi",
        start=next_wednesday(10),
        frequency="WEEKLY",
        ends="after",
        count=count,
    )
    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    section = page.select_one(".event-dates-section")
    assert len(section.select(":scope > ul.event-dates > li")) == 5
    folded = section.select_one("details.event-dates-more")
    if more is None:
        assert folded is None
        return
    assert words(folded.summary) == more
    assert len(folded.select("ul.event-dates > li")) == count - 5
    assert not page.select("script:not([type='application/ld+json'])")


def test_the_api_gives_the_price_registration_and_contact(client, calendar):
    event = builders.event(
        calendar,
        "Tečaj kvačkanja",
        is_free=False,
        price="10 EUR",
        registration="contact",
        contact_name="Marija Horvat",
        contact_email="marija@example.org",
        contact_phone="04 555 20 21",
    )
    data = client.get(f"/api/v2/pages/{event.pk}/").json()
    assert data["is_free"] is False and data["price"] == "10 EUR"
    assert data["registration"]["key"] == "contact"
    assert (data["contact_name"], data["contact_email"], data["contact_phone"]) == (
        "Marija Horvat",
        "marija@example.org",
        "04 555 20 21",
    )
