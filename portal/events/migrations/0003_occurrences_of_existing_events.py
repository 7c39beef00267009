"""Existing events did not repeat: each live one gets its single date."""

import datetime

from django.db import migrations
from django.utils import timezone


def one_date_each(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    Occurrence = apps.get_model("events", "Occurrence")
    rows = []
    for event in EventPage.objects.filter(live=True).iterator():
        start = timezone.localtime(event.start)
        if event.all_day:
            first = datetime.datetime.combine(start.date(), datetime.time())
            last = timezone.localtime(event.end).date() if event.end else start.date()
            begins = timezone.make_aware(first)
            ends = timezone.make_aware(
                datetime.datetime.combine(last + datetime.timedelta(days=1), datetime.time())
            )
        else:
            begins = event.start
            ends = event.end or timezone.make_aware(
                datetime.datetime.combine(
                    start.date() + datetime.timedelta(days=1), datetime.time()
                )
            )
        rows.append(
            Occurrence(
                event_id=event.pk,
                path=event.path,
                start=begins,
                end=max(ends, begins),
                all_day=event.all_day,
                open_end=not event.all_day and event.end is None,
                original_start=begins,
            )
        )
    Occurrence.objects.bulk_create(rows, batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("events", "0002_event_details_recurrence_and_occurrences")]

    operations = [migrations.RunPython(one_date_each, migrations.RunPython.noop)]
