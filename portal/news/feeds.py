"""RSS 2.0 and Atom feeds of a news index: its KS's news, or the whole municipality's.

Served by the index itself (`rss/` and `atom/` routes of `NewsIndexPage`), so a feed sits
beside the list it mirrors and is private or a draft exactly when that list is.
"""

import datetime
import zoneinfo

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.communities.directory import section_for_path
from portal.communities.models import attach_communities
from portal.news.directory import feed_title

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
FEED_LENGTH = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request, index):
        # Page URLs are worked out with the request, which carries the sites' root paths
        # (without it, each item's URL would ask the shared cache for them again).
        self.request = request
        return index

    def title(self, index):
        section = section_for_path(index.path)
        return feed_title(section.community if section else None)

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return index.intro or self.title(index)

    def items(self, index):
        news = index.listed_news().prefetch_related("themes", "tags")[:FEED_LENGTH]
        return attach_communities(news)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_description(self, item):
        return item.intro

    def item_pubdate(self, item):
        """The news item's date, at the time of day it was first published, in Kranj."""
        published = item.first_published_at or item.last_published_at
        time = published.astimezone(LJUBLJANA).time() if published else datetime.time()
        return datetime.datetime.combine(item.date, time, tzinfo=LJUBLJANA)

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_guid(self, item):
        """Stable however the item is renamed or moved: its translation key."""
        return f"urn:uuid:{item.translation_key}"

    item_guid_is_permalink = False

    def item_author_name(self, item):
        return item.community.title if item.community else _("Municipality of Kranj")

    def item_categories(self, item):
        themes = [str(theme.label) for theme in item.themes.all()]
        return themes + [tag.name for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
