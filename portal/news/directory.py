"""Where a section's news is and its feeds, from the directory of sections: no query.

A section is the subtree whose news an index lists: a KS, or the whole municipality. (Its
years and tags: `portal.news.archive`.)"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from portal.communities.directory import municipal_section, section_for_path

# The feeds' routes under a news index, by name and path.
RSS_ROUTE, RSS_PATH = "rss", "rss/"
ATOM_ROUTE, ATOM_PATH = "atom", "atom/"


@dataclass(frozen=True)
class NewsFeeds:
    """A news index and its feeds, as `<link rel="alternate">` and links name them."""

    title: str
    url: str

    @property
    def rss_url(self):
        return self.url + RSS_PATH

    @property
    def atom_url(self):
        return self.url + ATOM_PATH


def section_feeds(page):
    """The news feeds of `page`'s KS, else (the home page, municipal pages) the
    municipality's; None if there is no live news index. No query: the KS sections and
    URLs are known per content version. (A news index's own: `portal.news.models`.)"""
    section = section_for_path(page.path)
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
