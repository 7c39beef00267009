"""Calendar feeds (ICS) of the whole municipality, one KS, one programme, one space and
one event, and where each page links to its own.

A feed holds every live, public event with a date from `WINDOW` ago up to the horizon
the dates are expanded to (`EVENT_HORIZON_DAYS`): recent events stay in a subscriber's
calendar for a season, and nothing is left out that the site lists. Events are chosen by
a range query on the `Occurrence` table and loaded with what the feed shows in a fixed
number of queries, however many there are. A calendar application that asks again with
the ETag or date it has gets a 304 until something is published (`caching.revalidated`).
"""

import datetime
from dataclasses import dataclass
from operator import itemgetter

from anyascii import anyascii
from django.db import connection
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Site

from portal.base.caching import kept_many, revalidated
from portal.base.privacy import public
from portal.base.sites import absolute_url, public_origin, public_root_url
from portal.communities.directory import MUNICIPALITY, kind_of, section_for_path, section_of_slug
from portal.communities.models import CommunityPage
from portal.events.ics import (
    FeedEvent,
    Wording,
    calendar_text,
    event_text,
    write_calendar,
)
from portal.events.models import (
    DateChange,
    EventCalendarPage,
    EventPage,
    ExcludedDate,
    Occurrence,
)
from portal.spaces.models import SpacePage
from programmes.models import Programme, Theme

WINDOW = datetime.timedelta(days=183)
# Above this many events, a feed's queries name them by a subquery (see `event_ids`).
MANY_EVENTS = 1000
CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_ids(occurrences):
    """The ids of the live, public events that have a date among `occurrences` from
    `WINDOW` ago on: a list on PostgreSQL when there are few, a subquery otherwise."""
    since = timezone.now() - WINDOW
    ids = occurrences.public().filter(end__gt=since).order_by().values("event_id")
    if connection.vendor == "postgresql":
        # Given a subquery, PostgreSQL cannot tell how few events hide behind a KS's dates
        # and joins by reading all 20,000 event pages (10 ms of a KS feed's 12 in the
        # database); given the ids, it looks each one up. Thousands of ids cost more to
        # send and plan than the subquery: those stay a subquery.
        few = list(ids.values_list("event_id", flat=True).distinct()[: MANY_EVENTS + 1])
        if len(few) <= MANY_EVENTS:
            return few
    return ids


# What a feed says of an event page, read as plain values: thousands of page instances
# (each a clusterable model with its space's page alongside) cost more than the writing.
FEED_FIELDS = (
    "pk",
    "title",
    "intro",
    "start",
    "end",
    "all_day",
    "rrule",
    "status",
    "location",
    "slug",
    "url_path",
)


@dataclass(frozen=True)
class Organiser:
    name: str
    email: str


@dataclass(frozen=True)
class FeedPage:
    """An event page as the feed writer reads it (`portal.events.ics`): the fields in
    `FEED_FIELDS`, when it was published, its space's title and address, its organiser."""

    pk: int
    title: str
    intro: str
    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool
    rrule: str
    status: str
    location: str
    slug: str
    url_path: str
    # When it was last published (or, failing that, last saved).
    published: datetime.datetime | None
    space_title: str | None
    space_address: str | None
    organiser: Organiser | None

    @property
    def place(self):
        """As `EventPage.place` says it."""
        if self.space_title is not None:
            return f"{self.space_title}, {self.space_address}"
        return self.location


def feed_events(events, request=None):
    """`events` (a queryset of event pages) as FeedEvents, soonest first, in four
    queries whatever their number: the pages with their space and organiser as plain
    values, then their left-out dates, changed dates and themes as plain rows."""
    rows = events.order_by("start", "pk").values_list(
        *FEED_FIELDS,
        Coalesce("last_published_at", "latest_revision_created_at"),
        "space__title",
        "space__address",
        "organiser__name",
        "organiser__email",
    )
    pages = [
        FeedPage(
            *row[: len(FEED_FIELDS) + 3],
            organiser=Organiser(row[-2], row[-1] or "") if row[-2] is not None else None,
        )
        for row in rows
    ]
    # A subquery, not a list of ids: no limit on how many parameters a query may have;
    # a short list on PostgreSQL (see `event_ids`).
    ids = events.values("pk")
    if connection.vendor == "postgresql" and len(pages) <= MANY_EVENTS:
        ids = [page.pk for page in pages]
    left_out = group(ExcludedDate.objects.filter(page_id__in=ids).values_list("page_id", "date"))
    changes = group(
        (change.page_id, change) for change in DateChange.objects.filter(page_id__in=ids)
    )
    themes = group(
        EventPage.themes.through.objects.filter(eventpage_id__in=ids)
        .order_by("theme_id")
        .values_list("eventpage_id", "theme__key")
    )
    url_of = page_urls(request)
    labels = {key: str(label) for key, label in Theme.Key.choices}  # translated once
    return [
        FeedEvent(
            page=page,
            url=url_of(page),
            left_out=frozenset(left_out.get(page.pk, ())),
            changes=tuple(changes.get(page.pk, ())),
            themes=tuple(labels[key] for key in themes.get(page.pk, ())),
        )
        for page in pages
    ]


def group(pairs):
    grouped = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return grouped


