"""The filters of a programme listing."""

from django import forms
from django.db.models import Case, Value, When
from django.utils.translation import gettext_lazy as _

from portal.base.matching import matching
from portal.base.text import search_terms
from portal.communities.filters import ListingFilterForm, everything
from programmes import registry
from programmes.models import Audience, Programme, Theme

FINISHED = [Programme.Status.PAUSED, Programme.Status.ENDED]


class TypeField(forms.ChoiceField):
    """A type that is not installed or is turned off lists nothing: a kept link to it is
    not an error."""

    def valid_value(self, value):
        return registry.is_key(value)


class ProgrammeFilterForm(ListingFilterForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    audience = forms.ChoiceField(label=_("For whom"), required=False)
    type = TypeField(label=_("Kind of programme"), required=False)
    community = forms.ChoiceField(label=_("Local community"), required=False)

    def __init__(self, data, municipal=False):
        super().__init__(data, municipal=municipal)
        self.fields["theme"].choices = everything() + list(Theme.Key.choices)
        self.fields["audience"].choices = everything() + list(Audience.Key.choices)
        self.fields["type"].choices = everything() + [
            (plugin.key, str(plugin.label).capitalize()) for plugin in registry.active()
        ]

    def apply(self, programmes):
        """`programmes` narrowed by every valid filter."""
        values = self.valid_values()
        if "theme" in values:
            programmes = programmes.with_themes([values["theme"]])
        if "audience" in values:
            programmes = programmes.for_audiences([values["audience"]])
        if "type" in values:
            programmes = programmes.of_types([values["type"]])
        if "community" in values:
            programmes = programmes.filter(community=values["community"])
        terms = search_terms(values.get("q", ""))
        if terms:
            found = matching(Programme.objects.public(), terms)
            programmes = programmes.filter(pk__in=[programme.pk for programme in found])
        # What one can still join comes first; paused and ended programmes last.
        over = Case(When(status__in=FINISHED, then=Value(1)), default=Value(0))
        return programmes.order_by(over, "title", "pk")
