"""A weekly request is decided date by date in the admin (issue 17): the KS editor
approves some dates and declines others with a reason, each by a plain POST that a
dashboard panel can make too; the requester hears once, when every date is decided."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from portal.bookings import decisions
from portal.bookings.conflicts import Slot
from portal.bookings.models import BookingDate, BookingRequest
from portal.communities.provisioning import add_community_editor
from portal.events.models import EventPage
from portal.stakeholders.models import Stakeholder
from tests import builders
from tests.builders import at
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db

DAY = builders.today() + datetime.timedelta(days=8)
WEEKS = [DAY + datetime.timedelta(weeks=n) for n in range(3)]
INSPECT = "wagtailsnippets_bookings_bookingrequest:inspect"
APPROVE = "wagtailsnippets_bookings_bookingrequest:approve_date"
DECLINE = "wagtailsnippets_bookings_bookingrequest:decline_date"


def space_of(ks, name):
    return builders.space_with_hours(ks, name, weekly=[(DAY.weekday(), "08:00", "22:00")])


def weekly_request(space, **fields):
    return decisions.receive(
        space,
        None,
        [Slot(at(day, 17), at(day, 19)) for day in WEEKS],
        **{
            "name": "Ana Kranjc",
            "email": "ana@example.org",
            "purpose": "Vaja zbora",
            "is_public": True,
            "attendance": 10,
            **fields,
        },
    )


@pytest.fixture
def space(golnik_provisioned):
    return space_of(golnik_provisioned, "Dom krajanov")


@pytest.fixture
def editor(golnik_provisioned, client):
    user = get_user_model().objects.create_user("ks-golnik", password="x")
    add_community_editor(golnik_provisioned, user)
    client.force_login(user)
    return user


def mails_to_requester(sent_mail):
    return [message for message in sent_mail() if message.to == ["ana@example.org"]]


def test_a_weekly_request_is_approved_two_dates_of_three(client, space, editor, sent_mail):
    booking = weekly_request(space)
    first, second, third = booking.dates.all()
    page = client.get(reverse(INSPECT, args=[booking.pk])).content.decode()
    for date in (first, second, third):
        assert reverse(APPROVE, args=[booking.pk, date.pk]) in page
        assert reverse(DECLINE, args=[booking.pk, date.pk]) in page
    received = len(mails_to_requester(sent_mail))

    for date in (first, second):
        response = client.post(reverse(APPROVE, args=[booking.pk, date.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse(INSPECT, args=[booking.pk])
    booking.refresh_from_db()
    assert booking.is_pending  # one date still waits: no word to the requester yet
    assert len(mails_to_requester(sent_mail)) == received

    response = client.post(
        reverse(DECLINE, args=[booking.pk, third.pk]), {"reason": "Ta dan je občni zbor."}
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.is_approved and booking.decided_by == editor
    decided = {date.pk: (date.decision, date.approved, date.reason) for date in booking.dates.all()}
    assert decided == {
        first.pk: ("approved", True, ""),
        second.pk: ("approved", True, ""),
        third.pk: ("declined", False, "Ta dan je občni zbor."),
    }
    [mail] = mails_to_requester(sent_mail)[received:]
    assert "odobren" in mail.subject
    assert mail.body.startswith("Pozdravljeni, Ana Kranjc,\n")
    approved_part, declined_part = mail.body.split("Ta termin je zavrnjen:")
    for day in WEEKS[:2]:
        assert f"{day.day}. {day.month}. {day.year}, 17.00–19.00" in approved_part
    assert f"{WEEKS[2].day}. {WEEKS[2].month}. {WEEKS[2].year}, 17.00–19.00" in declined_part
    assert "Razlog: Ta dan je občni zbor." in declined_part

    page = client.get(reverse(INSPECT, args=[booking.pk])).content.decode()
    assert "(zavrnjen: Ta dan je občni zbor.)" in page


def test_declining_every_date_declines_the_request(client, space, editor, sent_mail):
    booking = weekly_request(space)
    for date in booking.dates.all():
        client.post(reverse(DECLINE, args=[booking.pk, date.pk]), {"reason": "Prenova."})
    booking.refresh_from_db()
    assert booking.status == BookingRequest.Status.DECLINED
    assert "zavrnjen" in mails_to_requester(sent_mail)[-1].subject


def test_a_date_declined_without_a_reason_is_refused_with_nothing_changed(client, space, editor):
    booking = weekly_request(space)
    date = booking.dates.first()
    response = client.post(reverse(DECLINE, args=[booking.pk, date.pk]), {"reason": " "})
    assert response.status_code == 400
    assert "zakaj je ta termin zavrnjen" in response.content.decode()
    assert BookingDate.objects.get(pk=date.pk).is_pending


def test_a_decided_date_cannot_be_decided_again(client, space, editor):
    booking = weekly_request(space)
    date = booking.dates.first()
    client.post(reverse(APPROVE, args=[booking.pk, date.pk]))
    response = client.post(reverse(DECLINE, args=[booking.pk, date.pk]), {"reason": "Vseeno ne."})
    assert response.status_code == 409
    assert BookingDate.objects.get(pk=date.pk).approved


def test_the_date_urls_take_a_post_only_and_return_to_next(client, space, editor):
    booking = weekly_request(space)
    date = booking.dates.first()
    url = reverse(APPROVE, args=[booking.pk, date.pk])
    assert client.get(url).status_code == 405
    back = client.post(url, {"next": "/admin/"})
    assert back.status_code == 302 and back["Location"] == "/admin/"
    other = booking.dates.last()
    away = client.post(reverse(APPROVE, args=[booking.pk, other.pk]), {"next": "https://x.org/"})
    assert away["Location"] == reverse(INSPECT, args=[booking.pk])


def test_a_date_of_another_request_is_not_found(client, space, editor):
    booking = weekly_request(space)
    other = weekly_request(space_of(space.get_parent().specific, "Gasilski dom"))
    response = client.post(reverse(APPROVE, args=[booking.pk, other.dates.first().pk]))
    assert response.status_code == 404
    assert not BookingDate.objects.filter(approved=True).exists()


def test_an_overlapping_approved_date_is_refused_naming_the_clash(client, space, editor):
    taken = weekly_request(space, purpose="Telovadba")
    decisions.approve(taken, None)
    booking = weekly_request(space)
    response = client.post(reverse(APPROVE, args=[booking.pk, booking.dates.first().pk]))
    assert response.status_code == 409
    assert "Telovadba" in response.content.decode()
    assert not booking.dates.filter(approved=True).exists()


def test_the_event_of_an_approved_booking_carries_the_request(client, space, editor):
    ks = space.get_parent().specific
    space.image = Image.objects.create(title="Dom krajanov", file=get_test_image_file())
    space.save_revision().publish()
    choir = Stakeholder.objects.create(name="Pevski zbor Golnik", sector="ngo", community=ks)
    singing = programme("Pojemo skupaj", community=ks)
    booking = weekly_request(
        space,
        organisation="pevski zbor golnik",
        description="Vabljeni vsi, ki radi pojete.",
        programme=singing,
    )
    first, second, third = booking.dates.all()
    client.post(reverse(DECLINE, args=[booking.pk, second.pk]), {"reason": "Občni zbor."})
    client.post(reverse(APPROVE, args=[booking.pk, first.pk]))
    # The last date to decide offers to publish the event.
    page = client.get(reverse(INSPECT, args=[booking.pk])).content.decode()
    assert page.count('name="publish_event"') == 2  # beside the date, and in the whole form
    client.post(reverse(APPROVE, args=[booking.pk, third.pk]), {"publish_event": "on"})

    event = EventPage.objects.get()
    assert event.live and event.title == "Vaja zbora"
    assert "Vabljeni vsi, ki radi pojete." in event.body
    assert event.organiser == choir
    assert event.programme == singing
    assert event.image_id == space.image_id
    assert [excluded.date for excluded in event.excluded_dates.all()] == [WEEKS[1]]
    assert event.until == WEEKS[2]


def test_the_migration_gives_each_date_its_requests_decision(space):
    """Requests decided as a whole before issue 17: their dates take the decision, a
    declined request's message is each date's reason."""
    import importlib

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    approved, declined, cancelled, pending = (weekly_request(space) for _ in range(4))
    BookingDate.objects.filter(request=approved).update(approved=True)
    for booking, status, message in (
        (approved, "approved", ""),
        (declined, "declined", "Prenova."),
        (cancelled, "cancelled", ""),
    ):
        BookingRequest.objects.filter(pk=booking.pk).update(status=status, decision_message=message)
    migration = importlib.import_module("portal.bookings.migrations.0003_decisions_per_date")
    state = MigrationExecutor(connection).loader.project_state(
        ("bookings", "0003_decisions_per_date"), at_end=True
    )
    migration.dates_take_the_requests_decision(state.apps, None)

    def decided(booking):
        return set(booking.dates.values_list("decision", "approved", "reason"))

    assert decided(approved) == {("approved", True, "")}
    assert decided(declined) == {("declined", False, "Prenova.")}
    assert decided(cancelled) == {("cancelled", False, "")}
    assert decided(pending) == {("pending", False, "")}


def test_cancelling_frees_the_approved_dates_and_keeps_the_declined_ones(
    client, space, editor, sent_mail
):
    booking = weekly_request(space)
    first, second, third = booking.dates.all()
    client.post(reverse(DECLINE, args=[booking.pk, first.pk]), {"reason": "Prenova."})
    for date in (second, third):
        client.post(reverse(APPROVE, args=[booking.pk, date.pk]))
    response = client.post(
        reverse(INSPECT, args=[booking.pk]), {"decision": "cancel", "message": "Zbor ne vadi."}
    )
    assert response.status_code == 302
    assert list(booking.dates.values_list("decision", "approved")) == [
        ("declined", False),
        ("cancelled", False),
        ("cancelled", False),
    ]
    mail = mails_to_requester(sent_mail)[-1]
    assert "preklican" in mail.subject
    assert f"{WEEKS[0].day}. {WEEKS[0].month}. {WEEKS[0].year}" not in mail.body
    assert f"{WEEKS[1].day}. {WEEKS[1].month}. {WEEKS[1].year}" in mail.body
