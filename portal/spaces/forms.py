"""The space page's admin form: equipment as ticks, coordinates as OpenStreetMap shows
them, and opening hours that make sense as a whole. Owner, manager and every other choice
are kept to the editor's own KS by its base form (`portal.communities.forms`)."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from portal.communities.forms import BoundedPageForm


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
    def __init__(self, *args, **kwargs):
        from portal.spaces.models import Equipment

        super().__init__(*args, **kwargs)
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
        from portal.spaces.models.schedule import minutes

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
