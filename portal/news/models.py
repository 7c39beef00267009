"""News of a KS, and of the municipality across all KS."""

from django import forms
from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.base.caching import kept
from portal.base.models import BasePage
from portal.base.pagination import paginate
from portal.base.privacy import public
from portal.base.serializers import Tags
from portal.communities.directory import NEWS, Provisioned
from portal.communities.models import CommunityOwned, SectionIndex, attach_communities
from portal.communities.serializers import Community
from portal.news.blocks import NewsBodyBlock
from portal.news.directory import ATOM_ROUTE, RSS_ROUTE, feeds_for, tags_in
from programmes.api import TermsField


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

    @path("rss/", name=RSS_ROUTE)
    def rss_feed(self, request):
        from portal.news.feeds import NewsRssFeed

        return NewsRssFeed()(request, index=self)

    @path("atom/", name=ATOM_ROUTE)
    def atom_feed(self, request):
        from portal.news.feeds import NewsAtomFeed

        return NewsAtomFeed()(request, index=self)

    def get_context(self, request, *args, **kwargs):
        from portal.news.filters import NewsFilterForm

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
        feeds = feeds_for(self)  # a draft KS (in a preview) is not in the directory
        context["index_url"] = feeds.url if feeds else self.get_parent().url
        context["themes"] = list(self.themes.all())
        context["tags"] = list(self.tags.all())
        return context
