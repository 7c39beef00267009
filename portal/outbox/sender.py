"""Delivering the outbox through the real e-mail backend (`OUTBOX_EMAIL_BACKEND`).

A sender *claims* a few due messages before it sends them: it marks them "being sent"
with its own token and a deadline (`CLAIM`), so another sender, on this host or another,
leaves them alone. On PostgreSQL the candidates are read with
`SELECT … FOR UPDATE SKIP LOCKED`, so two senders take different messages without waiting
for each other; on SQLite, which has no row locks, the claim is one UPDATE that re-checks
that each message is still due (SQLite runs one write at a time), so a message another
sender took is left out. Either way no transaction stays open while the mail server is
talked to. A message is sent twice only if its sender dies between the mail server's
acceptance and marking it sent: after `CLAIM` another sender takes it again.

A failed attempt is tried again after `OUTBOX_RETRY_SECONDS`, doubling each time up to
`OUTBOX_RETRY_MAX_SECONDS`; after `OUTBOX_MAX_ATTEMPTS` attempts, or when the mail server
refuses the message for good (a 5xx answer to its recipients or content), it is "not sent"
and waits for a municipal editor in the admin.
"""

import dataclasses
import datetime
import logging
import smtplib
import uuid

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as database
from django.db import transaction
from django.db.models import F

from portal.base import clock
from portal.outbox.models import OutboxMessage

logger = logging.getLogger(__name__)
Status = OutboxMessage.Status

# Messages one sender takes at a time, and how long they are its own: far longer than
# sending them can take (a few EMAIL_TIMEOUTs each), so no other sender takes a message
# that is still being sent.
BATCH = 10
CLAIM = datetime.timedelta(minutes=15)


@dataclasses.dataclass
class Outcome:
    sent: int = 0
    retrying: int = 0
    failed: int = 0

    def __add__(self, other):
        return Outcome(*(a + b for a, b in zip(self.counts(), other.counts(), strict=True)))

    def counts(self):
        return (self.sent, self.retrying, self.failed)

    def __bool__(self):
        return any(self.counts())


def send_due(stop=lambda: False):
    """Send every message that is due, a batch at a time, until none is left (or `stop()`
    says so between batches)."""
    outcome = Outcome()
    while not stop():
        batch = claim()
        if not batch:
            break
        outcome += deliver(batch)
    return outcome


def send_now(pks):
    """Send the messages `pks` if they are still due: the development server's way of
    showing mail at once (`OUTBOX_DELIVER_AFTER_COMMIT`)."""
    batch = claim(pks=pks, limit=len(pks))
    return deliver(batch) if batch else Outcome()


def claim(pks=None, limit=BATCH):
    now = clock.now()
    token = uuid.uuid4()
    due = OutboxMessage.objects.due(now)
    candidates = due.filter(pk__in=pks) if pks is not None else due
    candidates = candidates.order_by("next_attempt_at", "pk")
    if database.features.has_select_for_update_skip_locked:
        with transaction.atomic():
            chosen = list(
                candidates.select_for_update(skip_locked=True).values_list("pk", flat=True)[:limit]
            )
            take(due, chosen, token, now)
    else:
        take(due, list(candidates.values_list("pk", flat=True)[:limit]), token, now)
    return list(OutboxMessage.objects.filter(claim=token, status=Status.SENDING).order_by("pk"))


def take(due, pks, token, now):
    due.filter(pk__in=pks).update(
        status=Status.SENDING,
        claim=token,
        claimed_until=now + CLAIM,
        attempts=F("attempts") + 1,
        last_attempt_at=now,
    )


def deliver(batch):
    """Send the claimed messages over one connection of the real backend."""
    outcome = Outcome()
    backend = get_connection(settings.OUTBOX_EMAIL_BACKEND)
    try:
        backend.open()
    except Exception as error:
        for message in batch:
            outcome += failed(message, error)
        return outcome
    try:
        for message in batch:
            try:
                backend.send_messages([message.email_message()])
            except Exception as error:
                outcome += failed(message, error)
                # The connection may be broken now; the next message opens a new one.
                backend.close()
            else:
                outcome += sent(message)
    finally:
        backend.close()
    return outcome


def sent(message):
    mine(message).update(
        status=Status.SENT,
        sent_at=clock.now(),
        next_attempt_at=None,
        last_error="",
        claim=None,
        claimed_until=None,
    )
    return Outcome(sent=1)


def failed(message, error):
    """Record a failed attempt: try again later, or give up."""
    now = clock.now()
    text = f"{type(error).__name__}: {error}"
    give_up = permanent(error) or message.attempts >= settings.OUTBOX_MAX_ATTEMPTS
    # No addresses in the log (an SMTP error may name them); the admin shows the error.
    logger.warning(
        "Outbox message %s, attempt %s: %s%s",
        message.pk,
        message.attempts,
        type(error).__name__,
        "; not sent" if give_up else "; will retry",
    )
    if give_up:
        mine(message).update(
            status=Status.FAILED,
            next_attempt_at=None,
            last_error=text,
            claim=None,
            claimed_until=None,
        )
        return Outcome(failed=1)
    mine(message).update(
        status=Status.QUEUED,
        next_attempt_at=now + backoff(message.attempts),
        last_error=text,
        claim=None,
        claimed_until=None,
    )
    return Outcome(retrying=1)


def mine(message):
    """The message, if this sender's claim on it still holds."""
    return OutboxMessage.objects.filter(pk=message.pk, claim=message.claim)


def backoff(attempts):
    """How long to wait after the `attempts`-th failed attempt: 1, 2, 4, … minutes by
    default, at most `OUTBOX_RETRY_MAX_SECONDS`."""
    seconds = settings.OUTBOX_RETRY_SECONDS * 2 ** max(attempts - 1, 0)
    return datetime.timedelta(seconds=min(seconds, settings.OUTBOX_RETRY_MAX_SECONDS))


def permanent(error):
    """Whether the mail server refused this message for good: every recipient, or the
    content, with a 5xx answer. A refused login or sender is the server's configuration,
    which someone fixes: those are tried again."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return bool(error.recipients) and all(code >= 500 for code, _ in error.recipients.values())
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code >= 500
    return False


def retry(queryset):
    """Send these messages (not yet sent) again as soon as a sender runs, with a fresh
    count of attempts. Returns how many."""
    return queryset.filter(status__in=(Status.FAILED, Status.QUEUED)).update(
        status=Status.QUEUED, next_attempt_at=clock.now(), attempts=0
    )


def purge():
    """Delete sent messages older than `OUTBOX_KEEP_SENT_DAYS` and given-up ones older than
    `OUTBOX_KEEP_FAILED_DAYS`: they hold personal data. Returns how many."""
    now = clock.now()
    sent_before = now - datetime.timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS)
    failed_before = now - datetime.timedelta(days=settings.OUTBOX_KEEP_FAILED_DAYS)
    deleted, _ = OutboxMessage.objects.filter(status=Status.SENT, sent_at__lt=sent_before).delete()
    gone, _ = OutboxMessage.objects.filter(
        status=Status.FAILED, last_attempt_at__lt=failed_before
    ).delete()
    return deleted + gone
