"""The event page's admin form: the repeat settings as an editor reads them."""

import datetime
from types import SimpleNamespace

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.communities.forms import BoundedPageForm
from portal.events import recurrence


class EventPageForm(BoundedPageForm):
    weekdays = forms.MultipleChoiceField(
        label=_("on these days"),
        choices=recurrence.Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For weekly events; none ticked means the weekday of the first date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["weekdays"] = self.instance.weekday_list
        if self.instance.start and "monthly_by" in self.fields:
            # "on day 14", "on the second Saturday": the patterns of this event's first date.
            first = timezone.localtime(self.instance.start).date()
            self.fields["monthly_by"].choices = recurrence.monthly_choices(first)

    def clean_weekdays(self):
        return ",".join(self.cleaned_data["weekdays"])

    def clean(self):
        cleaned = super().clean()
        self.check_changed_dates(cleaned)
        return cleaned

    def check_changed_dates(self, cleaned):
        """A date cancelled or moved must be one the event has by its repeat settings;
        otherwise the change would silently do nothing. Says so on that date."""
        formset = self.formsets.get("date_changes")
        if formset is None or not cleaned.get("start") or not formset.is_valid():
            return
        changes = [
            form
            for form in formset.forms
            if form.cleaned_data.get("original_date") and not form.cleaned_data.get("DELETE")
        ]
        if not changes:
            return
        draft = DraftEvent(
            **{name: cleaned.get(name) for name in DRAFT_FIELDS},
        )
        draft.rrule = recurrence.rule_text(draft)
        last = max(form.cleaned_data["original_date"] for form in changes)
        until = datetime.datetime.combine(last, datetime.time.max)
        dates = {start.date() for start in recurrence.starts(draft, until)}
        for form in changes:
            if form.cleaned_data["original_date"] not in dates:
                form.add_error(
                    "original_date",
                    _(
                        "The event does not take place on this date by its repeat settings: "
                        "choose one of its dates."
                    ),
                )


# What the repeat rule is made of (`recurrence.rule_text`, `recurrence.starts`).
DRAFT_FIELDS = (
    "start",
    "end",
    "all_day",
    "frequency",
    "interval",
    "weekdays",
    "monthly_by",
    "ends",
    "until",
    "count",
)


class DraftEvent(SimpleNamespace):
    """The repeat settings as the form holds them, before there is a page to read them."""

    @property
    def weekday_list(self):
        return [day for day in (self.weekdays or "").split(",") if day]
