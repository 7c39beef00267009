"""The time that time-dependent pages ("open until 20.00") are rendered at.

One function to ask, so a test sets the time of day by replacing `now` (the `clock`
fixture in tests/conftest.py) instead of waiting for it.
"""

from django.utils import timezone


def now():
    return timezone.now()


def today():
    return timezone.localdate(now())
