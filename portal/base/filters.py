"""What every listing's filter form shares: a plain GET form, so a filtered list is a link.

A value that cannot be used is left out of the filtering and shown on the form as an
error; the listing then answers 400 (see `portal.programme_pages.routes`).
"""

from django import forms


class ListingFilterForm(forms.Form):
    def __init__(self, data):
        super().__init__(data)
        self.id_fields()

    def id_fields(self):
        """Ids that cannot clash with other forms on the page (the header search)."""
        for name, field in self.fields.items():
            field.widget.attrs["id"] = f"filter-{name}"

    @property
    def is_filtered(self):
        return any(self.data.get(name) for name in self.fields)

    def valid_values(self):
        """The filters that were given and can be used."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}
