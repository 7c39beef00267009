"""What the filter forms of public listings share: a plain GET form, so a filtered list is
a link that can be shared, and an invalid filter is shown, never a server error. A listing
is a KS section's or the whole municipality's, where residents may pick a KS (from the
directory of sections)."""

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from portal.base.caching import kept
from portal.base.pagecache import declare_query_parameters
from portal.base.text import clean_query
from portal.communities.directory import sections


class ListingFilterForm(forms.Form):
    """Filters of a listing of one KS, or of the whole municipality (`municipal`), where
    a `community` field, if the form declares one, lets residents pick a KS; in a KS's
    own listing it is left out. Each field's id is `filter-<name>`.

    Each field is a query parameter (`parameter_names` renames some), declared to the page
    cache with the class."""

    parameter_names = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        declare_query_parameters(
            *(cls.parameter_names.get(name, name) for name in cls.declared_fields)
        )

    def __init__(self, data, municipal=False):
        super().__init__(data)
        if "community" in self.fields:
            if municipal:
                self.fields["community"].choices = kept(
                    "community-choices", lambda: Choices(everything() + community_choices())
                )
            else:
                del self.fields["community"]
        for name, field in self.fields.items():
            field.widget.attrs["id"] = f"filter-{self.add_prefix(name)}"

    def add_prefix(self, field_name):
        return self.parameter_names.get(field_name, field_name)

    def clean_q(self):
        return clean_query(self.cleaned_data["q"])

    @property
    def is_filtered(self):
        return any(self.data.get(self.add_prefix(name)) for name in self.fields)

    @property
    def active_count(self):
        """How many filters narrow the listing: those set and valid ("Filtri (2)")."""
        return len(self.valid_values())

    def valid_values(self):
        """The filters that are set and valid; an invalid one is left out (the form then
        shows what was wrong with it)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class Choices(BaseChoiceIterator):
    """Choices already in the form Django wants, kept per content version: a field takes
    them as they are, where a list would be walked and copied on every request (the
    programme and space filters of the municipal calendar have hundreds)."""

    def __init__(self, choices):
        self.choices = tuple(choices)

    def __iter__(self):
        return iter(self.choices)

    def __len__(self):
        return len(self.choices)


def everything():
    return [("", _("All"))]


def community_choices():
    return [(str(section.community.pk), section.community.name) for section in sections()]
