"""The filters of a calendar: words, KS, theme, audience, programme, space, free only and
dates, all in the URL. Each narrows the `Occurrence` rows in the database."""

import datetime

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from portal.base.caching import kept
from portal.base.matching import matching
from portal.base.privacy import public
from portal.base.text import search_terms
from portal.communities.directory import section_of_community
from portal.communities.filters import Choices, ListingFilterForm, everything
from portal.events.calendar import (
    FIRST_YEAR,
    LAST_YEAR,
    QuickPick,
    day_start,
    in_calendar_years,
    quick_pick_days,
)
from portal.events.models.pages import EventPage
from portal.spaces.models import SpacePage
from programmes import registry
from programmes.models import Audience, Programme, Theme

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d. %m. %Y"]


class DateFilter(forms.DateField):
    """A day typed as residents write it (26. 11. 2026) or as links carry it (2026-11-26).
    A text box: the browsers' date pickers take several Tab presses each."""

    default_error_messages = {"invalid": _("“%(value)s” is not a date: write it as 26. 11. 2026.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", _("e.g. 26. 11. 2026"))
        super().__init__(input_formats=DATE_FORMATS, required=False, **kwargs)

    def to_python(self, value):
        try:
            day = super().to_python(value)
        except forms.ValidationError as error:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from error
        if day and not in_calendar_years(day):
            raise forms.ValidationError(
                _("The calendar covers the years %(first)s to %(last)s: choose a date in them."),
                code="out_of_range",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )
        return day


class EventFilterForm(ListingFilterForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    community = forms.ChoiceField(label=_("Local community"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    audience = forms.ChoiceField(label=_("For whom"), required=False)
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    space = forms.ChoiceField(label=_("Community space"), required=False)
    when = forms.ChoiceField(
        label=_("When"), required=False, choices=[("", _("Any time")), *QuickPick.choices]
    )
    date_from = DateFilter(label=_("From"))
    date_to = DateFilter(label=_("To"))
    free = forms.BooleanField(label=_("Free of charge only"), required=False)

    # `from` and `to` are Python keywords: the fields have other names, the URL these.
    parameter_names = {"date_from": "from", "date_to": "to"}

    def __init__(self, data, section_path, community=None):
        """`section_path`: the tree path of the pages whose events the calendar lists, a
        KS (`community`) or the whole municipality (`community` None)."""
        super().__init__(data, municipal=community is None)
        self.fields["theme"].choices = everything() + list(Theme.Key.choices)
        self.fields["audience"].choices = everything() + list(Audience.Key.choices)
        programmes, spaces = filter_choices(section_path, community)
        self.fields["programme"].choices = programmes
        self.fields["space"].choices = spaces

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and last < first:
            self.add_error(
                "date_to",
                _("The last day is before the first (%(first)s): choose a later one.")
                % {"first": formats.date_format(first, "j. n. Y")},
            )
        return cleaned

    def apply(self, occurrences, today=None):
        """`occurrences` narrowed by every valid filter, in the database."""
        values = self.valid_values()
        if "community" in values:
            occurrences = occurrences.filter(path__startswith=community_path(values["community"]))
        terms = search_terms(values.get("q", ""))
        occurrences = occurrences.about(
            theme=values.get("theme"),
            audience=values.get("audience"),
            programme=values.get("programme"),
            space=values.get("space"),
            free=values.get("free"),
            matching=matching_events(terms) if terms else None,
        )
        start, end = self.date_span(values, today or timezone.localdate())
        if start:
            occurrences = occurrences.filter(end__gt=start)
        if end:
            occurrences = occurrences.filter(start__lt=end)
        return occurrences

    @staticmethod
    def date_span(values, today):
        """From when to when the date filters reach (a quick pick, from and to, together);
        None for an open end."""
        first, last = values.get("date_from"), values.get("date_to")
        if "when" in values:
            pick_first, pick_last = quick_pick_days(values["when"], today)
            first = max(first or pick_first, pick_first)
            last = min(last or pick_last, pick_last)
        return (
            day_start(first) if first else None,
            day_start(last + datetime.timedelta(days=1)) if last else None,
        )


def matching_events(terms):
    """The live events that `terms` find as site search finds them (`portal.base.matching`:
    accent-free, the last word as a beginning too), as a subquery."""
    found = matching(EventPage.objects.live(), terms, order_by_relevance=False)
    return found.get_queryset().values("pk")


def community_path(pk):

    return section_of_community(int(pk)).community.path


def filter_choices(section_path, community):
    """The programmes and spaces one can pick in a calendar: a KS's own and the
    municipality-wide programmes, which may run in any KS; every one in the municipal
    calendar. Read once per content version."""

    key = (section_path, community and community.pk, tuple(registry.active_keys()))
    return kept(
        "event-filter-choices",
        lambda: read_filter_choices(section_path, community),
        key,
        limit=5000,
    )


def read_filter_choices(section_path, community):
    from django.db.models import Q

    programmes = Programme.objects.public()
    if community is not None:
        programmes = programmes.filter(Q(community=community) | Q(community=None))
    spaces = public(SpacePage.objects.live().filter(path__startswith=section_path))
    return (
        as_choices(programmes.order_by("title", "pk").values_list("pk", "title")),
        as_choices(spaces.order_by("title", "pk").values_list("pk", "title")),
    )


def as_choices(rows):
    return Choices([*everything(), *((str(pk), title) for pk, title in rows)])
