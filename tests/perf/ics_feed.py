"""How long the municipality's ICS feed of 10,000 dates takes to build (issue 6: under
0.5 s). A report, not a test: prints the figures.

Fills a throw-away test database (SQLite in memory, or a test copy of DATABASE_URL) with
weekly events begun half a year ago (one VEVENT each, with a left-out and a cancelled
date) and single events until the feed's window holds 10,000 dates, then times
`portal.events.feeds.build_feed` (the queries and the text) and the feed over HTTP.

    .venv/bin/python tests/perf/ics_feed.py [--weekly 70] [--dates 10000] [--runs 5]
"""

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--weekly", type=int, default=70)
    parser.add_argument("--dates", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    args = parser.parse_args()

    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment

    setup_test_environment()
    setup_databases(verbosity=0, interactive=False)
    dates = fill(args.weekly, args.dates)
    measure(dates, args.runs)
    if args.profile:
        import cProfile

        from portal.events.feeds import build_feed

        cProfile.runctx("build_feed()", globals(), {"build_feed": build_feed}, sort="cumtime")


def fill(weekly, wanted):
    from django.utils import timezone

    from portal.events.feeds import WINDOW
    from portal.events.models import DateChange, ExcludedDate, Occurrence
    from tests import builders

    cal = builders.calendar(builders.community("Golnik"))
    room = builders.space(cal.get_parent(), "Dom krajanov Golnik")
    started = time.perf_counter()
    for number in range(weekly):
        start = builders.at(-182 + number % 7, hour=17 + number % 3)
        event = builders.event(
            cal, f"Tedensko srečanje {number}", start=start, space=room, frequency="WEEKLY"
        )
        event.excluded_dates.add(ExcludedDate(date=(start + datetime.timedelta(weeks=30)).date()))
        event.date_changes.add(
            DateChange(original_date=(start + datetime.timedelta(weeks=31)).date(), cancelled=True)
        )
        event.save_revision().publish()
    since = timezone.now() - WINDOW
    in_window = Occurrence.objects.filter(end__gt=since)
    singles = max(wanted - in_window.count(), 0)
    for number in range(singles):
        builders.event(
            cal, f"Delavnica {number}", start=builders.at(1 + number % 700), location="Šola"
        )
    print(
        f"{weekly} weekly and {singles} single events, {in_window.count()} dates in the "
        f"window, made in {time.perf_counter() - started:.0f} s"
    )
    return in_window.count()


def measure(dates, runs):
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from portal.events.feeds import build_feed

    timings = []
    for _ in range(runs):
        # As after a publish: nothing of the events kept (`feeds.kept_event_texts`).
        caches["local"].clear()
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            text = build_feed()
            timings.append(time.perf_counter() - started)
    print(
        f"build_feed: {min(timings):.3f} s best, {sorted(timings)[len(timings) // 2]:.3f} s "
        f"median of {runs} ({len(queries)} queries, {len(text) / 1e6:.1f} MB, "
        f"{text.count('BEGIN:VEVENT')} VEVENTs for {dates} dates)"
    )
    client = Client()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get("/koledar/vsi-dogodki.ics")
        timings.append(time.perf_counter() - started)
    assert response.status_code == 200, response.status_code
    print(f"GET /koledar/vsi-dogodki.ics: {min(timings):.3f} s best (page cache off)")


if __name__ == "__main__":
    main()
