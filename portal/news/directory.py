"""Where a section's news is, and its years and tags, worked out once per content version.

A section is the subtree whose news an index lists: a KS, or the whole municipality. Its
years and tags only change when content does (a publish, move or delete renews the
version: `portal.base.pagecache`), so filters and tag lists cost no query on most requests.
"""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from portal.base.caching import kept
from portal.communities.directory import municipal_section, section_for_path

RSS_ROUTE = "rss"
ATOM_ROUTE = "atom"


@dataclass(frozen=True)
class TagCount:
    name: str
    slug: str
    count: int


def years_in(scope_path):
    """The years that have live, public news in the section, newest first."""
    return kept(f"news-years:{scope_path}", lambda: read_years(scope_path), shared=True)


def read_years(scope_path):
    from portal.news.models import NewsPage

    news = NewsPage.objects.latest_in_path(scope_path).order_by()
    return [day.year for day in news.dates("date", "year", order="DESC")]


def tags_in(scope_path):
    """The tags of the section's live, public news, the most used first."""
    return kept(f"news-tags:{scope_path}", lambda: read_tags(scope_path), shared=True)


def read_tags(scope_path):
    from portal.news.models import NewsPage, NewsPageTag

    news = NewsPage.objects.latest_in_path(scope_path).order_by().values("pk")
    rows = (
        NewsPageTag.objects.filter(content_object__in=news)
        .values("tag__name", "tag__slug")
        .annotate(count=Count("pk"))
        .order_by("-count", "tag__name")
    )
    return [TagCount(row["tag__name"], row["tag__slug"], row["count"]) for row in rows]


@dataclass(frozen=True)
class NewsFeeds:
    """A news index and its feeds, as `<link rel="alternate">` and links name them."""

    title: str
    url: str

    @property
    def rss_url(self):
        return self.url + route(RSS_ROUTE)

    @property
    def atom_url(self):
        return self.url + route(ATOM_ROUTE)


def route(name):
    from portal.news.models import NewsIndexPage

    return NewsIndexPage.get_resolver().reverse(name)


def feeds_for(page):
    """The news feeds that belong with `page`: its own if it is a news index, else its
    KS's, else (the home page, municipal pages) the municipality's. None if there is no
    live news index. No query: the KS sections and URLs are known per content version."""
    from portal.news.models import NewsIndexPage

    section = section_for_path(page.path)
    if isinstance(page, NewsIndexPage):
        return NewsFeeds(feed_title(section.community if section else None), page.url)
    if section is not None:
        url = section.news_url
        return NewsFeeds(feed_title(section.community), url) if url else None
    url = municipal_news_url()
    return NewsFeeds(feed_title(None), url) if url else None


def feed_title(community):
    if community is None:
        return _("News from all local communities")
    return _("News of %(community)s") % {"community": community.title}


def municipal_news_url():
    """The URL of the municipality's news index (the one under the home page)."""
    municipality = municipal_section()
    return municipality.news_url if municipality else None
