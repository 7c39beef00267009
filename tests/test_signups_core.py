"""The heart of sign-ups (`portal.signups.booking`): places fit or wait, a cancel frees them
for the first on the waiting list whose party fits, the counter never passes the capacity,
and each step mails the person through the outbox."""

import pytest
from django.db import IntegrityError, transaction

from portal.signups import booking
from portal.signups.models import SignUp, SignUpDate
from tests import builders

pytestmark = pytest.mark.django_db

Status = SignUp.Status


@pytest.fixture
def date():
    ks = builders.community("Golnik")
    event = builders.signup_event(builders.calendar(ks), capacity=3)
    return builders.signup_date(event)


def sign(date, name, places=1):
    return booking.sign_up(date, name=name, email=f"{name.lower()}@example.org", places=places)


def test_places_fit_then_people_wait_in_order(date, sent_mail):
    first = sign(date, "Ana", 2)
    second = sign(date, "Bojan", 2)
    third = sign(date, "Cvetka", 1)
    assert [first.status, second.status, third.status] == [
        Status.CONFIRMED,
        Status.WAITLISTED,
        Status.CONFIRMED,
    ]
    date.refresh_from_db()
    assert date.confirmed_places == 3
    assert booking.position(second) == 1
    assert [message.to for message in sent_mail()] == [
        ["ana@example.org"],
        ["bojan@example.org"],
        ["cvetka@example.org"],
    ]
    assert sent_mail()[0].attachments[0][0] == "dogodek.ics"
    assert "1" in sent_mail()[1].body


def test_a_cancel_promotes_the_first_whose_party_fits_once(date, sent_mail):
    ana = sign(date, "Ana", 1)
    sign(date, "Bojan", 2)
    big = sign(date, "Cvetka", 3)
    small = sign(date, "Darja", 1)
    sent_mail().clear()
    assert booking.cancel(ana) is True
    assert booking.cancel(ana) is False
    big.refresh_from_db()
    small.refresh_from_db()
    assert big.status == Status.WAITLISTED
    assert small.status == Status.CONFIRMED
    date.refresh_from_db()
    assert date.confirmed_places == 3
    assert sorted(message.to[0] for message in sent_mail()) == [
        "ana@example.org",
        "darja@example.org",
    ]


def test_the_database_refuses_an_overfilled_date(date):
    with pytest.raises(IntegrityError), transaction.atomic():
        SignUpDate.objects.filter(pk=date.pk).update(confirmed_places=4)
