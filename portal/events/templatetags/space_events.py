"""What a space's page shows of the events held there: its next dates and its KS's
calendar narrowed to the space. The space page's template asks for them, so the space
knows nothing of events."""

from django import template

from portal.communities.directory import section_for_path
from portal.events.models import Occurrence
from portal.events.routes import calendar_url

register = template.Library()

# How many of the next dates in a space its page lists.
UPCOMING_IN_SPACE = 5


@register.simple_tag
def space_upcoming_dates(space):
    """The next public dates of events in `space`."""
    dates = Occurrence.objects.public().filter(event__space=space).upcoming().for_listing()
    return dates[:UPCOMING_IN_SPACE]


@register.simple_tag
def space_calendar_url(space):
    """Its KS's calendar showing only the events in `space`; None without a live one."""
    section = section_for_path(space.path)
    return section and calendar_url(section.community.pk, space=space.pk)
