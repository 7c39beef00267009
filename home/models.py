"""The municipal portal's home page: the KS sections, latest news, upcoming events."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.base import subpages
from portal.base.models import RICH_TEXT_FEATURES, BasePage


class HomePage(subpages.Subpages, BasePage):
    """The front page; the municipality's section (`portal.base.subpages.SECTION`): apps
    add their routes below it, as the programmes at `programi/`."""

    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    folded_text_fields = ("title", "intro", "body")
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "communities.CommunityPage",
        "events.EventCalendarPage",
        "news.NewsIndexPage",
        "base.ContentPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    subpage_kind = subpages.SECTION

    def get_context(self, request, *args, **kwargs):
        from portal.base.pagecache import content_version
        from portal.communities.directory import sections
        from portal.communities.models import attach_communities
        from portal.events.models import Occurrence
        from portal.news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [s for s in sections() if s.community.path.startswith(self.path)]
        context["content_version"] = content_version()
        context["latest_news"] = attach_communities(NewsPage.objects.latest_in(self)[:4])
        dates = Occurrence.objects.public().in_section(self).upcoming().for_listing()
        context["upcoming_dates"] = list(dates[:6])
        return context
