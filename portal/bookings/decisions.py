"""What happens to a booking request: it is received (and its KS's editors and the space's
contact person are asked to decide), its dates are approved or declined one by one or all
at once, or it is cancelled. The requester hears of each step by e-mail, queued in the
outbox in the step's own transaction (so a step that fails sends nothing, and a mail
server that is down delays the mail, never the step: decision 0017). A request is decided
once no date of it waits: one mail then lists the approved dates and the declined ones
with their reasons.

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
Decision = BookingDate.Decision


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
        emails.ask_to_decide(booking)
    return booking


def slots_of(booking):
    return [conflicts.Slot(date.start, date.end) for date in booking.dates.all()]


# PostgreSQL's error code for a deadlock.
DEADLOCK_DETECTED = "40P01"


def approve(booking, user, message="", publish_event=False, dates=None):
    """Approve the pending dates of a request (those of `dates`, a list of `BookingDate`
    primary keys, if given) if they are still free; raise `DecisionError` naming the
    clashes if not. Once no date waits, the requester is told; with `publish_event`, the
    approved dates become an event in the KS calendar, public once `user` or the KS's
    approval publishes it (`calendar`)."""
    try:
        return approve_once(booking, user, message, publish_event, dates)
    except OperationalError as error:
        if getattr(error.__cause__, "sqlstate", None) != DEADLOCK_DETECTED:
            raise
    # Two approvals of overlapping dates marked them at the same moment, and each waited
    # for the other's to be checked against the exclusion constraint: PostgreSQL ended
    # this one. Once more, then: the other has committed by now (or this one waits for
    # it), so this one wins if the other failed, else is refused with the clash named.
    return approve_once(booking, user, message, publish_event, dates)


def approve_once(booking, user, message, publish_event, dates):
    try:
        with transaction.atomic():
            booking = lock(booking)
            chosen = pending_dates(booking, dates, _("Only a pending date can be approved."))
            problems = conflicts.problems(
                booking.space,
                [conflicts.Slot(date.start, date.end) for date in chosen],
                booking.room,
                booking.attendance,
            )
            if problems:
                raise DecisionError(problems)
            BookingDate.objects.filter(pk__in=[date.pk for date in chosen]).update(
                decision=Decision.APPROVED, approved=True, reason=""
            )
            conclude(booking, user, message, publish_event)
    except IntegrityError as error:
        # Another approval of an overlapping date committed first (PostgreSQL's exclusion
        # constraint): name what it took.
        booking.refresh_from_db()
        clashes = conflicts.problems(booking.space, slots_of(booking))
        raise DecisionError(
            clashes or [_("Another request for this time was approved a moment ago.")]
        ) from error
    return booking


def decline(booking, user, message, dates=None, publish_event=False):
    """Decline the pending dates of a request (those of `dates`, if given) for the
    reason `message`; once no date waits, the requester is told."""
    with transaction.atomic():
        booking = lock(booking)
        chosen = pending_dates(booking, dates, _("Only a pending date can be declined."))
        BookingDate.objects.filter(pk__in=[date.pk for date in chosen]).update(
            decision=Decision.DECLINED, reason=message
        )
        # A reason given for one date is that date's; the request keeps no message.
        conclude(booking, user, "" if dates else message, publish_event)
    return booking


def pending_dates(booking, pks, refusal):
    """The request's pending dates among `pks` (all of them if None); `DecisionError`
    with `refusal` if one of `pks` is not pending or there is none to decide."""
    if not booking.is_pending:
        raise DecisionError([_("This request is decided already.")])
    dates = list(booking.dates.all())
    chosen = [date for date in dates if pks is None or date.pk in pks]
    if pks is not None and len(chosen) != len(set(pks)):
        raise DecisionError([_("This date is not one of the request's.")])
    if pks is not None and any(not date.is_pending for date in chosen):
        raise DecisionError([refusal])
    chosen = [date for date in chosen if date.is_pending]
    if not chosen:
        raise DecisionError([refusal])
    return chosen


def conclude(booking, user, message, publish_event):
    """Once no date of `booking` waits, the request is approved (if a date is) or
    declined, its event published if asked, and the requester told."""
    decisions = set(booking.dates.values_list("decision", flat=True))
    if Decision.PENDING in decisions:
        return
    if Decision.APPROVED in decisions:
        decide(booking, Status.APPROVED, user, message)
        if publish_event:
            booking.event = calendar.publish_event(booking, user)
            booking.save(update_fields=["event"])
        emails.send(booking, emails.APPROVED)
    else:
        decide(booking, Status.DECLINED, user, message)
        emails.send(booking, emails.DECLINED)


def cancel(booking, user=None, message=""):
    """Cancel a pending or approved request (by the requester through their link, or by
    the KS in the admin): its dates free the space again, and its event is unpublished
    or withdrawn from approval."""
    with transaction.atomic():
        booking = lock(booking)
        if not booking.is_cancellable:
            raise DecisionError([_("This request is no longer pending or approved.")])
        booking.dates.exclude(decision=Decision.DECLINED).update(
            decision=Decision.CANCELLED, approved=False
        )
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
