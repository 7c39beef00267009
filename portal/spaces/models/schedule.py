"""When a space is open: a weekly schedule and the dates that differ from it.

`portal.spaces.hours` turns these rows, with the Slovenian public holidays, into the open
intervals of any span of dates. A closing time of 00.00 means midnight, the end of the day.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

MIDNIGHT = datetime.time(0, 0)


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


def time_range_errors(opens, closes):
    """Errors of one range of opening hours, by field."""
    if opens is None or closes is None:
        return {}
    if closes != MIDNIGHT and closes <= opens:
        return {
            "closes": _("The closing time must be after the opening time (00.00 means midnight).")
        }
    return {}


def minutes(opens, closes):
    """The range as minutes from midnight, midnight closing as 24.00."""
    end = 24 * 60 if closes == MIDNIGHT else closes.hour * 60 + closes.minute
    return opens.hour * 60 + opens.minute, end


class WeeklyHours(Orderable):
    """One range of the weekly schedule: a day may have several (morning and evening).

    The rows with one `valid_from` are a set of hours, in force from that date until the
    next set begins; no date means from the beginning. A change in the admin starts a new
    set and keeps the old one for the days before it (`portal.spaces.forms`), so what the
    space was open in the past stays as it was.
    """

    page = ParentalKey("spaces.SpacePage", on_delete=models.CASCADE, related_name="weekly_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"), help_text=_("00.00 means midnight."))
    valid_from = models.DateField(
        _("valid from"), null=True, blank=True, help_text=_("Empty: from the beginning.")
    )

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("weekly opening hours")

    def clean(self):
        super().clean()
        errors = time_range_errors(self.opens, self.closes)
        if errors:
            raise ValidationError(errors)


class HoursException(Orderable):
    """A date that differs from the weekly schedule: closed, or open at other hours.

    A date with special hours is open at those hours only, public holiday or not; several
    rows for one date give several ranges.
    """

    page = ParentalKey(
        "spaces.SpacePage", on_delete=models.CASCADE, related_name="hours_exceptions"
    )
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(
        _("closes"), null=True, blank=True, help_text=_("00.00 means midnight.")
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("Shown with the date, e.g. “Closed for painting.”"),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("closed")]),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("date with other hours")
        verbose_name_plural = _("dates with other hours")

    def clean(self):
        super().clean()
        errors = {}
        if self.closed and (self.opens or self.closes):
            errors["closed"] = _(
                "A date is either closed all day or open at special hours: untick “closed "
                "all day” or clear the times."
            )
        elif not self.closed:
            if self.opens is None:
                errors["opens"] = _("Give the opening time, or tick “closed all day”.")
            if self.closes is None:
                errors["closes"] = _("Give the closing time, or tick “closed all day”.")
            errors.update(time_range_errors(self.opens, self.closes))
        if errors:
            raise ValidationError(errors)
