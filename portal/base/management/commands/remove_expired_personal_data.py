"""Remove the personal data every app keeps only for a while (booking requests, the
answers and offers of consultations, ...): each registered retention policy
(`portal.base.retention`) in turn, in batches, printing how many rows it changed. Run it
daily (cron, a systemd timer); a run that finds nothing to do changes nothing."""

from django.core.management.base import BaseCommand, CommandError

from portal.base import retention


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--only",
            action="append",
            metavar="POLICY",
            help="Run only this policy (repeatable): "
            + ", ".join(policy.name for policy in retention.registered()),
        )

    def handle(self, *args, only=None, **options):
        policies = retention.registered()
        if only:
            unknown = set(only) - {policy.name for policy in policies}
            if unknown:
                raise CommandError(f"No retention policy named {', '.join(sorted(unknown))}.")
            policies = [policy for policy in policies if policy.name in only]
        for policy in policies:
            done = retention.apply(policy, self.stdout.write)
            self.stdout.write(self.style.SUCCESS(f"Done: {done} {policy.rows} anonymised."))
