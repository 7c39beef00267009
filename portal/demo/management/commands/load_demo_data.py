"""`manage.py load_demo_data`: the Kranj portal with three pilot KS, for development and demos."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from portal.demo.accounts import PASSWORD, create_demo_accounts
from portal.demo.builder import DemoDataError, PortalBuilder
from portal.demo.progress import Progress, quiet_wagtail_log
from portal.demo.signups import ensure_signups


class Command(BaseCommand):
    help = (
        "Build the demo portal of the Municipality of Kranj: KS Golnik, Zlato polje and "
        "Stražišče, provisioned like any new KS, with their community spaces (and floor "
        "plans), house rules, stakeholders, events and news, plus demo users. Creates only "
        "what is missing, so it is safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Run even though DEBUG is off. The demo users have a published password, so "
                "never use this on a site with real users."
            ),
        )
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help=(
                "Date from which upcoming events and recent news are counted. "
                "Default: today in Kranj."
            ),
        )

    def handle(self, *args, force=False, today=None, verbosity=1, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "Refusing to load demo data because DEBUG is off, so this may be a production "
                f"site: the demo creates users such as 'admin' with the password {PASSWORD!r}. "
                "If this really is a development, test or staging database, run the command "
                "again with --force."
            )
        today = today or timezone.localdate()
        progress = Progress(announce=self.announcer(verbosity))
        if verbosity >= 1:
            self.stdout.write(f"Loading the demo portal (upcoming dates counted from {today}).")
        try:
            with quiet_wagtail_log(verbosity), transaction.atomic():
                communities = PortalBuilder(today, progress).build()
                create_demo_accounts(communities, progress)
                ensure_signups(communities, progress)
        except DemoDataError as error:
            raise CommandError(str(error)) from error
        if verbosity >= 1:
            self.summarise(progress)

    def announcer(self, verbosity):
        """Print what is created from verbosity 1, and what already exists from 2."""

        def announce(created, kind, label):
            if created and verbosity >= 1:
                self.stdout.write(f"  created  {kind:<12} {label}")
            elif not created and verbosity >= 2:
                self.stdout.write(f"  exists   {kind:<12} {label}")

        return announce

    def summarise(self, progress):
        existing = Progress.describe(progress.existing) or "nothing"
        if not progress.created:
            self.stdout.write(
                self.style.SUCCESS(f"Nothing to do: all demo content already exists ({existing}).")
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {Progress.describe(progress.created)}. Already there: {existing}."
            )
        )
        self.stdout.write(
            "Log in at /admin/ as admin, obcina, ks-golnik, ks-zlato-polje or ks-strazisce "
            f"with the password {PASSWORD}."
        )
