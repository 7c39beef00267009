"""Template pieces of events: dates as listings show them, a page's calendar feed and an
event's structured data.

`{% upcoming_dates page 5 as dates %}` gives a KS page or the home page its next dates.

A date looks the same in every listing (a KS's calendar, the municipality's, the month
grid, the KS page, a space, a programme) until content changes or the date is over, so
its HTML is kept under the content version (`portal.base.caching.kept_html`): a listing
of twenty dates renders those it has not rendered since the last publish, not all twenty.

Places left (`portal.events.places`) change without a publish: a listing reads them once
for all its dates (one query per places source, none when no listed event takes sign-ups)
and a date's kept HTML is keyed by its places label, so a fresh label never comes from
the cache. The JSON-LD is kept as data and gets the places of its date added afresh.
"""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.base.caching import kept
from portal.base.jsonld import script
from portal.base.listing import item_fragment
from portal.base.sites import public_origin
from portal.events.feeds import feed_for
from portal.events.models import EventPage, Occurrence
from portal.events.models.pages import Registration
from portal.events.places import places_of, places_of_date, places_shown
from portal.events.structured_data import event_data, with_places

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
        places=listed_places_label(context, occurrence),
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
        places=listed_places_label(context, occurrence),
        show_community=bool(show_community),
    )


def events_taking_signups():
    """The pks of the live events that take sign-ups on the portal, read once a content
    version (whether an event takes them is content: it changes with a publish)."""
    return kept(
        "events-taking-signups",
        lambda: frozenset(
            EventPage.objects.live()
            .filter(registration=Registration.PORTAL)
            .values_list("pk", flat=True)
        ),
    )


def listed_places(occurrence):
    """`Places` of a listed date that is to come, or None: the places of all the dates of
    its listing are read at once, the first time one of them asks."""
    if occurrence.pk is None or occurrence.is_past:
        return None
    listed = getattr(occurrence, "listed", None)
    memo = listed.memo if listed is not None else {}
    if "places" not in memo:
        rows = listed.rows if listed is not None else [occurrence]
        taking = events_taking_signups()
        rows = [row for row in rows if row.event_id in taking and not row.is_past]
        if rows and listed is not None:
            listed.ensure_loaded()  # their events, in the listing's own queries
        memo["places"] = places_of(rows) if rows else {}
    return memo["places"].get(occurrence.pk)


def listed_places_label(context, occurrence):
    """The places label of a listed date ("še 3 prosta mesta"), or "" when it takes no
    sign-ups; its page is then kept a minute at most (`places_shown`)."""
    places = listed_places(occurrence)
    if places is None:
        return ""
    places_shown(context.get("request"))
    return places.label


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
    its data kept a content version for each event, public origin and next date, as it
    reads the event's organisers, places, images and changed dates. The places left on
    the date it gives (`portal.events.places`) are added afresh on every request."""
    request = context.get("request")
    shown = next((date for date in upcoming_dates if not date.cancelled), None)
    if getattr(request, "is_preview", False):
        return mark_safe(script(event_data(event, upcoming_dates, request)))
    data = kept(
        "event-structured-data",
        lambda: event_data(event, upcoming_dates, request),
        (event.pk, shown.start if shown else None, public_origin(request)),
        limit=1000,
    )
    places = places_of_date(shown) if shown is not None else None
    if places is not None:
        data = with_places(data, places, event)
    return mark_safe(script(data))


@register.simple_tag
def upcoming_dates(page, count):
    """The next `count` public dates of events under `page` (a KS, or the home page for
    the whole municipality), soonest first, ready for `event_item`."""
    dates = Occurrence.objects.public().in_section(page).upcoming().for_listing()
    return list(dates[:count])
