"""`EMAIL_BACKEND` of the portal: every message sent through Django's e-mail API (the
bookings' mails, Wagtail's moderation and workflow notifications, password resets) is
written to the outbox instead of being sent, in the caller's transaction. A request
therefore never waits for the mail server, and a change that is rolled back sends
nothing. `send_mail_outbox` delivers the rows through `OUTBOX_EMAIL_BACKEND`."""

from functools import partial

from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from portal.outbox import sender
from portal.outbox.models import OutboxMessage


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        messages = [message for message in email_messages if message.recipients()]
        try:
            rows = [OutboxMessage.of(message) for message in messages]
            # A caller that asks to fail silently keeps its transaction usable.
            with transaction.atomic(savepoint=self.fail_silently):
                OutboxMessage.objects.bulk_create(rows)
        except Exception:
            if self.fail_silently:
                return 0
            raise
        if rows and settings.OUTBOX_DELIVER_AFTER_COMMIT:
            pks = [row.pk for row in rows]
            transaction.on_commit(partial(sender.send_now, pks), robust=True)
        return len(rows)
