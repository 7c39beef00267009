"""The municipal portal's home page: the KS sections, latest news, upcoming events."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from portal.base import subpages
from portal.base.models import RICH_TEXT_FEATURES, BasePage
from portal.communities.directory import MUNICIPALITY


class HomePage(subpages.Subpages, BasePage):
    """The root of the municipality's section (`portal.communities.directory`). Apps add
    their routes below it (`portal.base.subpages.SECTION`), as the programmes at
    `programi/`."""

    section_kind = MUNICIPALITY
    subpage_kind = subpages.SECTION
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
