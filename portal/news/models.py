"""News of a KS, and of the municipality across all KS: the index of a section's news,
with its filters and feeds, and the news items (`portal.news.items`)."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.base.models import BasePage
from portal.base.pagination import paginate
from portal.communities.directory import NEWS, Provisioned, section_for_path
from portal.communities.models import SectionIndex, attach_communities
from portal.news.archive import tags_in
from portal.news.directory import (
    ATOM_PATH,
    ATOM_ROUTE,
    RSS_PATH,
    RSS_ROUTE,
    NewsFeeds,
    feed_title,
    section_feeds,
)
from portal.news.feeds import NewsAtomFeed, NewsRssFeed
from portal.news.filters import NewsFilterForm
from portal.news.items import NewsPage, NewsPageTag, NewsQuerySet

__all__ = ["NewsIndexPage", "NewsPage", "NewsPageTag", "NewsQuerySet", "feeds_for"]


class NewsIndexPage(RoutablePageMixin, SectionIndex, BasePage):
    """The news of its KS (or, at the top, of the whole municipality), newest first, with
    filters and RSS and Atom feeds (`rss/`, `atom/`)."""

    # A section's news, which every KS gets (`portal.communities.directory`).
    section_kind = NEWS
    section_provisioning = Provisioned(title="Novice", slug="novice", order=2)
    per_page = 12

    parent_page_types = ["communities.CommunityPage", "home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    @property
    def scope_path(self):
        """The tree path of what this index lists: its KS, or the whole municipality."""
        return self.path[: -self.steplen]

    def listed_news(self):
        return NewsPage.objects.latest_in_path(self.scope_path)

    @path("", name="news")
    def news_list(self, request):
        """The listing; filters that cannot be used answer 400 and are shown on the form."""
        context = self.get_context(request)
        status = 400 if context["filters"].errors else 200
        return TemplateResponse(request, self.get_template(request), context, status=status)

    @path(RSS_PATH, name=RSS_ROUTE)
    def rss_feed(self, request):
        return NewsRssFeed()(request, index=self)

    @path(ATOM_PATH, name=ATOM_ROUTE)
    def atom_feed(self, request):
        return NewsAtomFeed()(request, index=self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = NewsFilterForm(request.GET, scope_path=self.scope_path)
        news_page = paginate(
            request,
            filters.apply(self.listed_news()).prefetch_related("image__renditions"),
            self.per_page,
        )
        news_page.object_list = attach_communities(news_page.object_list)
        context.update(
            filters=filters,
            news_page=news_page,
            popular_tags=tags_in(self.scope_path)[:15],
            feeds=feeds_for(self),
        )
        return context


def feeds_for(page):
    """The news feeds that belong with `page`: its own if it is a news index, else its
    KS's, else the municipality's (`portal.news.directory.section_feeds`)."""
    if isinstance(page, NewsIndexPage):
        section = section_for_path(page.path)
        return NewsFeeds(feed_title(section.community if section else None), page.url)
    return section_feeds(page)
