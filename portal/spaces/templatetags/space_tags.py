"""Template pieces of spaces: times of opening hours the Slovenian way (9.00,
17.00–20.00) and the spaces of a KS."""

from django import template

from portal.base.privacy import public
from portal.spaces.hours import clock as clock_text
from portal.spaces.models import SpacePage

register = template.Library()


@register.filter
def clock(moment):
    """9.00, 20.30; midnight at the end of a day is 24.00."""
    return clock_text(moment) if moment else ""


@register.filter
def time_range(item):
    """An interval or stretch (anything with `start` and `end`) as 17.00–20.00."""
    return f"{clock_text(item.start)}–{clock_text(item.end)}"


@register.simple_tag
def spaces_of(page):
    """`{% spaces_of page as spaces %}`: the live, public spaces of a KS, for cards."""
    return (
        public(SpacePage.objects.child_of(page).live())
        .select_related("image")
        .prefetch_related("image__renditions")
    )
