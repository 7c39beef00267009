"""Slovenian dates as Slovenian is written: a day takes the month's genitive, "14. decembra
2026" (Django's "E", whose names the portal's catalogue gives under "alt. month"), where
Django's own Slovenian formats write the nominative "14. december 2026"."""

from django.conf.locale.sl.formats import *  # noqa: F403

DATE_FORMAT = "j. E Y"
DATETIME_FORMAT = "j. E Y, H:i"
MONTH_DAY_FORMAT = "j. E"
SHORT_DATE_FORMAT = "j. n. Y"
SHORT_DATETIME_FORMAT = "j. n. Y, H:i"
