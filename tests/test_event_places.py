"""Events' extension points for places left (`portal.events.places`, decision 0039): the
JSON-LD of an event with sign-ups gives its capacity, places left and offer, the calendar
shows a badge that follows each sign-up without a publish, and pages that show places are
kept a minute at most; events without sign-ups look as before."""

import datetime

import pytest
from django.test import override_settings
from django.utils import timezone

from portal.base import caching
from portal.events.places import Places, _sources, register_places_source
from portal.signups import booking
from tests import builders
from tests.schemaorg import of_type, problems, structured_data

pytestmark = pytest.mark.django_db


def event_json(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    items = structured_data(response.content.decode(), f"http://testserver{event.url}")
    for item in items:
        assert problems(item) == [], item
    (found,) = of_type(items, "Event")
    return response, found


def sign(event, name, places=1):
    return booking.sign_up(
        builders.signup_date(event), name=name, email=f"{name.lower()}@example.org", places=places
    )


def test_an_event_with_sign_ups_gives_its_places_and_offer(client, calendar):
    event = builders.signup_event(calendar, capacity=5, is_free=True, signup_deadline_hours=24)
    sign(event, "Ana", 2)
    response, data = event_json(client, event)
    assert data["maximumAttendeeCapacity"] == 5
    assert data["remainingAttendeeCapacity"] == 3
    offer = data["offers"]
    assert offer["@type"] == "Offer"
    assert offer["availability"] == "https://schema.org/LimitedAvailability"
    assert offer["price"] == 0
    assert offer["priceCurrency"] == "EUR"
    deadline = datetime.datetime.fromisoformat(offer["validThrough"])
    assert deadline == event.start - datetime.timedelta(hours=24)
    assert data["isAccessibleForFree"] is True
    assert "max-age=60" in response["Cache-Control"]
    # The page says how many places are left and links to the form.
    page = response.content.decode()
    assert "še 3 prosta mesta" in page
    assert f'href="{event.url}prijava/"' in page

    # A sign-up changes the JSON-LD without a publish (its data is kept, the places not).
    sign(event, "Bojan", 3)
    _response, data = event_json(client, event)
    assert data["remainingAttendeeCapacity"] == 0
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"


def test_a_paid_event_keeps_its_offer_and_adds_availability(client, calendar):
    event = builders.signup_event(calendar, capacity=20, is_free=False, price="5 €")
    _response, data = event_json(client, event)
    offer = data["offers"]
    assert offer["price"] == "5"
    assert offer["description"] == "5 €"
    assert offer["availability"] == "https://schema.org/InStock"
    assert "validThrough" not in offer


def test_an_event_without_sign_ups_is_as_before(client, calendar):
    event = builders.event(calendar, is_free=True)
    response, data = event_json(client, event)
    assert "offers" not in data
    assert "maximumAttendeeCapacity" not in data
    assert "max-age" not in response.get("Cache-Control", "")
    listing = client.get(calendar.url)
    assert "label--places" not in listing.content.decode()
    assert "max-age" not in listing.get("Cache-Control", "")


def test_the_calendar_badge_follows_sign_ups_without_a_publish(client, calendar):
    event = builders.signup_event(calendar, capacity=3)
    builders.event(calendar, "Sejem")
    version = caching.content_version()
    first = client.get(calendar.url)
    assert "še 3 prosta mesta" in first.content.decode()
    assert "max-age=60" in first["Cache-Control"]
    sign(event, "Ana", 2)
    assert "še 1 prosto mesto" in client.get(calendar.url).content.decode()
    sign(event, "Bojan", 1)
    sign(event, "Cvetka", 1)
    page = client.get(calendar.url).content.decode()
    assert "polno – čakalni seznam" in page
    assert page.count("label--places") == 1  # the fair takes no sign-ups
    assert caching.content_version() == version


def test_the_month_grid_shows_the_badge(client, calendar):
    event = builders.signup_event(calendar, capacity=2)
    local = timezone.localtime(event.start)
    response = client.get(f"{calendar.url}mesec/{local.year}/{local.month}/")
    assert "še 2 prosti mesti" in response.content.decode()
    assert "max-age=60" in response["Cache-Control"]


@pytest.fixture
def fake_source():
    """A places source of its own: every date of the events it names has two places left."""
    names = set()

    def source(dates):
        return {
            date.pk: Places(capacity=10, left=2, waitlist=0, open=True)
            for date in dates
            if date.event.title in names
        }

    register_places_source(source)
    yield names
    _sources.remove(source)


def test_a_registered_source_gives_the_listing_and_the_page(client, calendar, fake_source):
    event = builders.signup_event(calendar, "Delavnica", capacity=10)
    fake_source.add("Delavnica")
    page = client.get(calendar.url).content.decode()
    assert "še 2 prosti mesti" in page  # the fake source's answer is the last word
    _response, data = event_json(client, event)
    assert data["remainingAttendeeCapacity"] == 2


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_keeps_a_page_with_places_a_minute_at_most(client, calendar):
    event = builders.signup_event(calendar, capacity=3)
    response = client.get(event.url)
    assert "max-age=60" in response["Cache-Control"]
    plain = builders.event(calendar, "Sejem")
    assert "max-age=60" not in client.get(plain.url).get("Cache-Control", "")


def test_a_repeating_event_links_the_form_of_each_date(client, calendar):
    event = builders.signup_event(
        calendar, "Tedenska delavnica", capacity=4, frequency="WEEKLY", ends="after", count=3
    )
    dates = list(event.occurrences.order_by("start"))
    assert len(dates) == 3
    response = client.get(event.url)
    page = response.content.decode()
    for date in dates:
        key = timezone.localtime(date.original_start).date().isoformat()
        assert f'href="{event.url}prijava/?termin={key}"' in page
    assert page.count("še 4 prosta mesta") >= 3
    assert "max-age=60" in response["Cache-Control"]


def test_a_ks_page_listing_places_is_kept_a_minute_at_most(client, calendar, golnik):
    builders.signup_event(calendar, capacity=3)
    response = client.get(golnik.url)
    assert "še 3 prosta mesta" in response.content.decode()
    assert "max-age=60" in response["Cache-Control"]


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_answers_with_the_shorter_max_age(client, calendar):
    event = builders.signup_event(calendar, capacity=3)
    first = client.get(calendar.url)
    assert first["X-Cache"] == "MISS"
    assert "max-age=60" in first["Cache-Control"]
    again = client.get(calendar.url)
    assert again["X-Cache"] == "HIT"
    assert "max-age=60" in again["Cache-Control"]
    assert "še 3 prosta mesta" in again.content.decode()
    assert event.live
