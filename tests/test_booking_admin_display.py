"""A booking request in the admin reads as a KS volunteer expects: dates and times in
Ljubljana written as dates, yes/no in words, a dash for what is empty (issue 17)."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.communities.provisioning import add_community_editor
from tests import builders

pytestmark = pytest.mark.django_db

LIST = "wagtailsnippets_bookings_bookingrequest:list"
INSPECT = "wagtailsnippets_bookings_bookingrequest:inspect"
# A Monday in winter (UTC+1) and the request's date, a Thursday six weeks later.
RECEIVED = datetime.datetime(2026, 12, 7, 8, 9, tzinfo=datetime.UTC)
DAY = datetime.date(2027, 1, 14)


@pytest.fixture
def booking(golnik_provisioned, clock):
    clock.set(RECEIVED)
    space = builders.space_with_hours(
        golnik_provisioned, "Dom krajanov", weekly=[(DAY.weekday(), "08:00", "22:00")]
    )
    return builders.booking_request(space, builders.at(DAY, 17), builders.at(DAY, 19))


@pytest.fixture
def editor(golnik_provisioned, client):
    user = get_user_model().objects.create_user("ks-golnik", password="x")
    add_community_editor(golnik_provisioned, user)
    client.force_login(user)
    return user


def text(response):
    import re

    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html)


def test_the_listing_shows_the_first_date_as_a_date_not_as_time_since(client, booking, editor):
    response = client.get(reverse(LIST))
    assert response.status_code == 200
    shown = text(response)
    assert "14. 1. 2027 ob 17.00" in shown
    assert "Ravnokar" not in shown
    assert "7. 12. 2026 ob 9.09" in shown


def test_the_request_page_shows_local_times_words_and_dashes(client, booking, editor):
    response = client.get(reverse(INSPECT, args=[booking.pk]))
    assert response.status_code == 200
    shown = text(response)
    # Received at 8.09 UTC: 9.09 in Ljubljana.
    assert "7. 12. 2026 ob 9.09" in shown
    assert "8.09" not in shown and "08:09" not in shown
    assert "Odprto za javnost da" in shown
    assert "True" not in shown and "None" not in shown
    assert "Odločil —" in shown
