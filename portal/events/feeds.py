"""Calendar feeds (ICS) of the whole municipality, one KS, one programme, one space and
one event, and where each page links to its own.

A feed holds every live, public event with a date from `WINDOW` ago up to the horizon
the dates are expanded to (`EVENT_HORIZON_DAYS`): recent events stay in a subscriber's
calendar for a season, and nothing is left out that the site lists. Events are chosen by
a range query on the `Occurrence` table and loaded with what the feed shows in a fixed
number of queries, however many there are.
"""

import datetime
from dataclasses import dataclass

from anyascii import anyascii
from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from portal.base.privacy import public
from portal.communities.directory import section_for_path, sections
from portal.events.ics import build_feed
from portal.events.models import EventPage, Occurrence

WINDOW = datetime.timedelta(days=183)
CONTENT_TYPE = "text/calendar; charset=utf-8"


def events_of(occurrences, now=None):
    """The live, public events that have a date among `occurrences` from `WINDOW` ago
    on, with everything the feed writes: four queries whatever their number."""
    since = (now or timezone.now()) - WINDOW
    ids = occurrences.public().filter(end__gt=since).values("event_id")
    return (
        EventPage.objects.filter(pk__in=ids)
        .select_related("space", "organiser")
        .prefetch_related("excluded_dates", "date_changes", "themes")
        .order_by("start", "pk")
    )


def calendar_response(request, events, name, filename=None):
    text = build_feed(events, name, host=site_host(request), request=request)
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def site_host(request):
    """The host name of the site that answers `request` (no query: the site is looked
    up per content version by `portal.base.sites`)."""
    site = Site.find_for_request(request)
    return site.hostname if site else request.get_host().split(":")[0]


@require_safe
def municipality_feed(request):
    events = events_of(Occurrence.objects.all())
    return calendar_response(request, events, municipality_title())


@require_safe
def community_feed(request, slug):
    section = next((s for s in sections() if s.community.slug == slug), None)
    if section is None:
        raise Http404
    events = events_of(Occurrence.objects.in_section(section.community))
    return calendar_response(request, events, feed_title(section.community.title))


@require_safe
def programme_feed(request, pk):
    from portal.programme_pages.routes import programme_url
    from programmes.models import Programme

    programme = Programme.objects.public().filter(pk=pk).first()
    # A programme is public where its page is: under a live, public KS or the municipality.
    if programme is None or programme_url(programme) is None:
        raise Http404
    events = events_of(Occurrence.objects.filter(event__programme=programme))
    return calendar_response(request, events, feed_title(programme.title))


@require_safe
def space_feed(request, pk):
    from portal.spaces.models import SpacePage

    space = public(SpacePage.objects.live()).filter(pk=pk).first()
    if space is None or section_for_path(space.path) is None:
        raise Http404
    events = events_of(Occurrence.objects.filter(event__space=space))
    return calendar_response(request, events, feed_title(space.title))


@require_safe
def event_feed(request, pk):
    """One event as a file to open in a calendar application ("add to calendar")."""
    events = list(
        public(EventPage.objects.live())
        .filter(pk=pk)
        .select_related("space", "organiser")
        .prefetch_related("excluded_dates", "date_changes", "themes")
    )
    if not events:
        raise Http404
    event = events[0]
    filename = f"{slugify(anyascii(event.slug))[:60] or 'dogodek'}.ics"
    return calendar_response(request, events, event.title, filename=filename)


def municipality_title():
    return _("Events in the whole municipality")


def feed_title(name):
    return _("Events: %(name)s") % {"name": name}


@dataclass(frozen=True)
class Feed:
    """A calendar feed as a page links to it."""

    title: str
    url: str  # absolute, http(s)

    @property
    def webcal_url(self):
        """The same address for subscribing: calendar applications open webcal:// links."""
        return "webcal://" + self.url.split("://", 1)[1]


def feed_for(subject, request=None):
    """The feed that belongs with `subject` (the home page, a KS or its calendar, a space,
    a programme, an event), or None."""
    found = feed_path(subject)
    if found is None:
        return None
    title, path = found
    if request is not None:
        url = request.build_absolute_uri(path)
    else:
        url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return Feed(title=title, url=url)


def feed_path(subject):
    from home.models import HomePage
    from portal.communities.models import CommunityPage
    from portal.events.models import EventCalendarPage
    from portal.spaces.models import SpacePage
    from programmes.models import Programme

    if isinstance(subject, HomePage):
        return municipality_title(), reverse("events:ics-municipality")
    if isinstance(subject, EventCalendarPage):
        section = section_for_path(subject.path)
        subject = section.community if section else HomePage()
        return feed_path(subject)
    if isinstance(subject, CommunityPage):
        return feed_title(subject.title), reverse("events:ics-community", args=[subject.slug])
    if isinstance(subject, SpacePage):
        return feed_title(subject.title), reverse("events:ics-space", args=[subject.pk])
    if isinstance(subject, Programme):
        return feed_title(subject.title), reverse("events:ics-programme", args=[subject.pk])
    if isinstance(subject, EventPage):
        return subject.title, reverse("events:ics-event", args=[subject.pk])
    return None
