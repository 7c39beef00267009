"""Remove the personal data of booking requests whose last date is more than
BOOKING_RETENTION_MONTHS months past: `remove_expired_personal_data --only bookings`,
kept by its old name for the schedules that run it."""

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        call_command("remove_expired_personal_data", only=["bookings"], stdout=self.stdout)
