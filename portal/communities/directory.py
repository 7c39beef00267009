"""The live KS sections of the portal, worked out once per content version.

Every page shows the KS menu, the home page shows a card per KS, and listings label items
with their KS. Working that out is a few queries and a URL per KS; it only changes when
content does, so it is kept in the cache under the current content version
(`portal.base.pagecache`), which every publish, move or delete renews.
"""

from dataclasses import dataclass

from portal.base.versioned import per_content_version, remembered


@dataclass
class Section:
    community: object  # the live CommunityPage
    url: str
    calendar_url: str | None
    news_url: str | None


def sections():
    return per_content_version("sections", build_sections)


def build_sections():
    from portal.base.privacy import public
    from portal.communities.models import CommunityPage
    from portal.events.models import EventCalendarPage
    from portal.news.models import NewsIndexPage

    communities = list(
        public(CommunityPage.objects.live()).select_related("image").order_by("path")
    )
    depths = {community.depth + 1 for community in communities}
    children = {
        model: {
            page.path[: -CommunityPage.steplen]: page.get_url()
            for page in public(model.objects.live()).filter(depth__in=depths).order_by("-path")
        }
        for model in (EventCalendarPage, NewsIndexPage)
    }
    return [
        Section(
            community=community,
            url=community.get_url(),
            calendar_url=children[EventCalendarPage].get(community.path),
            news_url=children[NewsIndexPage].get(community.path),
        )
        for community in communities
    ]


def section_of_community(pk):
    """The live KS section of the KS with this id, or None."""
    return sections_by("community", lambda section: section.community.pk).get(pk)


def section_of_slug(slug):
    """The live KS section of the KS with this slug, or None."""
    return sections_by("slug", lambda section: section.community.slug).get(slug)


def sections_by(name, key):
    """The live KS sections by `key(section)`: built once a content version in this process."""
    return remembered("sections-by", name, lambda: {key(s): s for s in sections()})


def section_for_path(path):
    """The live KS section a page with this tree path belongs to, or None."""
    return next((s for s in sections() if path.startswith(s.community.path)), None)


def home_url():
    """The URL of the municipality's home page (the live one nearest the root)."""
    return per_content_version("home-url", find_home_url)


def find_home_url():
    from home.models import HomePage

    home = HomePage.objects.live().order_by("path").first()
    return home.get_url() if home else None
