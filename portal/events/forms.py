"""The event page's admin form: the repeat settings as an editor reads them, and a warning
of each date that clashes with something else in its space (`portal.events.clashes`).

A draft may be saved with clashes (the warnings stay on the form); publishing it, or
submitting it for approval, needs "Publish anyway" ticked, so no event reaches the public
calendar on a holiday or over a booking without someone having said so.
"""

import datetime
from types import SimpleNamespace

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.communities.forms import BoundedPageForm
from portal.events import clashes, recurrence
from portal.events.models.occurrences import horizon, instances_of

# The buttons of the page editor that make an event public, now or after approval.
PUBLISHING_ACTIONS = ("action-publish", "action-submit")


def room_label(room):
    return f"{room.page.title} – {room.name}"


class EventPageForm(BoundedPageForm):
    weekdays = forms.MultipleChoiceField(
        label=_("on these days"),
        choices=recurrence.Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("For weekly events; none ticked means the weekday of the first date."),
    )

    publish_despite_clashes = forms.BooleanField(
        label=_("Publish anyway"),
        required=False,
        help_text=_("The event takes place as set, in spite of the clashes above."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound and "signup_questions-count" not in self.data:
            # The questions' block editor is drawn by JavaScript: a form sent without it
            # (a script blocked, a hand-made request) leaves the saved questions as they are.
            self.fields.pop("signup_questions", None)
        room = self.fields.get("signup_room")
        if room is not None:
            # Rooms are named within their space ("Dvorana"): say whose.
            room.queryset = room.queryset.select_related("page").order_by(
                "page__title", "sort_order"
            )
            room.label_from_instance = room_label
        self.initial["weekdays"] = self.instance.weekday_list
        self.clashes = []
        if not self.is_bound and self.instance.start and self.instance.space_id:
            self.clashes = upcoming_clashes(
                self.instance.space, instances_of(self.instance), self.instance
            )
        if self.instance.start and "monthly_by" in self.fields:
            # "on day 14", "on the second Saturday": the patterns of this event's first date.
            first = timezone.localtime(self.instance.start).date()
            self.fields["monthly_by"].choices = recurrence.monthly_choices(first)

    def clean_weekdays(self):
        return ",".join(self.cleaned_data["weekdays"])

    def clean(self):
        cleaned = super().clean()
        self.check_changed_dates(cleaned)
        self.check_clashes(cleaned)
        return cleaned

    def check_clashes(self, cleaned):
        """Find the clashes of the dates as the form sets them; publishing with any needs
        "Publish anyway"."""
        space = cleaned.get("space")
        if not cleaned.get("start") or space is None or not self.dates_are_valid():
            return
        draft = draft_event(cleaned)
        dates = recurrence.expand(
            draft, horizon(), excluded=self.excluded_dates(), changes=self.date_changes()
        )
        self.clashes = upcoming_clashes(space, dates, self.instance)
        publishing = any(action in self.data for action in PUBLISHING_ACTIONS)
        if self.clashes and publishing and not cleaned.get("publish_despite_clashes"):
            self.add_error(
                "publish_despite_clashes",
                _(
                    "Change the dates or the space, or tick “Publish anyway” if the event "
                    "should take place as set."
                ),
            )

    def dates_are_valid(self):
        return all(
            self.formsets[name].is_valid()
            for name in ("excluded_dates", "date_changes")
            if name in self.formsets
        )

    def kept_rows(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return []
        return [
            form.cleaned_data
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def excluded_dates(self):
        return [row["date"] for row in self.kept_rows("excluded_dates") if row.get("date")]

    def date_changes(self):
        return [
            SimpleNamespace(
                **{name: row.get(name) for name in ("original_date", "cancelled", "start", "end")}
            )
            for row in self.kept_rows("date_changes")
            if row.get("original_date")
        ]

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
        draft = draft_event(cleaned)
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


def draft_event(cleaned):
    """The event's dates as the form's cleaned data set them."""
    draft = DraftEvent(**{name: cleaned.get(name) for name in DRAFT_FIELDS})
    draft.rrule = recurrence.rule_text(draft)
    return draft


def upcoming_clashes(space, dates, event):
    """The clashes of the event's dates that have not ended yet."""
    now = timezone.now()
    return clashes.clashes(space, [date for date in dates if date.end > now], event)


class DraftEvent(SimpleNamespace):
    """The repeat settings as the form holds them, before there is a page to read them."""

    @property
    def weekday_list(self):
        return [day for day in (self.weekdays or "").split(",") if day]
