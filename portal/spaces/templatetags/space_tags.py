"""Times of a space's opening hours the Slovenian way: 9.00, 17.00–20.00."""

from django import template

from portal.spaces.hours import clock as clock_text

register = template.Library()


@register.filter
def clock(moment):
    """9.00, 20.30; midnight at the end of a day is 24.00."""
    return clock_text(moment) if moment else ""


@register.filter
def time_range(item):
    """An interval or stretch (anything with `start` and `end`) as 17.00–20.00."""
    return f"{clock_text(item.start)}–{clock_text(item.end)}"
