"""What happens to a booking request: it is received, approved, declined or cancelled, and
the requester hears of each step by e-mail, queued in the outbox in the step's own
transaction (so a step that fails sends nothing, and a mail server that is down delays
the mail, never the step: decision 0017).

Approval re-checks the conflicts and marks the dates approved in one transaction. Two
approvals of overlapping dates racing each other cannot both win: on PostgreSQL the
exclusion constraint refuses the second (its update waits for the first to commit); on
SQLite the approval takes the database's write lock before it reads, so approvals run one
after another and the second one sees the first's dates (decision 0011). Two PostgreSQL
approvals that mark their dates at the same moment can deadlock instead; the one that
PostgreSQL ends is tried once more (`approve`).
"""

from django.db import IntegrityError, OperationalError, connection, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from portal.base import clock
from portal.bookings import calendar, conflicts, emails
from portal.bookings.models import BookingDate, BookingRequest

Status = BookingRequest.Status


class DecisionError(Exception):
    """A step that cannot be taken, with the reasons as sentences for the user."""

    def __init__(self, messages):
        self.messages = [str(message) for message in messages]
        super().__init__(" ".join(self.messages))


def receive(space, room, slots, **fields):
    """Save a request from the public form with its dates, and confirm it by e-mail."""
    with transaction.atomic():
        booking = BookingRequest.objects.create(
            space=space, room=room, consent_at=clock.now(), **fields
        )
        BookingDate.objects.bulk_create(
            BookingDate(request=booking, space=space, start=slot.start, end=slot.end)
            for slot in slots
        )
        emails.send(booking, emails.RECEIVED)
    return booking


def slots_of(booking):
    return [conflicts.Slot(date.start, date.end) for date in booking.dates.all()]


# PostgreSQL's error code for a deadlock.
DEADLOCK_DETECTED = "40P01"


def approve(booking, user, message="", publish_event=False):
    """Approve a pending request if its dates are still free; raise `DecisionError`
    naming the clashes if not. With `publish_event`, its dates become an event in the KS
    calendar, public once `user` or the KS's approval publishes it (`calendar`)."""
    try:
        return approve_once(booking, user, message, publish_event)
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) != DEADLOCK_DETECTED:
            raise
    # Two approvals of overlapping dates marked them at the same moment, and each waited
    # for the other's to be checked against the exclusion constraint: PostgreSQL ended
    # this one. Once more, then: the other has committed by now (or this one waits for
    # it), so this one wins if the other failed, else is refused with the clash named.
    return approve_once(booking, user, message, publish_event)


def approve_once(booking, user, message, publish_event):
    try:
        with transaction.atomic():
            booking = lock(booking)
            if not booking.is_pending:
                raise DecisionError([_("Only a pending request can be approved.")])
            problems = conflicts.problems(
                booking.space, slots_of(booking), booking.room, booking.attendance
            )
            if problems:
                raise DecisionError(problems)
            booking.dates.update(approved=True)
            decide(booking, Status.APPROVED, user, message)
            if publish_event:
                booking.event = calendar.publish_event(booking, user)
                booking.save(update_fields=["event"])
            emails.send(booking, emails.APPROVED)
    except IntegrityError as error:
        # Another approval of an overlapping date committed first (PostgreSQL's exclusion
        # constraint): name what it took.
        booking.refresh_from_db()
        clashes = conflicts.problems(booking.space, slots_of(booking))
        raise DecisionError(
            clashes or [_("Another request for this time was approved a moment ago.")]
        ) from error
    return booking


def decline(booking, user, message):
    with transaction.atomic():
        booking = lock(booking)
        if not booking.is_pending:
            raise DecisionError([_("Only a pending request can be declined.")])
        decide(booking, Status.DECLINED, user, message)
        emails.send(booking, emails.DECLINED)
    return booking


def cancel(booking, user=None, message=""):
    """Cancel a pending or approved request (by the requester through their link, or by
    the KS in the admin): its dates free the space again, and its event is unpublished
    or withdrawn from approval."""
    with transaction.atomic():
        booking = lock(booking)
        if not booking.is_cancellable:
            raise DecisionError([_("This request is no longer pending or approved.")])
        booking.dates.update(approved=False)
        decide(booking, Status.CANCELLED, user, message)
        if booking.event_id:
            calendar.withdraw(booking.event, user)
        emails.send(booking, emails.CANCELLED)
    return booking


def lock(booking):
    """The request, re-read and locked for this transaction: on SQLite by a write first,
    which takes the database's write lock, so that decisions run one after another."""
    if connection.vendor == "sqlite":
        BookingRequest.objects.filter(pk=booking.pk).update(status=F("status"))
    return (
        BookingRequest.objects.select_for_update(of=("self",))
        .select_related("space", "room", "event")
        .get(pk=booking.pk)
    )


def decide(booking, status, user, message):
    booking.status = status
    booking.decision_message = message
    booking.decided_at = clock.now()
    booking.decided_by = user if user is not None and user.is_authenticated else None
    booking.save(update_fields=["status", "decision_message", "decided_at", "decided_by"])
