"""Slovenian formats as Django ships them, with weeks starting on Monday (Django's say
Sunday): the admin's date pickers read FIRST_DAY_OF_WEEK."""

from django.conf.locale.sl.formats import *  # noqa: F403

FIRST_DAY_OF_WEEK = 1
