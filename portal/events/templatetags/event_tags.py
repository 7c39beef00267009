"""Template pieces of events: a page's calendar feed and an event's structured data."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.events.feeds import feed_for
from portal.events.structured_data import event_data, json_ld

register = template.Library()


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
    """The schema.org `Event` of `event` as JSON-LD, escaped so it cannot end the script."""
    data = json_ld(event_data(event, upcoming_dates, context.get("request")))
    return mark_safe(f'<script type="application/ld+json">{data}</script>')
