"""Personal data kept only for a while: a registry of retention policies, in the spirit of
`wagtail.hooks`, and the one loop that applies them (`remove_expired_personal_data`).

An app that keeps residents' personal data registers a `Policy` in its
`AppConfig.ready()`: which rows are due (a queryset of rows still holding personal data
past their time, read from a setting: a number of months or days) and how to anonymise
some of them. This module imports no app; each app registers itself.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

BATCH = 500


@dataclass(frozen=True)
class Policy:
    name: str  # a short key: "bookings", "consultations"
    setting: str  # the setting with the period, e.g. BOOKING_RETENTION_MONTHS
    due: Callable  # () -> queryset of the rows due, not yet anonymised
    anonymise: Callable  # (pks) -> how many rows it anonymised
    rows: str  # the rows in the plural, for the report: "booking requests"
    found: str  # the report's first line: "{count} … {period} months ago …"

    @property
    def period(self):
        return getattr(settings, self.setting)


_policies = {}


def register(policy):
    _policies[policy.name] = policy


def registered():
    """Every registered policy, in registration order."""
    return list(_policies.values())


def get(name):
    return _policies[name]


def apply(policy, write, batch=BATCH):
    """Anonymise every row `policy` finds due, `batch` rows a transaction, reporting
    through `write` (a line at a time); how many rows it anonymised."""
    pks = list(policy.due().values_list("pk", flat=True))
    write(policy.found.format(count=len(pks), period=policy.period))
    done = 0
    for first in range(0, len(pks), batch):
        done += policy.anonymise(pks[first : first + batch])
        write(f"  {done}/{len(pks)} anonymised")
    return done
