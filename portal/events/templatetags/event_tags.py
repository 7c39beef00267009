"""Template pieces of events: dates as listings show them, a page's calendar feed and an
event's structured data.

`{% upcoming_dates page 5 as dates %}` gives a KS page or the home page its next dates.

A date looks the same in every listing (a KS's calendar, the municipality's, the month
grid, the KS page, a space, a programme) until content changes or the date is over, so
its HTML is kept under the content version (`portal.base.caching.kept_html`): a listing
of twenty dates renders those it has not rendered since the last publish, not all twenty.
"""

from django import template
from django.utils.html import format_html

from portal.base.jsonld import kept_script
from portal.base.listing import item_fragment
from portal.events.feeds import feed_for
from portal.events.models import Occurrence
from portal.events.structured_data import event_data

register = template.Library()


@register.simple_tag(takes_context=True)
def event_item(context, occurrence, show_community=False, heading_level=3):
    """One date in a list (`includes/event_item.html`)."""
    return item_fragment(
        context,
        "includes/event_item.html",
        "occurrence",
        occurrence,
        state=occurrence.is_past,
        show_community=bool(show_community),
        heading_level=heading_level,
    )


@register.simple_tag(takes_context=True)
def grid_event(context, occurrence, show_community=False):
    """One date in a day of the month grid (`events/includes/grid_event.html`)."""
    return item_fragment(
        context,
        "events/includes/grid_event.html",
        "occurrence",
        occurrence,
        state=occurrence.is_past,
        show_community=bool(show_community),
    )


@register.simple_tag(takes_context=True)
def calendar_feed(context, subject):
    """The calendar feed of `subject` (a page or a programme), or None."""
    return feed_for(subject, context.get("request"))


@register.simple_tag(takes_context=True)
def calendar_feed_link(context, subject):
    """`<link rel="alternate">` for the page head, so calendar applications and browser
    add-ons find the feed."""
    feed = feed_for(subject, context.get("request"))
    if feed is None:
        return ""
    return format_html(
        '<link rel="alternate" type="text/calendar" title="{}" href="{}">', feed.title, feed.url
    )


@register.simple_tag(takes_context=True)
def event_structured_data(context, event, upcoming_dates):
    """The schema.org `Event` of `event` as JSON-LD, escaped so it cannot end the script;
    kept a content version for each event, public origin and next date, as it reads the event's
    organisers, places, images and changed dates."""
    request = context.get("request")
    next_date = next((date.start for date in upcoming_dates if not date.cancelled), None)
    return kept_script(
        "event-structured-data",
        request,
        lambda: event_data(event, upcoming_dates, request),
        (event.pk, next_date),
    )


@register.simple_tag
def upcoming_dates(page, count):
    """The next `count` public dates of events under `page` (a KS, or the home page for
    the whole municipality), soonest first, ready for `event_item`."""
    dates = Occurrence.objects.public().in_section(page).upcoming().for_listing()
    return list(dates[:count])
