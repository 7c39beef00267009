"""KS representatives decide on the requests for their own KS's spaces in the admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.bookings import decisions
from portal.bookings.models import BookingRequest
from portal.communities.provisioning import (
    add_community_editor,
    ensure_municipal_editors,
    provision_community,
)
from portal.events.models import EventPage
from portal.outbox.models import OutboxMessage
from tests import builders
from tests.builders import LJUBLJANA

pytestmark = pytest.mark.django_db

DAY = datetime.date.today() + datetime.timedelta(days=8)
LIST = "wagtailsnippets_bookings_bookingrequest:list"
INSPECT = "wagtailsnippets_bookings_bookingrequest:inspect"
EDIT = "wagtailsnippets_bookings_bookingrequest:edit"


def at(hour):
    return datetime.datetime.combine(DAY, datetime.time(hour), tzinfo=LJUBLJANA)


def section(name):
    ks = builders.community(f"KS {name}")
    provision_community(ks)
    ks.refresh_from_db()
    space = builders.space_with_hours(
        ks, f"Prostor {name}", weekly=[(DAY.weekday(), "08:00", "22:00")]
    )
    return ks, space


@pytest.fixture
def golnik():
    return section("Golnik")


@pytest.fixture
def strazisce():
    return section("Stražišče")


def request_for(space, purpose="Vaja zbora", start=17, end=19, is_public=True):
    return builders.booking_request(space, at(start), at(end), purpose, is_public)


@pytest.fixture
def ks_editor(golnik):
    user = get_user_model().objects.create_user("ks-golnik", password="x")
    add_community_editor(golnik[0], user)
    return user


@pytest.fixture
def municipal():
    user = get_user_model().objects.create_user("obcina", password="x")
    user.groups.add(ensure_municipal_editors())
    return user


def test_a_ks_editor_lists_and_opens_only_their_own_ks_requests(
    client, golnik, strazisce, ks_editor
):
    own = request_for(golnik[1], "Vaja zbora Golnik")
    foreign = request_for(strazisce[1], "Vaja zbora Stražišče")
    client.force_login(ks_editor)
    listing = client.get(reverse(LIST)).content.decode()
    assert "Vaja zbora Golnik" in listing
    assert "Vaja zbora Stražišče" not in listing
    assert client.get(reverse(INSPECT, args=[own.pk])).status_code == 200
    for url in (reverse(INSPECT, args=[foreign.pk]), reverse(EDIT, args=[foreign.pk])):
        assert client.get(url).status_code == 404
    assert client.get(reverse(INSPECT, args=[foreign.pk + 1000])).status_code == 404
    refused = client.post(reverse(INSPECT, args=[foreign.pk]), {"decision": "approve"})
    assert refused.status_code == 404
    assert BookingRequest.objects.get(pk=foreign.pk).is_pending


def test_no_one_adds_a_request_in_the_admin(client, golnik, municipal):
    client.force_login(municipal)
    add_url = reverse("wagtailsnippets_bookings_bookingrequest:add")
    response = client.get(add_url)
    assert response.status_code in (302, 403)
    assert add_url not in client.get(reverse(LIST)).content.decode()


def test_the_municipal_editor_sees_every_ks(client, golnik, strazisce, municipal):
    request_for(golnik[1], "Vaja zbora Golnik")
    request_for(strazisce[1], "Vaja zbora Stražišče")
    client.force_login(municipal)
    listing = client.get(reverse(LIST)).content.decode()
    assert "Vaja zbora Golnik" in listing and "Vaja zbora Stražišče" in listing
    filtered = client.get(reverse(LIST), {"status": "pending", "community": golnik[0].pk})
    assert "Vaja zbora Stražišče" not in filtered.content.decode()


def test_approving_marks_the_dates_taken_and_tells_the_requester(
    client, golnik, ks_editor, sent_mail
):
    booking = request_for(golnik[1])
    client.force_login(ks_editor)
    page = client.get(reverse(INSPECT, args=[booking.pk])).content.decode()
    assert "ana@example.org" in page
    assert "Prostor je v tem času prost in odprt." in page
    response = client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "approve", "message": "Ključ je pri hišniku."},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.is_approved and booking.decided_by == ks_editor
    assert booking.dates.get().approved
    mail = sent_mail()
    assert "odobren" in mail[-1].subject
    assert "Ključ je pri hišniku." in mail[-1].body
    assert EventPage.objects.count() == 0


def test_approving_an_overlapping_request_is_refused_naming_the_clash(client, golnik, ks_editor):
    first = request_for(golnik[1], "Vaja zbora")
    second = request_for(golnik[1], "Rojstni dan", start=18, end=20)
    client.force_login(ks_editor)
    client.post(reverse(INSPECT, args=[first.pk]), {"decision": "approve"})
    response = client.post(reverse(INSPECT, args=[second.pk]), {"decision": "approve"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "prostor je že zaseden od 17.00 do 19.00 (Vaja zbora)" in html
    assert BookingRequest.objects.get(pk=second.pk).is_pending


def test_an_approval_is_saved_and_told_later_when_the_mail_server_is_down(
    client, golnik, ks_editor, settings, sent_mail
):
    settings.OUTBOX_EMAIL_BACKEND = "tests.mail_backends.RefusedBackend"
    booking = request_for(golnik[1])
    client.force_login(ks_editor)
    response = client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "approve", "message": "Ključ je pri hišniku."},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.is_approved and booking.dates.get().approved
    assert not sent_mail()
    [waiting] = OutboxMessage.objects.filter(subject__contains="odobren")
    assert waiting.status == "queued"
    assert "Connection refused" in waiting.last_error


def test_a_refused_approval_sends_no_mail(client, golnik, ks_editor):
    first = request_for(golnik[1], "Vaja zbora")
    second = request_for(golnik[1], "Rojstni dan", start=18, end=20)
    client.force_login(ks_editor)
    client.post(reverse(INSPECT, args=[first.pk]), {"decision": "approve"})
    written = OutboxMessage.objects.count()
    response = client.post(reverse(INSPECT, args=[second.pk]), {"decision": "approve"})
    assert response.status_code == 409
    assert OutboxMessage.objects.count() == written


def test_an_approval_that_postgresql_ends_in_a_deadlock_is_tried_again(
    client, golnik, ks_editor, monkeypatch, sent_mail
):
    """Two approvals marking overlapping dates at the same moment can each wait for the
    other's check against the exclusion constraint; PostgreSQL then ends one with a
    deadlock error (seen in CI). That one is tried once more instead of failing."""
    import psycopg
    from django.db import OperationalError

    from portal.bookings import decisions

    booking = request_for(golnik[1])
    decide = decisions.decide
    calls = []

    def deadlocked_once(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:  # as Django raises what psycopg reports
            cause = psycopg.errors.DeadlockDetected("deadlock detected")
            raise OperationalError("deadlock detected") from cause
        return decide(*args, **kwargs)

    monkeypatch.setattr(decisions, "decide", deadlocked_once)
    client.force_login(ks_editor)
    response = client.post(reverse(INSPECT, args=[booking.pk]), {"decision": "approve"})
    assert response.status_code == 302
    assert len(calls) == 2
    booking.refresh_from_db()
    assert booking.is_approved
    assert booking.dates.get().approved
    mail = sent_mail()
    assert [m.subject for m in mail].count(mail[-1].subject) == 1
    assert "odobren" in mail[-1].subject


def test_approval_can_publish_the_booking_in_the_ks_calendar(client, golnik, ks_editor):
    booking = request_for(golnik[1], "Delavnica šivanja")
    client.force_login(ks_editor)
    client.post(reverse(INSPECT, args=[booking.pk]), {"decision": "approve", "publish_event": "on"})
    event = EventPage.objects.get()
    assert event.title == "Delavnica šivanja" and event.live
    assert event.space_id == golnik[1].pk
    assert event.get_parent().get_parent().pk == golnik[0].pk
    week = client.get(golnik[1].url + "zasedenost/", {"teden": DAY.isoformat()}).content.decode()
    assert week.count("Delavnica šivanja") == 1  # the event shows it, not twice


def test_declining_needs_a_message_and_sends_it(client, golnik, ks_editor, sent_mail):
    booking = request_for(golnik[1])
    client.force_login(ks_editor)
    refused = client.post(reverse(INSPECT, args=[booking.pk]), {"decision": "decline"})
    assert refused.status_code == 400
    assert "Prosilcu povejte, zakaj." in refused.content.decode()
    client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "decline", "message": "Ta dan je prostor oddan za volitve."},
    )
    booking.refresh_from_db()
    assert booking.status == BookingRequest.Status.DECLINED
    mail = sent_mail()
    assert "zavrnjen" in mail[-1].subject
    assert "volitve" in mail[-1].body


def test_declining_or_cancelling_a_request_passes_none_of_its_text_on(
    client, golnik, ks_editor, sent_mail
):
    """A request may be spam sent to a stranger's address: refusing it must not relay it."""
    spam = [
        request_for(golnik[1], "Kupite poceni zdravila na http://spam.example", start=h)
        for h in (9, 12)
    ]
    client.force_login(ks_editor)
    client.post(
        reverse(INSPECT, args=[spam[0].pk]),
        {"decision": "decline", "message": "Zahtevek je zavrnjen kot neželena pošta."},
    )
    client.post(
        reverse(INSPECT, args=[spam[1].pk]), {"decision": "cancel", "message": "Neželena pošta."}
    )
    mail = sent_mail()
    assert ["zavrnjen" in mail[-2].subject, "preklican" in mail[-1].subject] == [True, True]
    assert "neželena pošta" in mail[-2].body
    assert not [m for m in mail if "spam.example" in m.subject + m.body]


