"""News items of a KS, and of the municipality across all KS; their index is
`portal.news.models`."""

from django import forms
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.base.caching import kept
from portal.base.models import BasePage
from portal.base.privacy import public
from portal.base.serializers import Tags
from portal.communities.models import CommunityOwned
from portal.communities.serializers import Community
from portal.news.blocks import NewsBodyBlock
from portal.news.directory import section_feeds
from programmes.api import TermsField


class NewsQuerySet(PageQuerySet):
    def latest_in(self, page):
        """Live, public news anywhere under `page`, newest first."""
        return self.latest_in_path(page.path)

    def latest_in_path(self, tree_path):
        """Live, public news under the page with this tree path, newest first; no query
        for the page itself."""
        return (
            public(self.live())
            .filter(path__startswith=tree_path)
            .select_related("image")
            .order_by("-date", "-first_published_at", "-pk")
        )


class NewsPageTag(TaggedItemBase):
    """A tag on a news item (Wagtail's tags, shared by every news item)."""

    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(CommunityOwned, BasePage):
    count_label = ngettext_lazy("%(count)s news item", "%(count)s news items", "count")
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        help_text=_("Shown with the news item; the lists are ordered by it."),
    )
    body = StreamField(NewsBodyBlock(), verbose_name=_("body"), blank=True)
    themes = ParentalManyToManyField(
        "programmes.Theme", verbose_name=_("themes"), blank=True, related_name="news"
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        verbose_name=_("tags"),
        blank=True,
        help_text=_("A few words residents may look for, e.g. repair café, garden."),
    )

    folded_text_fields = ("title", "intro", "body_text")
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("intro"), FieldPanel("image")],
            heading=_("Date, lead text and image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")],
            heading=_("Themes and tags"),
            help_text=_("Residents filter the news by them."),
        ),
    ]

    api_fields = [
        APIField("date"),
        APIField("intro"),
        APIField("body"),
        APIField("community", serializer=Community()),
        APIField("themes", serializer=TermsField()),
        APIField("tags", serializer=Tags()),
        APIField("image"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    objects = PageManager.from_queryset(NewsQuerySet)()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        # Newest first: the database walks this index back from the latest date and stops
        # at a page of news, instead of sorting every news item of the municipality.
        indexes = [models.Index(fields=["date"], name="news_date")]

    @property
    def body_text(self):
        """The words of the body (text, quotes, captions), for the folded search text."""
        return " ".join(self.body.stream_block.get_searchable_content(self.body))

    def neighbours(self):
        """(title, URL) of the news item just newer and the one just older than this one
        in its index, or None: each item links on to the next, so every one is a link
        away however deep it sits in the listing's pages. Read once a content version."""
        if self.pk is None:  # the preview of a new item
            return None, None

        def build():
            siblings = NewsPage.objects.latest_in_path(self.path[: -self.steplen])
            siblings = siblings.exclude(pk=self.pk)
            same_day = Q(date=self.date)
            newer = siblings.filter(Q(date__gt=self.date) | same_day & Q(pk__gt=self.pk))
            older = siblings.filter(Q(date__lt=self.date) | same_day & Q(pk__lt=self.pk))
            found = (newer.order_by("date", "pk").first(), older.order_by("-date", "-pk").first())
            return tuple(item and (item.title, item.get_url()) for item in found)

        return kept("news-neighbours", build, key=self.pk)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["newer"], context["older"] = self.neighbours()
        feeds = section_feeds(self)  # a draft KS (in a preview) is not in the directory
        context["index_url"] = feeds.url if feeds else self.get_parent().url
        context["themes"] = list(self.themes.all())
        context["tags"] = list(self.tags.all())
        return context