def page_urls(request=None):
    """A function giving the absolute URL of a page, as `BasePage.get_full_url` would (on
    the public origin), with the sites' root paths read once instead of once a page."""
    roots = Site.get_site_root_paths()
    current = Site.find_for_request(request) if request else None
    if current is not None:
        # Where a page belongs to several sites, the one answering the request comes first.
        roots = sorted(roots, key=lambda root: root.site_id != current.pk)
    roots = [
        (root.root_path, public_root_url(root.site_id, root.root_url, request)) for root in roots
    ]
    prefix = reverse("wagtail_serve", args=("",))

    def url_of(page):
        for root_path, root_url in roots:
            if page.url_path.startswith(root_path):
                return root_url + iri_to_uri(prefix + page.url_path[len(root_path) :])
        return None

    return url_of


def build_feed(occurrences=None, name=None, request=None):
    """The ICS text of the events among `occurrences` (every event when None), as the
    feeds serve it; callable without a request (the bench), then links begin with
    PORTAL_BASE_URL (`portal.base.sites.public_origin`)."""
    ids = event_ids(Occurrence.objects.all() if occurrences is None else occurrences)
    texts = kept_event_texts(ids, request)
    return calendar_text(texts, name or municipality_title())


def kept_event_texts(ids, request=None):
    """The VEVENT text of each event of `ids` (from `event_ids`), soonest first. Each
    event's text is kept per content version (`caching.kept_many`) for the origin its
    links begin with, so a feed asked for again before the next publish reads only
    which events it holds: one query. A feed of more than `MANY_EVENTS` is written afresh
    each time."""
    events = EventPage.objects.filter(pk__in=ids)
    if not isinstance(ids, list):
        ids = list(events.values_list("pk", flat=True))
    wording = Wording.current()
    if len(ids) > MANY_EVENTS:
        # Written afresh: thousands of texts would push all else out of the process's
        # cache (`local`, bounded by MAX_ENTRIES), and themselves with it.
        return [event_text(entry, wording) for entry in feed_events(events, request)]

    def build(missing):
        # After a publish every event is missing: read them by the feed's own query.
        chosen = events if len(missing) == len(ids) else EventPage.objects.filter(pk__in=missing)
        made = {
            entry.page.pk: ((entry.page.start, entry.page.pk), event_text(entry, wording))
            for entry in feed_events(chosen, request)
        }
        return [made.get(pk) for pk in missing]

    kept = kept_many(f"ics-event:{public_origin(request)}", ids, build)
    return [text for _order, text in sorted(filter(None, kept), key=itemgetter(0))]


def calendar_response(text, filename=None):
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@revalidated
def municipality_feed(request):
    return calendar_response(build_feed(request=request))


@require_safe
@revalidated
def community_feed(request, slug):
    section = section_of_slug(slug)
    if section is None:
        raise Http404
    occurrences = Occurrence.objects.in_section(section.community)
    name = feed_title(section.community.title)
    return calendar_response(build_feed(occurrences, name, request=request))


@require_safe
@revalidated
def programme_feed(request, pk):
    programme = Programme.objects.public().filter(pk=pk).first()
    # A programme is public where its page is: under a live, public KS or the municipality
    # (its address comes from the project's `PROGRAMMES_URL_RESOLVER`).
    if programme is None or programme.get_url() is None:
        raise Http404
    occurrences = Occurrence.objects.filter(event__programme=programme)
    name = feed_title(programme.title)
    return calendar_response(build_feed(occurrences, name, request=request))


@require_safe
@revalidated
def space_feed(request, pk):

    space = public(SpacePage.objects.live()).filter(pk=pk).first()
    if space is None or section_for_path(space.path) is None:
        raise Http404
    occurrences = Occurrence.objects.filter(event__space=space)
    name = feed_title(space.title)
    return calendar_response(build_feed(occurrences, name, request=request))


@require_safe
@revalidated
def event_feed(request, pk):
    """One event as a file to open in a calendar application ("add to calendar")."""
    events = feed_events(public(EventPage.objects.live()).filter(pk=pk), request)
    if not events:
        raise Http404
    event = events[0].page
    filename = f"{slugify(anyascii(event.slug))[:60] or 'dogodek'}.ics"
    text = write_calendar(events, event.title)
    return calendar_response(text, filename=filename)


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
    return Feed(title=title, url=absolute_url(path, request))


def feed_path(subject):
    if kind_of(subject) == MUNICIPALITY:
        return municipality_title(), reverse("events:ics-municipality")
    if isinstance(subject, EventCalendarPage):
        # A calendar outside every live KS section is the municipality's.
        section = section_for_path(subject.path)
        if section is None:
            return municipality_title(), reverse("events:ics-municipality")
        return feed_path(section.community)
    if isinstance(subject, CommunityPage):
        return feed_title(subject.title), reverse("events:ics-community", args=[subject.slug])
    if isinstance(subject, SpacePage):
        return feed_title(subject.title), reverse("events:ics-space", args=[subject.pk])
    if isinstance(subject, Programme):
        return feed_title(subject.title), reverse("events:ics-programme", args=[subject.pk])
    if isinstance(subject, EventPage):
        return subject.title, reverse("events:ics-event", args=[subject.pk])
    return None