def test_cancelling_an_approved_request_frees_the_time(client, golnik, ks_editor):
    booking = request_for(golnik[1])
    decisions.approve(booking, ks_editor)
    client.force_login(ks_editor)
    client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "cancel", "message": "Prostor se obnavlja."},
    )
    booking.refresh_from_db()
    assert booking.status == BookingRequest.Status.CANCELLED
    assert not booking.dates.get().approved
    assert request_for(golnik[1], "Sestanek").pk
    decisions.approve(BookingRequest.objects.get(purpose="Sestanek"), ks_editor)


def test_the_listing_runs_a_fixed_number_of_queries(
    client, golnik, municipal, django_assert_max_num_queries
):
    for number in range(3):
        request_for(golnik[1], f"Sestanek {number}", start=8 + 2 * number, end=9 + 2 * number)
    client.force_login(municipal)
    client.get(reverse(LIST))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(LIST))
    count = len(few)
    assert count <= 20
    for number in range(3, 13):
        request_for(golnik[1], f"Sestanek {number}", start=8, end=9)
    client.get(reverse(LIST))  # new rows renew the content version: the site is read again
    with django_assert_max_num_queries(count):
        client.get(reverse(LIST))


def test_a_space_moved_to_another_ks_takes_its_requests_along(golnik, strazisce):
    booking = request_for(golnik[1])
    golnik[1].move(strazisce[0], pos="last-child")
    booking.refresh_from_db()
    assert booking.community_id == strazisce[0].pk
