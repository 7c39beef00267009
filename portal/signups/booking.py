"""Signing up, cancelling and moving people between the list and the waiting list, with
the capacity enforced by the database (decision 0039).

Every change of a date's confirmed places runs in one transaction under the date's row
lock (`lock`): on PostgreSQL `SELECT … FOR UPDATE`, so concurrent sign-ups for one date
queue; on SQLite a write first, which takes the database's write lock (transactions begin
IMMEDIATE: decision 0028). The counter `confirmed_places` has a database check (never above
`capacity`), so even code that skipped the lock could not overfill a date. Mails are written
to the outbox in the same transaction: a step that fails mails no one.
"""

import secrets

from django.db import connection, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from portal.base import clock
from portal.signups import emails
from portal.signups.models import SignUp, SignUpDate
from portal.signups.queue import position

__all__ = ["SignUpError", "cancel", "move", "position", "promote", "set_capacity", "sign_up"]

Status = SignUp.Status


class SignUpError(Exception):
    """A step that cannot be taken, with the reason as a sentence for the user."""

    def __init__(self, message):
        self.message = str(message)
        super().__init__(self.message)


def lock(date):
    """The date, re-read and locked for this transaction (see the module's text)."""
    if connection.vendor == "sqlite":
        SignUpDate.objects.filter(pk=date.pk).update(sequence=F("sequence"))
    return (
        SignUpDate.objects.select_for_update(of=("self",)).select_related("event").get(pk=date.pk)
    )


def new_cancel_key():
    return secrets.token_urlsafe(24)


def sign_up(date, *, name, email, places=1, phone="", answers=None, added_by=None, mail=True):
    """Sign `name` up for `places` places of `date`: confirmed if they fit, else on the
    waiting list. Raises `SignUpError` when the date takes no sign-ups (for a sign-up from
    the public form: past the deadline too; an editor's may come later, by phone)."""
    with transaction.atomic():
        date = lock(date)
        if date.is_cancelled or date.event.is_cancelled:
            raise SignUpError(_("This date is cancelled: it takes no sign-ups."))
        if added_by is None and not date.is_open:
            raise SignUpError(_("Sign-ups for this date are closed."))
        now = clock.now()
        fits = date.confirmed_places + places <= date.capacity
        signup = SignUp.objects.create(
            date=date,
            community_id=date.community_id,
            status=Status.CONFIRMED if fits else Status.WAITLISTED,
            places=places,
            name=name,
            email=email,
            phone=phone,
            answers=answers or {},
            consent_at=now,
            created_at=now,
            confirmed_at=now if fits else None,
            cancel_key=new_cancel_key(),
            added_by=added_by,
        )
        if fits:
            add_places(date, places)
        if mail and signup.email:
            emails.send(signup, emails.CONFIRMED if fits else emails.WAITLISTED)
    return signup


def add_places(date, places):
    SignUpDate.objects.filter(pk=date.pk).update(confirmed_places=F("confirmed_places") + places)
    date.confirmed_places += places


def cancel(signup, mail=True):
    """Cancel `signup` (the person's link, or an editor): True if it was cancelled now,
    False if it had been already. Its places go to the first on the waiting list whose
    party fits, who are told by e-mail."""
    with transaction.atomic():
        date = lock(signup.date)
        was = SignUp.objects.filter(pk=signup.pk).values_list("status", flat=True).first()
        done = SignUp.objects.filter(
            pk=signup.pk, status__in=[Status.CONFIRMED, Status.WAITLISTED]
        ).update(status=Status.CANCELLED, cancel_key="", cancelled_at=clock.now())
        if not done:
            return False
        signup.refresh_from_db()
        if was == Status.CONFIRMED:
            add_places(date, -signup.places)
        if mail and signup.email:
            emails.send(signup, emails.CANCELLED)
        promote(date)
    return True


def promote(date, mail=True, skip=None):
    """Confirm, in the order they signed up, those on the waiting list whose party fits the
    free places (one that does not fit keeps its turn). Runs under the date's lock, from
    `cancel`, `move` and a change of capacity (`skip`: the pk of one an editor has just
    moved to the waiting list). Returns the sign-ups confirmed."""
    if date.is_cancelled or date.has_started:
        return []
    promoted = []
    free = date.capacity - date.confirmed_places
    if free <= 0:
        return promoted
    for signup in SignUp.objects.filter(date=date).waitlisted().exclude(pk=skip):
        if signup.places > free:
            continue
        confirm(date, signup)
        free -= signup.places
        promoted.append(signup)
        if mail and signup.email:
            emails.send(signup, emails.PROMOTED)
        if free <= 0:
            break
    return promoted


def confirm(date, signup):
    SignUp.objects.filter(pk=signup.pk).update(status=Status.CONFIRMED, confirmed_at=clock.now())
    signup.status = Status.CONFIRMED
    add_places(date, signup.places)


def move(signup, to_status, user=None, mail=True):
    """An editor moves `signup` from the waiting list to the list (if its party fits the
    free places) or from the list to the waiting list (at its end; its places go to those
    waiting who fit). The person is told by e-mail."""
    with transaction.atomic():
        date = lock(signup.date)
        signup = SignUp.objects.get(pk=signup.pk)
        if signup.status == to_status:
            return signup
        if to_status == Status.CONFIRMED:
            if signup.status != Status.WAITLISTED:
                raise SignUpError(_("Only someone on the waiting list can be moved to the list."))
            if date.confirmed_places + signup.places > date.capacity:
                raise SignUpError(
                    _("There are not enough free places: raise the number of places first.")
                )
            confirm(date, signup)
            if mail and signup.email:
                emails.send(signup, emails.PROMOTED)
        elif to_status == Status.WAITLISTED:
            if signup.status != Status.CONFIRMED:
                raise SignUpError(_("Only a confirmed sign-up can be moved to the waiting list."))
            SignUp.objects.filter(pk=signup.pk).update(
                status=Status.WAITLISTED, confirmed_at=None, created_at=clock.now()
            )
            signup.status = Status.WAITLISTED
            add_places(date, -signup.places)
            if mail and signup.email:
                emails.send(signup, emails.WAITLISTED)
            promote(date, mail=mail, skip=signup.pk)
        else:
            raise SignUpError(_("Cancel a sign-up with its cancel button."))
    return signup


def set_capacity(date, capacity, deadline=None, mail=True):
    """Change the number of places of `date` (never below the places already confirmed)
    and its deadline; a raise confirms those on the waiting list who now fit."""
    with transaction.atomic():
        date = lock(date)
        if capacity < date.confirmed_places:
            raise SignUpError(
                _(
                    "%(taken)s places are already taken: the number of places cannot be lower. "
                    "Move people to the waiting list or cancel their sign-ups first."
                )
                % {"taken": date.confirmed_places}
            )
        SignUpDate.objects.filter(pk=date.pk).update(capacity=capacity, deadline=deadline)
        date.capacity, date.deadline = capacity, deadline
        promote(date, mail=mail)
    return date
