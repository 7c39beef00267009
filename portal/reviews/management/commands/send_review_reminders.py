from django.core.management.base import BaseCommand

from portal.reviews.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "E-mail each editor the pages of their KS that are due for review, at most once a "
        "week (safe to run every hour from cron, on several hosts at once)."
    )

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent}")
