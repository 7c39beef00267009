"""Slovenian formats as Django ships them, with two changes:

- a day takes the month's genitive, "14. decembra 2026" (Django's "E", whose names the
  portal's catalogue gives under "alt. month"), where Django's own Slovenian formats write
  the nominative "14. december 2026";
- weeks start on Monday (Django's say Sunday): the admin's date pickers read
  FIRST_DAY_OF_WEEK.
"""

from django.conf.locale.sl.formats import *  # noqa: F403

DATE_FORMAT = "j. E Y"
DATETIME_FORMAT = "j. E Y, H:i"
MONTH_DAY_FORMAT = "j. E"
SHORT_DATE_FORMAT = "j. n. Y"
SHORT_DATETIME_FORMAT = "j. n. Y, H:i"
FIRST_DAY_OF_WEEK = 1
