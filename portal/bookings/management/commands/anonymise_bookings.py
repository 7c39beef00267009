"""Remove the personal data of booking requests whose last date is more than
BOOKING_RETENTION_MONTHS months past. Run it daily (cron, a systemd timer); a run that
finds nothing to do changes nothing."""

from django.conf import settings
from django.core.management.base import BaseCommand

from portal.bookings import retention

BATCH = 500


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        pks = list(retention.due().values_list("pk", flat=True))
        months = settings.BOOKING_RETENTION_MONTHS
        self.stdout.write(
            f"{len(pks)} booking requests ended more than {months} months ago and still hold "
            "personal data."
        )
        done = 0
        for first in range(0, len(pks), BATCH):
            done += retention.anonymise(pks[first : first + BATCH])
            self.stdout.write(f"  {done}/{len(pks)} anonymised")
        self.stdout.write(self.style.SUCCESS(f"Done: {done} booking requests anonymised."))
