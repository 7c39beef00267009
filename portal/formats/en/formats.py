"""English date formats for the admin (editors may pick English) that also read the dates
the editor shows: WAGTAIL_DATE_FORMAT and WAGTAIL_DATETIME_FORMAT are Slovenian
("09.12.2026 18:00", typed also as "09. 12. 2026 18:00") in every admin language, and
Django parses a form's dates only in the active language's input formats. Weeks start on
Monday here as in the Slovenian admin."""

from django.conf.locale.en.formats import *  # noqa: F403
from django.conf.locale.en.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS

FIRST_DAY_OF_WEEK = 1
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d. %m. %Y", *DATE_INPUT_FORMATS]
DATETIME_INPUT_FORMATS = [
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d. %m. %Y %H:%M",
    "%d. %m. %Y %H:%M:%S",
    *DATETIME_INPUT_FORMATS,
]
