"""The `communities` endpoint: the KS, each with its section's addresses and how much it
has (spaces, programmes, event dates to come, news).

Those two fields read the apps above the KS (spaces, events, news, programmes), which the
`CommunityPage` model must not name: the endpoint adds them to the model's own
`api_fields` (`added_fields`), and a KS shows them in the `pages` detail too.
"""

from django.db.models import IntegerField, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.api import APIField

from portal.api.pages import PageEndpoint
from portal.base.privacy import public
from portal.base.serializers import URL, SchemaField, absolute, nullable
from portal.communities.directory import section_for_path
from portal.communities.models import CommunityPage
from portal.events.models import Occurrence
from portal.news.models import NewsPage
from portal.programme_pages.routes import LISTING_ROUTE as PROGRAMMES_ROUTE
from portal.spaces.models import SpacePage
from programmes.models import Programme


class CommunityLinks(SchemaField):
    """Where a KS's section, calendar, news, programmes and calendar feed are."""

    openapi_schema = {
        "type": "object",
        "description": _(
            "Addresses on the portal: the KS's section, its calendar, news, programmes and "
            "calendar feed (iCalendar)."
        ),
        "properties": {
            "section": URL,
            "calendar": nullable(URL),
            "news": nullable(URL),
            "programmes": URL,
            "calendar_feed": URL,
        },
        "required": ["section", "calendar", "news", "programmes", "calendar_feed"],
        "additionalProperties": False,
    }

    def to_representation(self, community):
        section = section_for_path(community.path)
        url = community.get_url(request=self.request)
        return {
            "section": absolute(self.request, url),
            "calendar": absolute(self.request, section and section.calendar_url),
            "news": absolute(self.request, section and section.news_url),
            "programmes": absolute(
                self.request, url and url + community.reverse_subpage(PROGRAMMES_ROUTE)
            ),
            "calendar_feed": absolute(
                self.request, reverse("events:ics-community", kwargs={"slug": community.slug})
            ),
        }


class CommunityCounts(SchemaField):
    """How much a KS has: spaces, programmes, events with a date to come, news items."""

    openapi_schema = {
        "type": "object",
        "description": _(
            "How many public spaces and programmes, events with a date to come and news "
            "items the KS has."
        ),
        "properties": {
            name: {"type": "integer", "minimum": 0}
            for name in ("spaces", "programmes", "upcoming_events", "news")
        },
        "required": ["spaces", "programmes", "upcoming_events", "news"],
        "additionalProperties": False,
    }

    def to_representation(self, community):
        if not hasattr(community, "api_spaces"):  # not counted with the list (`pages` detail)
            community = with_counts(type(community).objects.filter(pk=community.pk)).get()
        return {
            "spaces": community.api_spaces,
            "programmes": community.api_programmes,
            "upcoming_events": community.api_upcoming_events,
            "news": community.api_news,
        }


class CommunitiesEndpoint(PageEndpoint):
    name = "communities"
    api_summary = _("Local communities (KS)")
    api_description = _(
        "The local communities (krajevne skupnosti), each with its section's addresses and "
        "how many spaces, programmes, upcoming event dates and news items it has."
    )
    detail_only_fields = ["body"]

    model = CommunityPage
    added_fields = [
        APIField("links", serializer=CommunityLinks()),
        APIField("counts", serializer=CommunityCounts()),
    ]

    def with_related(self, queryset):
        return with_counts(super().with_related(queryset))


def with_counts(communities):
    """Each KS with its numbers of public spaces, programmes, upcoming event dates and
    news items, counted by the database in the same query."""
    under = {"path__startswith": OuterRef("path")}
    return communities.annotate(
        api_spaces=CountOf(public(SpacePage.objects.live()).filter(**under)),
        api_news=CountOf(public(NewsPage.objects.live()).filter(**under)),
        api_upcoming_events=CountOf(
            Occurrence.objects.public().filter(end__gt=timezone.now(), **under), "event_id"
        ),
        api_programmes=CountOf(Programme.objects.public().filter(community=OuterRef("pk"))),
    )


class CountOf(Subquery):
    """How many rows a queryset (that refers to the outer row) has, as a subquery."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()

    def __init__(self, queryset, column="pk"):
        super().__init__(queryset.order_by().values(column).distinct())
