"""Two representatives approve overlapping requests at the same moment: only one wins.

PostgreSQL only: its exclusion constraint is what refuses the second approval (SQLite runs
approvals one after another instead; `tests/test_booking_admin.py` checks that path).
"""

import datetime
import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction

from portal.bookings import conflicts, decisions
from portal.bookings.models import BookingDate, BookingRequest
from tests import builders
from tests.builders import at

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the exclusion constraint is PostgreSQL's"
    ),
]

DAY = builders.today() + datetime.timedelta(days=7)


@pytest.fixture
def space():
    ks = builders.community("Golnik")
    return builders.space_with_hours(
        ks, "Skupnostni prostor", weekly=[(DAY.weekday(), "08:00", "22:00")]
    )


def pending(space, purpose, start, end):
    return builders.booking_request(space, at(DAY, start), at(DAY, end), purpose)


def test_the_database_refuses_two_overlapping_approved_dates(space):
    first = pending(space, "Vaja zbora", 17, 19)
    second = pending(space, "Rojstni dan", 18, 20)
    BookingDate.objects.filter(request=first).update(approved=True)
    with pytest.raises(IntegrityError), transaction.atomic():
        BookingDate.objects.filter(request=second).update(approved=True)
    # Back to back is fine: the ranges are half-open.
    third = pending(space, "Sestanek", 19, 21)
    BookingDate.objects.filter(request=third).update(approved=True)


def test_racing_approvals_of_overlapping_requests_let_only_one_win(space, monkeypatch):
    requests = [pending(space, "Vaja zbora", 17, 19), pending(space, "Rojstni dan", 18, 20)]
    # Both approvals find the time free before either marks its dates approved.
    both_checked = threading.Barrier(2, timeout=20)
    check = conflicts.problems
    waited = threading.local()

    def checked_together(*args, **kwargs):
        found = check(*args, **kwargs)
        if not getattr(waited, "done", False):
            waited.done = True
            both_checked.wait()
        return found

    monkeypatch.setattr(conflicts, "problems", checked_together)
    results = {}

    def approve(booking):
        try:
            decisions.approve(booking, user=None)
            results[booking.purpose] = "approved"
        except decisions.DecisionError as error:
            results[booking.purpose] = error.messages
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(booking,)) for booking in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(map(str, results.values())).count("approved") == 1
    [loser] = [messages for messages in results.values() if messages != "approved"]
    [winner] = [purpose for purpose, result in results.items() if result == "approved"]
    assert any(
        "prostor je že zaseden" in message and f"({winner})" in message for message in loser
    ), loser
    statuses = sorted(BookingRequest.objects.values_list("status", flat=True))
    assert statuses == ["approved", "pending"]
    assert BookingDate.objects.filter(approved=True).count() == 1
