"""The space page's admin form: equipment as ticks, coordinates as OpenStreetMap shows
them, and opening hours that make sense as a whole. Owner, manager and every other choice
are kept to the editor's own KS by its base form (`portal.communities.forms`).

The weekly hours are dated (`WeeklyHours.valid_from`): the form shows the latest set, and a
change to it becomes a new set valid from the date the editor gives (today if none), while
the old set stays in force for the days before, so past months keep their hours.
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from portal.base import clock
from portal.communities.forms import BoundedPageForm
from portal.spaces.models.facilities import Equipment
from portal.spaces.models.schedule import minutes

HOURS = "weekly_hours"
# What a row of weekly hours says, besides its date.
ROW_FIELDS = ("weekday", "opens", "closes", "sort_order")


class CoordinateField(forms.DecimalField):
    """Degrees as OpenStreetMap shows them (46.3353) or with a decimal comma (46,3353)."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip().replace(",", ".")
        return super().to_python(value)


COORDINATES = [
    ("latitude", 90, _("The latitude is a number of degrees from -90 to 90, e.g. 46.239.")),
    ("longitude", 180, _("The longitude is a number of degrees from -180 to 180, e.g. 14.355.")),
]


class SpacePageForm(BoundedPageForm):
    hours_valid_from = forms.DateField(
        label=_("changed hours valid from"),
        required=False,
        widget=AdminDateInput,
        help_text=_(
            "A change to the weekly hours holds from this date on (today if empty); the "
            "days before keep the hours they had."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.show_latest_hours()
        if "equipment" in self.fields:
            self.fields["equipment"] = forms.MultipleChoiceField(
                label=_("equipment"),
                choices=Equipment.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Tick what the space has; add anything else in the notes below."),
            )
            self.initial["equipment"] = self.instance.equipment_list
        for name, limit, message in COORDINATES:
            field = self.fields.get(name)
            if field is not None:
                self.fields[name] = CoordinateField(
                    label=field.label,
                    required=False,
                    max_digits=9,
                    decimal_places=6,
                    validators=[
                        MinValueValidator(-limit, message),
                        MaxValueValidator(limit, message),
                    ],
                    help_text=field.help_text,
                )

    def show_latest_hours(self):
        """Limit the weekly hours' rows to the latest set, remembering it as it was."""
        formset = self.formsets.get(HOURS)
        if formset is None:
            return
        rows = list(self.instance.weekly_hours.all())
        self.hours_since = max((row.valid_from for row in rows if row.valid_from), default=None)
        latest = [row for row in rows if row.valid_from == self.hours_since]
        self.hours_before = [
            {name: getattr(row, name) for name in ("pk", *ROW_FIELDS, "valid_from")}
            for row in latest
        ]
        self.formsets[HOURS] = type(formset)(
            self.data if self.is_bound else None,
            self.files if self.is_bound else None,
            instance=self.instance,
            prefix=formset.prefix,
            form_kwargs=formset.form_kwargs,
            queryset=self.instance.weekly_hours.all().filter(valid_from=self.hours_since),
        )
        if "hours_valid_from" in self.fields and self.hours_since:
            self.fields["hours_valid_from"].help_text = _(
                "The hours above hold since %(date)s. A change to them holds from this date "
                "on (today if empty); the days before keep the hours they had."
            ) % {"date": date_format(self.hours_since, "j. n. Y")}

    def save(self, commit=True):
        """A change to the weekly hours starts a new set (see the module's docstring): the
        rows as edited, from the date given; the old rows stay as they were for the days
        before. A set never published (its rows have no id yet) was never in force: it is
        changed in place."""
        formset = self.formsets.get(HOURS)
        if formset is None or not formset.has_changed():
            return super().save(commit=commit)
        since = self.cleaned_data.get("hours_valid_from") or clock.today()
        page = super().save(commit=False)
        manager = page.weekly_hours
        # The latest set as the formset left it (deleted rows and empty extra forms are not
        # in the relation any more).
        latest = [
            row
            for row in manager.all()
            if row.valid_from == self.hours_since
            or any(row is form.instance for form in formset.forms)
        ]
        published = all(row["pk"] is not None for row in self.hours_before)
        if (
            self.hours_before
            and published
            and (self.hours_since is None or since > self.hours_since)
        ):
            manager.remove(*latest)
            manager.add(
                *(
                    manager.model(
                        valid_from=since, **{name: getattr(row, name) for name in ROW_FIELDS}
                    )
                    for row in latest
                ),
                *(manager.model(**row) for row in self.hours_before),
            )
        else:
            for row in latest:
                row.valid_from = since
            manager.add(*latest)
        if commit:
            page.save()
        return page

    def clean_equipment(self):
        return ",".join(self.cleaned_data["equipment"])

    def clean(self):
        cleaned = super().clean()
        self.check_overlaps("weekly_hours", lambda data: data.get("weekday"))
        self.check_overlaps(
            "hours_exceptions", lambda data: None if data.get("closed") else data.get("date")
        )
        return cleaned

    def check_overlaps(self, name, day_of):
        """Two ranges of one day may not overlap: says so on the later one."""
        formset = self.formsets.get(name)
        if formset is None or not formset.is_valid():
            return
        ranges = {}
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE") or form.errors:
                continue
            day = day_of(data)
            if day is None or not data.get("opens") or not data.get("closes"):
                continue
            ranges.setdefault(day, []).append((minutes(data["opens"], data["closes"]), form))
        for day_ranges in ranges.values():
            day_ranges.sort(key=lambda item: item[0])
            for (earlier, _form), (later, form) in zip(day_ranges, day_ranges[1:], strict=False):
                if later[0] < earlier[1]:
                    form.add_error(
                        "opens",
                        _(
                            "This range overlaps another one on the same day: make one end "
                            "before the other starts, or join them into one."
                        ),
                    )
