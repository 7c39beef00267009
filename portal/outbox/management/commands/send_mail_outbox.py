"""Send the e-mails waiting in the outbox through OUTBOX_EMAIL_BACKEND, retrying failed
ones later, and delete sent and given-up ones past their retention (they hold personal
data). `--once` (the default) sends what is due and ends: run it from cron every minute.
`--loop` keeps sending every few seconds: the Procfile's worker. Any number of senders may
run at once, on any number of hosts; none sends a message another is sending."""

import signal
import threading

from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from portal.outbox import sender


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        mode = parser.add_mutually_exclusive_group()
        mode.add_argument(
            "--once", action="store_true", help="Send what is due, then stop (the default)."
        )
        mode.add_argument(
            "--loop", action="store_true", help="Keep sending until stopped (SIGTERM, Ctrl+C)."
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=5.0,
            help="With --loop: seconds between looks at the outbox (default 5).",
        )

    def handle(self, *args, loop=False, interval=5.0, **options):
        if not loop:
            self.run_once()
            return
        stopping = threading.Event()
        # Stop between batches: a message being sent is finished and marked first.
        previous = {
            signum: signal.signal(signum, lambda *_: stopping.set())
            for signum in (signal.SIGTERM, signal.SIGINT)
        }
        try:
            while not stopping.is_set():
                # A long-running process: drop connections the database closed meanwhile.
                close_old_connections()
                try:
                    self.run_once(stop=stopping.is_set)
                except DatabaseError as error:
                    self.stderr.write(f"The outbox cannot be read now ({type(error).__name__}).")
                stopping.wait(interval)
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)

    def run_once(self, stop=lambda: False):
        outcome = sender.send_due(stop)
        purged = sender.purge()
        # Quiet when there was nothing to do: cron mails whatever a job prints.
        if outcome or purged:
            self.stdout.write(
                f"Sent {outcome.sent}, to retry {outcome.retrying}, not sent {outcome.failed}, "
                f"deleted {purged} past retention."
            )
