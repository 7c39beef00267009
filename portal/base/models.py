"""What every public page type shares: a lead text, an image, folded search text."""

import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from portal.base.caching import kept
from portal.base.privacy import needs_restriction_check
from portal.base.routing import OneQueryRouting
from portal.base.sites import public_root_url
from portal.base.text import fold

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "image",
    "embed",
    "hr",
]


class BasePage(OneQueryRouting, Page):
    """A public page with a short lead text and an optional image.

    `folded_search_text` indexes an accent-free copy of the page's text: PostgreSQL's
    full-text search keeps diacritics, and residents often type without them. A URL
    finds its page in one query for the whole path (`portal.base.routing`).

    Its admin form keeps an editor to what they may choose: the KS boundary sets it
    (`portal.communities.forms.BoundedPageForm`) when that app is ready.
    """

    intro = models.TextField(
        _("lead text"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown at the top of the page and on cards."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_(
            "By this date someone should read the page again and correct it. Publishing "
            "sets it for a page type that is reviewed (PAGE_REVIEW_MONTHS) when it is "
            "empty or past; you can set another date."
        ),
    )

    folded_text_fields = ("title", "intro")

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("folded_search_text"),
        # What `portal.base.matching` finds: every word, the last as a beginning too.
        index.AutocompleteField("folded_search_text"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
    ]
    settings_panels = [*Page.settings_panels, FieldPanel("review_by")]

    class Meta:
        abstract = True

    def folded_search_text(self):
        return " ".join(fold(getattr(self, name, "")) for name in self.folded_text_fields)

    def get_full_url(self, request=None):
        """The page's address on the public origin (`portal.base.sites`, decision 0031),
        not the Site record's: the sitemap, feeds, JSON-LD and e-mails link through it."""
        parts = self.get_url_parts(request=request)
        if parts is None or parts[2] is None:
            return None
        site_id, root_url, page_path = parts
        return public_root_url(site_id, root_url, request) + page_path

    full_url = property(get_full_url)

    def get_view_restrictions(self):
        """Wagtail asks on every page served; most pages are in no private section, and
        that is known without a query (`portal.base.privacy`)."""
        if needs_restriction_check(self):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


class ContentPage(BasePage):
    """A plain page of text: about the project, privacy notice, house rules."""

    body = RichTextField(_("body"), blank=True, features=RICH_TEXT_FEATURES)

    folded_text_fields = ("title", "intro", "body")
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [*BasePage.content_panels, FieldPanel("body")]

    parent_page_types = ["home.HomePage", "communities.CommunityPage", "base.ContentPage"]
    subpage_types = ["base.ContentPage"]
    # A new page under the home page is linked from it unless its editor unticks "show in
    # menus" (`portal_tags.menu_pages`).
    show_in_menus_default = True

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs the portal: shown in the footer of every page."""

    organisation = models.CharField(
        _("organisation"), max_length=200, default="Mestna občina Kranj"
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    select_related = ["privacy_page", "accessibility_page"]

    @classmethod
    def for_site(cls, site):
        """Read once per content version in each process: every page's footer needs it,
        and saving the settings renews the version (`portal.base.apps`)."""
        if site is None:
            return super().for_site(site)
        found = kept("site-settings", lambda: super(SiteSettings, cls).for_site(site), site.pk)
        return copy.copy(found)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("address"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Footer links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")


class ContentVersion(models.Model):
    """The content version of public pages (`portal.base.pagecache`), one row: renewed in
    the same transaction as every change to public content, so no change can be lost
    when the shared cache, which keeps a copy of it, misses a write."""

    value = models.CharField(max_length=32)

    class Meta:
        verbose_name = _("content version")

    def __str__(self):
        return self.value
