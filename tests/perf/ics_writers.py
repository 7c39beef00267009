"""The portal's ICS writer (`portal.events.ics`) against `icalendar` on the same feed of
10,000 dates (decision 0023). A report, not a test: prints the figures.

Fills a throw-away test database as `ics_feed.py` does, reads the feed's events once
(`feeds.feed_events`: the same in-memory data for both), then times writing the whole
calendar text from them: `ics.write_calendar`, and an `icalendar.Calendar` with the same
components and properties serialised by `to_ical()`. Both texts are read back with
`icalendar` and must hold the same VEVENTs (UID, RECURRENCE-ID, DTSTART, STATUS).

    .venv/bin/python tests/perf/ics_writers.py [--weekly 70] [--dates 10000] [--runs 5]
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weekly", type=int, default=70)
    parser.add_argument("--dates", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment
    from ics_feed import fill

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)
    dates = fill(args.weekly, args.dates)
    compare(dates, args.runs)


def compare(dates, runs):
    from portal.events import ics
    from portal.events.feeds import event_ids, feed_events, municipality_title
    from portal.events.models import EventPage, Occurrence

    events = feed_events(EventPage.objects.filter(pk__in=event_ids(Occurrence.objects.all())))
    name = municipality_title()
    writers = {
        "portal.events.ics": lambda: ics.write_calendar(events, name),
        "icalendar": lambda: icalendar_calendar(events, name).to_ical().decode(),
    }
    texts = {}
    for label, write in writers.items():
        timings = []
        for _ in range(runs):
            started = time.perf_counter()
            texts[label] = write()
            timings.append(time.perf_counter() - started)
        print(
            f"{label}: {statistics.median(timings):.3f} s median, {min(timings):.3f} s best of "
            f"{runs} ({len(texts[label]) / 1e6:.1f} MB, "
            f"{texts[label].count('BEGIN:VEVENT')} VEVENTs, {len(events)} events, {dates} dates)"
        )
    first, second = (summary(text) for text in texts.values())
    assert first == second, "the two writers disagree"
    print(f"Both calendars hold the same {len(first)} VEVENTs.")


def summary(text):
    import icalendar

    calendar = icalendar.Calendar.from_ical(text)
    return sorted(
        (
            str(event["UID"]),
            event["RECURRENCE-ID"].dt.isoformat() if "RECURRENCE-ID" in event else "",
            event["DTSTART"].dt.isoformat(),
            str(event["STATUS"]),
        )
        for event in calendar.walk("VEVENT")
    )


def icalendar_calendar(events, name):
    """The calendar `ics.write_calendar` writes, built as `icalendar` components."""
    import icalendar
    from django.utils import timezone

    from portal.events import ics

    wording = ics.Wording.current()
    stamp = timezone.now()
    calendar = icalendar.Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", ics.PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", icalendar.vText(name))
    calendar.add("x-wr-timezone", ics.TZID)
    calendar.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT6H")
    # The same VTIMEZONE (the EU rules); `Timezone.from_tzid` would list every change to 2038.
    calendar.add_component(icalendar.Timezone.from_ical("\r\n".join(ics.VTIMEZONE)))
    for entry in events:
        uid = ics.event_uid(entry.page.pk)
        for component in icalendar_events(entry):
            calendar.add_component(described(component, entry, uid, stamp, wording))
    return calendar


def icalendar_events(entry):
    """The VEVENTs of one event, as `ics.event_lines` makes them, without what they share."""
    import icalendar

    from portal.events import recurrence

    event = entry.page
    length = recurrence.duration(event)
    if not event.rrule:
        instances = recurrence.expand(event, event.start, entry.left_out, entry.changes)
        if not instances:
            return []
        only = icalendar.Event()
        timing(only, instances[0])
        only.add("status", status(event, instances[0].cancelled))
        return [only]
    first = recurrence.local_start(event)
    series = icalendar.Event()
    timing(
        series,
        recurrence.Instance(**recurrence.timing(event, first, length), original_start=event.start),
    )
    series.add("rrule", icalendar.vRecur.from_ical(event.rrule))
    if entry.left_out:
        days = sorted(entry.left_out)
        if event.all_day:
            series.add("exdate", days)
        else:
            series.add("exdate", [at_time(day, first) for day in days])
    series.add("status", status(event))
    components = [series]
    for change in entry.changes:
        original = datetime.datetime.combine(change.original_date, first.time())
        if change.original_date in entry.left_out or not recurrence.gives(event, original):
            continue
        moved = recurrence.instance(event, original, length, change)
        component = icalendar.Event()
        component.add(
            "recurrence-id",
            original.date() if event.all_day else original.replace(tzinfo=local_zone()),
        )
        timing(component, moved)
        component.add("status", status(event, moved.cancelled))
        components.append(component)
    return components


def described(component, entry, uid, stamp, wording):
    """What every VEVENT of an event says, as `ics.described` writes it."""
    import icalendar

    from portal.events import ics
    from portal.events.models.pages import Status

    event = entry.page
    published = event.published or ics.SEQUENCE_EPOCH
    component.add("uid", uid)
    component.add("dtstamp", stamp)
    component.add("last-modified", published)
    component.add("sequence", max(int((published - ics.SEQUENCE_EPOCH).total_seconds()), 0))
    component.add("summary", event.title)
    description = ics.description_of(event, entry.url, wording)
    if description:
        component.add("description", description)
    place = wording.online if event.status == Status.MOVED_ONLINE else event.place
    if place:
        component.add("location", place)
    if entry.url:
        component.add("url", entry.url)
    if entry.themes:
        component.add("categories", list(entry.themes))
    if event.organiser is not None and event.organiser.email:
        organiser = icalendar.vCalAddress(f"mailto:{event.organiser.email}")
        organiser.params["cn"] = event.organiser.name
        component.add("organizer", organiser)
    return component


def timing(component, instance):
    from portal.events import ics

    if instance.all_day:
        component.add("dtstart", ics.local(instance.start).date())
        component.add("dtend", ics.local(instance.end).date())
        return
    component.add("dtstart", ics.local(instance.start))
    if not instance.open_end:
        component.add("dtend", ics.local(instance.end))


def at_time(day, first):
    return datetime.datetime.combine(day, first.time(), tzinfo=local_zone())


def local_zone():
    from portal.events import ics

    return ics.LJUBLJANA


def status(event, cancelled=False):
    from portal.events import ics

    return "CANCELLED" if cancelled else ics.STATUS.get(event.status, "CONFIRMED")


if __name__ == "__main__":
    main()
