"""The years and tags of a section's news, worked out once per content version.

A section is the subtree whose news an index lists: a KS, or the whole municipality. Its
years and tags only change when content does (a publish, move or delete renews the
version: `portal.base.pagecache`), so filters and tag lists cost no query on most requests.
"""

from dataclasses import dataclass

from django.db.models import Count

from portal.base.caching import kept
from portal.news.items import NewsPage, NewsPageTag


@dataclass(frozen=True)
class TagCount:
    name: str
    slug: str
    count: int


def years_in(scope_path):
    """The years that have live, public news in the section, newest first."""
    return kept(f"news-years:{scope_path}", lambda: read_years(scope_path), shared=True)


def read_years(scope_path):
    news = NewsPage.objects.latest_in_path(scope_path).order_by()
    return [day.year for day in news.dates("date", "year", order="DESC")]


def tags_in(scope_path):
    """The tags of the section's live, public news, the most used first."""
    return kept(f"news-tags:{scope_path}", lambda: read_tags(scope_path), shared=True)


def read_tags(scope_path):
    news = NewsPage.objects.latest_in_path(scope_path).order_by().values("pk")
    rows = (
        NewsPageTag.objects.filter(content_object__in=news)
        .values("tag__name", "tag__slug")
        .annotate(count=Count("pk"))
        .order_by("-count", "tag__name")
    )
    return [TagCount(row["tag__name"], row["tag__slug"], row["count"]) for row in rows]
