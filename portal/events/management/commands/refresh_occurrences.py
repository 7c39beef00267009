"""Move the horizon of event dates on: run it once a day (cron, a scheduler)."""

from django.core.management.base import BaseCommand
from django.db.models import Prefetch

from portal.events.models import DateChange, EventPage, ExcludedDate
from portal.events.models.occurrences import drop_dead, horizon, refresh


class Command(BaseCommand):
    help = (
        "Expand every live event into its dates up to EVENT_HORIZON_DAYS ahead of today, "
        "and remove the dates of events that are no longer live."
    )

    def handle(self, *args, verbosity=1, **options):
        dropped = drop_dead()
        events = (
            EventPage.objects.live()
            .select_related("space")
            .prefetch_related(
                Prefetch("excluded_dates", queryset=ExcludedDate.objects.all()),
                Prefetch("date_changes", queryset=DateChange.objects.all()),
            )
            .order_by("pk")
        )
        total = events.count()
        self.stdout.write(f"Expanding {total} live events up to {horizon():%Y-%m-%d}.")
        dates = 0
        for number, event in enumerate(events.iterator(chunk_size=500), start=1):
            dates += refresh(event)
            if verbosity >= 1 and (number % 100 == 0 or number == total):
                self.stdout.write(f"  {number}/{total} events")
        self.stdout.write(
            self.style.SUCCESS(
                f"{dates} dates of {total} live events; "
                f"{dropped} dates of events no longer live removed."
            )
        )
