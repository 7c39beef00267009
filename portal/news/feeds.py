"""RSS 2.0 and Atom feeds of a news index: its KS's news, or the whole municipality's.

Served by the index itself (`rss/` and `atom/` routes of `NewsIndexPage`), so a feed sits
beside the list it mirrors and is private or a draft exactly when that list is. A reader
that asks again with the ETag or date it has gets a 304 until something is published
(`caching.revalidated`). An item's description is its lead text as HTML (escaped, its
paragraphs kept), which readers show as the editor wrote it.
"""

import datetime
import io
import zoneinfo

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from portal.base.caching import revalidated
from portal.base.sites import absolute_url
from portal.communities.directory import section_for_path
from portal.communities.models import attach_communities
from portal.news.directory import feed_title
from portal.news.items import NewsPage, NewsPageTag
from programmes.models import Theme

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
FEED_LENGTH = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, index):
        return revalidated(super().__call__)(request, index=index)

    def get_feed(self, obj, request):
        """The feed, written into a string and handed to the response in one piece:
        written straight into the response, each of its thousand elements would go
        through an encoder and the response on its own (and out in a write each)."""
        feed = super().get_feed(obj, request)
        write = feed.write

        def write_at_once(outfile, encoding):
            text = io.StringIO()
            write(text, encoding)
            outfile.write(text.getvalue())

        feed.write = write_at_once
        return feed

    def get_object(self, request, index):
        # Page URLs are worked out with the request, which carries the sites' root paths
        # (without it, each item's URL would ask the shared cache for them again).
        self.request = request
        return index

    def title(self, index):
        section = section_for_path(index.path)
        return feed_title(section.community if section else None)

    def link(self, index):
        return absolute_url(index.get_url(self.request), self.request)

    def feed_url(self, index):
        return absolute_url(self.request.path, self.request)

    def description(self, index):
        return index.intro or self.title(index)

    def items(self, index):
        news = attach_communities(index.listed_news()[:FEED_LENGTH])
        self.categories = categories_of([item.pk for item in news])
        return news

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        # On the public origin (decision 0031), like the sitemap and the calendar feeds.
        return absolute_url(item.get_url(self.request), self.request)

    def item_description(self, item):
        """The lead text (plain text) as HTML: RSS descriptions and Atom summaries are
        HTML to readers, so `<` or `&` in it must be escaped to show as written."""
        return linebreaks(item.intro, autoescape=True) if item.intro else None

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
        return self.categories.get(item.pk, [])


def categories_of(ids):
    """Each news item's themes (as the site names them), then its tags, read as plain rows
    in two queries: a feed has no use for their model instances."""
    labels = dict(Theme.Key.choices)
    categories = {}
    themes = NewsPage.themes.through.objects.filter(newspage_id__in=ids).order_by("theme_id")
    for news_id, key in themes.values_list("newspage_id", "theme__key"):
        categories.setdefault(news_id, []).append(str(labels[key]))
    tags = NewsPageTag.objects.filter(content_object_id__in=ids).order_by("tag__name")
    for news_id, name in tags.values_list("content_object_id", "tag__name"):
        categories.setdefault(news_id, []).append(name)
    return categories


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
