"""Many people sign up for the last places at the same moment, and two cancellations race:
the database keeps the count (PostgreSQL only: SQLite runs writers one after another,
which tests/test_signups_core.py covers)."""

import threading

import pytest
from django.db import connection, connections

from portal.outbox.models import OutboxMessage
from portal.signups import booking
from portal.signups.models import SignUp, SignUpDate
from tests import builders

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="real concurrency: PostgreSQL"),
]

Status = SignUp.Status


def a_date(capacity):
    ks = builders.community("Golnik")
    event = builders.signup_event(builders.calendar(ks), capacity=capacity)
    return builders.signup_date(event)


def in_threads(count, work):
    """Run `work(number)` in `count` threads released at the same moment; their results."""
    barrier = threading.Barrier(count, timeout=60)
    results = [None] * count
    errors = []

    def run(number):
        try:
            barrier.wait()
            results[number] = work(number)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


def test_fifty_people_for_the_last_three_places():
    date = a_date(10)
    for number in range(7):
        booking.sign_up(date, name=f"Prej{number}", email=f"prej{number}@example.org")
    before = OutboxMessage.objects.count()

    def sign(number):
        return booking.sign_up(date, name=f"Oseba{number}", email=f"oseba{number}@example.org")

    signups = in_threads(50, sign)
    statuses = [signup.status for signup in signups]
    assert statuses.count(Status.CONFIRMED) == 3
    assert statuses.count(Status.WAITLISTED) == 47
    positions = sorted(booking.position(s) for s in signups if s.status == Status.WAITLISTED)
    assert positions == list(range(1, 48))
    date.refresh_from_db()
    confirmed = SignUp.objects.filter(date=date, status=Status.CONFIRMED)
    assert date.confirmed_places == 10 == sum(confirmed.values_list("places", flat=True))
    assert OutboxMessage.objects.count() - before == 50


def test_two_cancellations_at_once_promote_each_waiting_party_once():
    date = a_date(4)
    first = booking.sign_up(date, name="Ana", email="ana@example.org", places=2)
    second = booking.sign_up(date, name="Bojan", email="bojan@example.org", places=2)
    waiting = [
        booking.sign_up(date, name=name, email=f"{name.lower()}@example.org", places=places)
        for name, places in (("Cvetka", 2), ("Darja", 1), ("Eva", 1))
    ]
    assert {s.status for s in waiting} == {Status.WAITLISTED}
    in_threads(2, lambda number: booking.cancel([first, second][number]))
    date.refresh_from_db()
    confirmed = SignUp.objects.filter(date=date, status=Status.CONFIRMED)
    assert date.confirmed_places == 4 == sum(confirmed.values_list("places", flat=True))
    assert sorted(confirmed.values_list("name", flat=True)) == ["Cvetka", "Darja", "Eva"]
    # Each waiting person got two mails: "on the waiting list", then one promotion.
    for name in ("cvetka", "darja", "eva"):
        assert OutboxMessage.objects.filter(recipients__contains=f"{name}@example.org").count() == 2


def test_one_sign_up_cancelled_twice_at_once_is_cancelled_once():
    date = a_date(1)
    signup = booking.sign_up(date, name="Ana", email="ana@example.org")
    waiting = booking.sign_up(date, name="Bojan", email="bojan@example.org")
    results = in_threads(2, lambda number: booking.cancel(SignUp.objects.get(pk=signup.pk)))
    assert sorted(results) == [False, True]
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert SignUpDate.objects.get(pk=date.pk).confirmed_places == 1
