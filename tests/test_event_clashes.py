"""An event set on a day its space is closed, over another event or over an approved
booking: the event form names each clash and publishes only when told to anyway, and the
public week view says what is wrong instead of showing both."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.bookings.models import BookingRequest
from portal.communities.provisioning import add_community_editor
from portal.events.models import EventPage
from tests import builders
from tests.builders import at
from tests.programme_helpers import form_data

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 7)  # a Monday
MON, TUE, WED, THU, FRI = range(5)
NEW_YEAR = datetime.date(2027, 1, 1)  # a Friday, a public holiday
WEEKLY_HOURS = [(day, "17:00", "21:00") for day in (MON, TUE, WED, THU, FRI)]


@pytest.fixture
def dom(golnik_provisioned, clock):
    """Open on weekdays 17–21, closed on Wednesday 16 December for painting; on Wednesday
    9 December the choir sings 18–20, on Thursday 10 December a booking 18–20."""
    clock.set(at(TODAY, 10))
    space = builders.space_with_hours(
        golnik_provisioned,
        "Dom krajanov",
        weekly=WEEKLY_HOURS,
        exceptions=[(datetime.date(2026, 12, 16), "closed", "Beljenje")],
    )
    cal = calendar_of(golnik_provisioned)
    day = datetime.date(2026, 12, 9)
    builders.event(cal, "Pevske vaje", start=at(day, 18), end=at(day, 20), space=space)
    request = builders.booking_request(
        space, at(datetime.date(2026, 12, 10), 18), at(datetime.date(2026, 12, 10), 20)
    )
    request.status = request.Status.APPROVED
    request.save()
    request.dates.update(approved=True)
    return space


def calendar_of(ks):
    return builders.EventCalendarPage.objects.child_of(ks).get()


@pytest.fixture
def representative(client, golnik_provisioned):
    user = get_user_model().objects.create_user("ks-golnik", "ks@example.org", "x")
    add_community_editor(golnik_provisioned, user)
    client.force_login(user)
    return client


def add_event(client, ks, space, start, end, action="action-publish", **fields):
    url = reverse("wagtailadmin_pages:add", args=("events", "eventpage", calendar_of(ks).pk))
    fields.setdefault("title", "Novoletni koncert")
    fields.setdefault("slug", "novoletni-koncert")
    data = form_data(
        client,
        url,
        form_id="page-edit-form",
        start=start,
        end=end,
        space=str(space.pk),
        **({action: action} if action else {}),
        **fields,
    )
    return client.post(url, dict(data.lists()))


def test_publishing_on_a_holiday_needs_publish_anyway(representative, golnik_provisioned, dom):
    response = add_event(
        representative, golnik_provisioned, dom, "1. 1. 2027 18:00", "1. 1. 2027 20:00"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "petek, 1. 1. 2027, 18.00–20.00: prostor je ta dan zaprt (novo leto)." in html
    assert "Kljub temu objavi" in html
    assert "označite »Kljub temu objavi«" in html
    assert not EventPage.objects.filter(slug="novoletni-koncert").exists()

    response = add_event(
        representative,
        golnik_provisioned,
        dom,
        "1. 1. 2027 18:00",
        "1. 1. 2027 20:00",
        publish_despite_clashes="on",
    )
    assert response.status_code == 302
    assert EventPage.objects.get(slug="novoletni-koncert").live


def test_each_repeating_date_names_its_clash(representative, golnik_provisioned, dom):
    """Weekly on Wednesdays from 9 December, four times; the third date is Wednesday 23rd
    and clashes with nothing, the fourth is on 30 December."""
    response = add_event(
        representative,
        golnik_provisioned,
        dom,
        "9. 12. 2026 19:00",
        "9. 12. 2026 21:00",
        frequency="WEEKLY",
        ends="after",
        count="4",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 datuma dogodka sta v sporu z zasedenostjo prostora:" in html
    assert (
        "sreda, 9. 12. 2026, 19.00–21.00: prostor od 18.00 do 20.00 zaseda dogodek "
        "»Pevske vaje«." in html
    )
    assert "sreda, 16. 12. 2026, 19.00–21.00: prostor je ta dan zaprt (Beljenje)." in html
    assert "23. 12. 2026" not in html


def test_a_booking_and_a_day_without_hours_are_clashes_too(representative, golnik_provisioned, dom):
    response = add_event(
        representative, golnik_provisioned, dom, "10. 12. 2026 19:00", "10. 12. 2026 21:00"
    )
    assert (
        "četrtek, 10. 12. 2026, 19.00–21.00: prostor od 18.00 do 20.00 zaseda odobrena "
        "rezervacija." in response.content.decode()
    )
    response = add_event(
        representative, golnik_provisioned, dom, "12. 12. 2026 10:00", "12. 12. 2026 12:00"
    )
    assert "sobota, 12. 12. 2026, 10.00–12.00: prostor je ta dan zaprt (po urniku)." in (
        response.content.decode()
    )


def test_a_draft_may_be_saved_and_its_editor_still_warns(representative, golnik_provisioned, dom):
    response = add_event(
        representative,
        golnik_provisioned,
        dom,
        "1. 1. 2027 18:00",
        "1. 1. 2027 20:00",
        action=None,
    )
    assert response.status_code == 302
    event = EventPage.objects.get(slug="novoletni-koncert")
    assert not event.live
    html = representative.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).content
    assert "prostor je ta dan zaprt (novo leto)" in html.decode()


def test_an_event_without_clashes_shows_no_warning(representative, golnik_provisioned, dom):
    response = add_event(
        representative, golnik_provisioned, dom, "14. 12. 2026 18:00", "14. 12. 2026 20:00"
    )
    assert response.status_code == 302
    event = EventPage.objects.get(slug="novoletni-koncert")
    assert event.live
    html = representative.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).content
    assert "Kljub temu objavi" not in html.decode()


def test_an_event_made_from_a_booking_does_not_clash_with_it(
    representative, golnik_provisioned, dom
):
    request = BookingRequest.objects.get(space=dom)
    response = add_event(
        representative,
        golnik_provisioned,
        dom,
        "10. 12. 2026 18:00",
        "10. 12. 2026 20:00",
        action=None,
    )
    assert response.status_code == 302
    event = EventPage.objects.get(slug="novoletni-koncert")
    request.event = event
    request.save()
    html = representative.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).content
    assert "Kljub temu objavi" not in html.decode()


def test_the_week_view_says_what_clashes(client, golnik_provisioned, dom):
    cal = calendar_of(golnik_provisioned)
    builders.event(
        cal, "Novoletni koncert", start=at(NEW_YEAR, 18), end=at(NEW_YEAR, 20), space=dom
    )
    builders.event(
        cal,
        "Vaja zbora",
        start=at(datetime.date(2026, 12, 10), 19),
        end=at(datetime.date(2026, 12, 10), 21),
        space=dom,
    )
    html = client.get(dom.url + "zasedenost/", {"teden": "2026-W53"}).content.decode()
    assert "Spor: dogodek »Novoletni koncert« na dan, ko je prostor zaprt (novo leto)." in html
    html = client.get(dom.url + "zasedenost/", {"teden": "2026-W50"}).content.decode()
    assert (
        "Spor: rezervacija »Vaja zbora« in dogodek »Vaja zbora« ob istem času, 19.00–20.00." in html
    )
