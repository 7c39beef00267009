"""News of a KS, and of the municipality across all KS."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.base.models import RICH_TEXT_FEATURES, BasePage
from portal.base.pagination import paginate
from portal.base.privacy import public
from portal.communities.models import CommunityOwned


class NewsIndexPage(BasePage):
    """The news of its KS (or, at the top, of the whole municipality), newest first."""

    per_page = 12

    parent_page_types = ["communities.CommunityPage", "home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        from portal.communities.models import attach_communities

        context = super().get_context(request, *args, **kwargs)
        scope = self.get_parent()
        news_page = paginate(request, NewsPage.objects.latest_in(scope), self.per_page)
        attach_communities(news_page.object_list)
        context["news_page"] = news_page
        return context


class NewsQuerySet(PageQuerySet):
    def latest_in(self, page):
        """Live, public news anywhere under `page`, newest first."""
        return (
            public(self.live())
            .descendant_of(page)
            .select_related("image")
            .order_by("-date", "-first_published_at")
        )


class NewsPage(CommunityOwned, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    body = RichTextField(_("body"), features=RICH_TEXT_FEATURES)

    folded_text_fields = ("title", "intro", "body")
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("date"), FieldPanel("body")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(NewsQuerySet)()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
