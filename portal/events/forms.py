"""The event page's admin form: the repeat settings as an editor reads them."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.base.forms import BasePageForm
from portal.events import recurrence


class EventPageForm(BasePageForm):
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
