"""What the utilisation report shows: a period of whole months, and optionally one KS or
one space, only among those the editor may see."""

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.bookings.utilisation import first_of_month

# The longest period the report computes at once, and the years it knows.
MAX_MONTHS = 24
DEFAULT_MONTHS = 12
FIRST_YEAR, LAST_YEAR = 2000, 2099
# "2026-03" (what a month field sends), "3. 2026", "03.2026", "3/2026".
MONTH_FORMATS = [
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})"),
    re.compile(r"(?P<month>\d{1,2})\s*[./]\s*(?P<year>\d{4})"),
]


def months_apart(first, last):
    return (last.year - first.year) * 12 + last.month - first.month


def add_months(month, count):
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


class MonthField(forms.Field):
    """A month, as its first day. Typed as text: browsers that have a month picker do not
    agree on it, and text takes the Slovenian way of writing a month too."""

    widget = forms.TextInput(attrs={"autocomplete": "off", "size": 10})
    default_error_messages = {
        "invalid": _("Write the month as 2026-03 or 3. 2026."),
        "year": _("Choose a month between the years %(first)s and %(last)s."),
    }

    def to_python(self, value):
        value = (value or "").strip()
        if not value:
            return None
        for pattern in MONTH_FORMATS:
            found = pattern.fullmatch(value)
            if found:
                year, month = int(found["year"]), int(found["month"])
                if not 1 <= month <= 12:
                    break
                if not FIRST_YEAR <= year <= LAST_YEAR:
                    raise forms.ValidationError(
                        self.error_messages["year"],
                        code="year",
                        params={"first": FIRST_YEAR, "last": LAST_YEAR},
                    )
                return datetime.date(year, month, 1)
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class UtilisationReportForm(forms.Form):
    """`communities`: the KS the editor may see, in tree order; `spaces`: their spaces in
    tree order, each with `.community` set; `today` sets the default period."""

    start = MonthField(label=_("From month"), required=False)
    end = MonthField(label=_("To month"), required=False)
    community = forms.TypedChoiceField(
        label=_("Local community"), required=False, coerce=int, empty_value=None
    )
    space = forms.TypedChoiceField(label=_("Space"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, communities, spaces, today):
        super().__init__(data)
        self.today = today
        self.spaces = {space.pk: space for space in spaces}
        if len(communities) > 1:
            self.fields["community"].choices = [
                ("", _("All local communities")),
                *((community.pk, community.title) for community in communities),
            ]
        else:
            del self.fields["community"]
        groups = {}
        for space in spaces:
            label = space.community.title if space.community else _("Other")
            groups.setdefault(label, []).append((space.pk, space.title))
        self.fields["space"].choices = [("", _("All spaces")), *groups.items()]
        help_text = _("For example %(example)s.") % {"example": f"{today:%Y-%m}"}
        self.fields["start"].help_text = help_text
        self.fields["end"].help_text = help_text

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        this_month = first_of_month(self.today)
        start, end = data.get("start"), data.get("end")
        if end is None:
            end = max(this_month, start) if start else this_month
        if start is None:
            start = add_months(end, 1 - DEFAULT_MONTHS)
        if start > end:
            raise forms.ValidationError(
                _("The period must end in the month it starts or later."), code="order"
            )
        if months_apart(start, end) >= MAX_MONTHS:
            raise forms.ValidationError(
                _("Choose at most %(months)s months at a time."),
                code="span",
                params={"months": MAX_MONTHS},
            )
        data["start"], data["end"] = start, end
        # The fields show the period shown, also when it was left to the defaults.
        self.data = self.data.copy()
        self.data["start"], self.data["end"] = f"{start:%Y-%m}", f"{end:%Y-%m}"
        space, community = data.get("space"), data.get("community")
        if space is not None and community is not None and self.community_of(space) != community:
            raise forms.ValidationError(
                _("The space chosen is not in the local community chosen."), code="space"
            )
        return data

    def community_of(self, space_id):
        community = self.spaces[space_id].community
        return community and community.pk

    def chosen_spaces(self):
        """The spaces the report shows, in tree order."""
        space, community = self.cleaned_data["space"], self.cleaned_data.get("community")
        if space is not None:
            return [self.spaces[space]]
        return [
            space for pk, space in self.spaces.items() if community in (None, self.community_of(pk))
        ]
