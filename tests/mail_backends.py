"""Delivery backends (`OUTBOX_EMAIL_BACKEND`) for a mail server that fails: the tests of
the outbox and of what sends mail point the setting at one of these."""

import smtplib
import time

from django.core.mail.backends import locmem
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command


class RefusedBackend(BaseEmailBackend):
    """Nothing listens where the mail server should be."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


class BrokenBackend(BaseEmailBackend):
    """The mail server answers with a temporary error."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPException("451 4.3.0 Mail server temporarily unavailable")


class RejectingBackend(BaseEmailBackend):
    """The mail server refuses every recipient for good."""

    def send_messages(self, email_messages):
        recipients = {
            address: (550, b"5.1.1 No such user")
            for message in email_messages
            for address in message.recipients()
        }
        raise smtplib.SMTPRecipientsRefused(recipients)


class SecondSenderBackend(locmem.EmailBackend):
    """Delivers like the locmem backend; while the first message is being sent, another
    sender runs to its end (as a second host's cron job would)."""

    second_sender_ran = False

    def send_messages(self, email_messages):
        if not SecondSenderBackend.second_sender_ran:
            SecondSenderBackend.second_sender_ran = True
            call_command("send_mail_outbox")
        return super().send_messages(email_messages)


class SlowBackend(locmem.EmailBackend):
    """Delivers like the locmem backend, taking a moment for each message (two senders in
    threads then overlap)."""

    def send_messages(self, email_messages):
        time.sleep(0.02)
        return super().send_messages(email_messages)
