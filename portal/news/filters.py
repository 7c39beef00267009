"""The filters of a news listing: theme, tag and year, each a link-friendly GET value."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.communities.filters import ListingFilterForm, everything
from portal.news.archive import tags_in, years_in
from programmes.models import Theme


class NewsFilterForm(ListingFilterForm):
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    tag = forms.ChoiceField(label=_("Tag"), required=False)
    year = forms.ChoiceField(label=_("Year"), required=False)

    def __init__(self, data, scope_path):
        super().__init__(data)
        self.fields["theme"].choices = everything() + list(Theme.Key.choices)
        tags = sorted(tags_in(scope_path), key=lambda tag: tag.name.casefold())
        self.fields["tag"].choices = everything() + [(tag.slug, tag.name) for tag in tags]
        self.fields["year"].choices = everything() + [
            (str(year), str(year)) for year in years_in(scope_path)
        ]
        self.fields["tag"].error_messages["invalid_choice"] = _(
            "No news here has this tag. Choose one from the list."
        )
        self.fields["year"].error_messages["invalid_choice"] = _(
            "There is no news here from this year. Choose one from the list."
        )
        self.fields["theme"].error_messages["invalid_choice"] = _(
            "This is not one of the themes. Choose one from the list."
        )

    def apply(self, news):
        """`news` narrowed by every filter that can be used."""
        values = self.valid_values()
        if "theme" in values:
            news = news.filter(themes__key=values["theme"])
        if "tag" in values:
            news = news.filter(tags__slug=values["tag"])
        if "year" in values:
            news = news.filter(date__year=int(values["year"]))
        return news
