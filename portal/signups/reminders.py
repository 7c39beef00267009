"""The reminder the day before a date (`send_reminders`, every 15 minutes from cron).

Each sign-up is claimed by one `UPDATE … SET reminded_at = now WHERE pk = … AND
reminded_at IS NULL` in the same transaction as its mail is written to the outbox: the
claim and the mail commit together or not at all. A second host running the command at
the same moment waits on PostgreSQL's row lock, re-checks the condition and updates no
row (on SQLite writers queue), so nobody is reminded twice.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F

from portal.base import clock
from portal.signups import emails
from portal.signups.models import SignUp

# Someone who signs up this close to the start needs no reminder.
SIGNED_UP_WITHIN_HOURS = 12


def due(now=None):
    """Confirmed sign-ups with an e-mail address, not yet reminded, whose live, scheduled
    date starts within `SIGNUP_REMINDER_HOURS` and who signed up well before it."""
    now = now or clock.now()
    ahead = now + datetime.timedelta(hours=settings.SIGNUP_REMINDER_HOURS)
    rows = SignUp.objects.filter(
        status=SignUp.Status.CONFIRMED,
        reminded_at__isnull=True,
        date__cancelled_at__isnull=True,
        date__start__gt=now,
        date__start__lte=ahead,
        date__event__live=True,
        date__event__registration="portal",
    ).exclude(email="")
    rows = rows.exclude(date__event__status="cancelled").filter(
        created_at__lte=F("date__start") - datetime.timedelta(hours=SIGNED_UP_WITHIN_HOURS)
    )
    return list(rows.select_related("date__event").order_by("date__start", "pk"))


def send_due(now=None):
    """Remind everyone due; the number reminded by this run."""
    now = now or clock.now()
    sent = 0
    for signup in due(now):
        with transaction.atomic():
            claimed = SignUp.objects.filter(
                pk=signup.pk, reminded_at__isnull=True, status=SignUp.Status.CONFIRMED
            ).update(reminded_at=now)
            if claimed:
                emails.send(signup, emails.REMINDER)
                sent += 1
    return sent
