"""`manage.py load_bench_data`: fill the database at a chosen scale for `make bench`."""

import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo.bench import BenchBuilder, Scale
from portal.demo.builder import DemoDataError
from portal.demo.progress import Progress, quiet_wagtail_log


def count(value):
    number = int(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Fill the portal with many KS sections, each provisioned like a new KS, with its "
        "community spaces, stakeholders, programmes, events and news, to measure speed at "
        "scale (make bench). Adds only what is missing, so running it again tops the database "
        "up to the scale asked."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--communities", type=count, default=100, help="How many KS (default 100)."
        )
        parser.add_argument(
            "--spaces-per-community",
            type=count,
            default=2,
            help="Community spaces in each KS (default 2).",
        )
        parser.add_argument(
            "--stakeholders-per-community",
            type=count,
            default=5,
            help="Stakeholders of each KS (default 5).",
        )
        parser.add_argument(
            "--programmes-per-community",
            type=count,
            default=3,
            help=(
                "Programmes of each KS, their types cycling over the built-in ones and "
                "organised by the KS's stakeholders (default 3)."
            ),
        )
        parser.add_argument(
            "--events-per-community",
            type=count,
            default=200,
            help=(
                "Events in each KS's calendar, a fifth of them repeating, from half a year "
                "ago to a year ahead (default 200: 20,000 events in 100 KS)."
            ),
        )
        parser.add_argument(
            "--news-per-community",
            type=count,
            default=100,
            help="News items of each KS (default 100: 10,000 in 100 KS).",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off. Never on a site with real content.",
        )

    def handle(self, *args, force=False, verbosity=1, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load bench data because DEBUG is off, so this may be a "
                "production site: it adds made-up KS sections by the hundred. If this really is a "
                "development, test or bench database, run the command again with --force."
            )
        scale = Scale(
            communities=options["communities"],
            spaces_per_community=options["spaces_per_community"],
            stakeholders_per_community=options["stakeholders_per_community"],
            programmes_per_community=options["programmes_per_community"],
            events_per_community=options["events_per_community"],
            news_per_community=options["news_per_community"],
        )
        progress = Progress()
        bar = ProgressBar(sys.stderr if verbosity >= 1 else None, "KS")
        try:
            with quiet_wagtail_log(verbosity):
                builder = BenchBuilder(scale, progress, on_community=bar.update)
                builder.build()
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        finally:
            bar.close()
        if verbosity >= 1:
            created = Progress.describe(progress.created) or "nothing"
            existing = Progress.describe(progress.existing) or "nothing"
            self.stdout.write(
                self.style.SUCCESS(
                    f"Bench data at {scale.communities} KS × {scale.spaces_per_community} "
                    f"spaces × {scale.stakeholders_per_community} stakeholders × "
                    f"{scale.programmes_per_community} programmes, "
                    f"{scale.events_per_community} events and {scale.news_per_community} "
                    "news items. "
                    f"Created {created}. Already there: {existing}."
                )
            )


class ProgressBar:
    """`[#########.........]  45/100 KS  12 s` on one line of a terminal; on a pipe or a
    log, a line at every tenth instead. Writes nothing when `stream` is None."""

    WIDTH = 30

    def __init__(self, stream, noun):
        self.stream = stream
        self.noun = noun
        self.started = time.monotonic()
        self.interactive = bool(stream and stream.isatty())
        self.last_tenth = -1
        self.drawn = False

    def update(self, done, total):
        if self.stream is None or total == 0:
            return
        tenth = done * 10 // total
        if not self.interactive and tenth == self.last_tenth and done != total:
            return
        self.last_tenth = tenth
        filled = done * self.WIDTH // total
        line = (
            f"[{'#' * filled}{'.' * (self.WIDTH - filled)}] {done:>{len(str(total))}}/{total} "
            f"{self.noun}  {time.monotonic() - self.started:.0f} s"
        )
        self.stream.write(f"\r{line}" if self.interactive else f"{line}\n")
        self.stream.flush()
        self.drawn = True

    def close(self):
        if self.interactive and self.drawn:
            self.stream.write("\n")
            self.stream.flush()
