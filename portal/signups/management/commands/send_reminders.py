"""Remind those signed up for an event date that it is near (SIGNUP_REMINDER_HOURS hours
ahead), once each: safe to run every 15 minutes from cron, and on two hosts at once."""

from django.core.management.base import BaseCommand

from portal.signups import reminders


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        sent = reminders.send_due()
        self.stdout.write(f"{sent} reminders written to the outbox.")
