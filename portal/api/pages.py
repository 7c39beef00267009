"""Endpoints over the page tree: every public page, and the spaces and news (the KS:
`portal.api.communities`).

Each is a Wagtail v2 pages endpoint narrowed to live pages outside every private section
(`portal.api.visibility`); the fields of a page type are its model's `api_fields`, and
those its endpoint adds (`PageEndpoint.added_fields`).
"""

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.coreutils import resolve_model_string
from wagtail.models import Page, get_page_models

from portal.api import parameters
from portal.api.base import PortalPageSerializer, PublicEndpoint
from portal.api.visibility import public_pages
from portal.news.models import NewsPage
from portal.spaces.models import HoursException, SpacePage
from programmes.models import Theme


class PageEndpoint(PublicEndpoint, PagesAPIViewSet):
    base_serializer_class = PortalPageSerializer
    meta_fields = ["type", "detail_url", "html_url", "slug", "first_published_at"]
    listing_default_fields = ["id", "type", "detail_url", "html_url", "slug", "title"]
    nested_default_fields = ["id", "type", "detail_url", "title"]
    # Fields the endpoint of a page type adds to the model's own `api_fields`: what the API
    # works out from apps above the model's, which the model must not name (a KS's counts).
    # A page of the type shows them wherever it is serialised, in `pages` as well.
    added_fields = []
    _added_fields_by_model = {}

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__dict__.get("added_fields"):
            PageEndpoint._added_fields_by_model[cls.model] = cls.added_fields

    @classmethod
    def get_body_fields(cls, model):
        added = PageEndpoint._added_fields_by_model.get(model, [])
        return [*super().get_body_fields(model), *cls._convert_api_fields(added)]

    @classmethod
    def get_detail_default_fields(cls, model):
        return cls.get_available_fields(model)

    def get_base_queryset(self):
        return public_pages(Page, self.site())

    def get_queryset(self):
        return public_pages(self.model, self.site()).order_by("path")

    def get_object(self):
        if not hasattr(self, "_object"):
            queryset = self.get_queryset().filter(pk=self.kwargs["pk"])
            self._object = self.prepare_detail(queryset).first()
            if self._object is None:
                raise Http404
        return self._object

    def prepare_detail(self, queryset):
        return queryset.specific() if self.model is Page else self.with_related(queryset)

    def with_related(self, queryset):
        return queryset.select_related("image")

    def filter_listing(self, queryset, query):
        return self.with_related(queryset)

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["base_queryset"] = self.get_base_queryset()
        return context


def page_types():
    """The public page types, as `app_label.ModelName` and their names."""
    return [
        (f"{model._meta.app_label}.{model.__name__}", str(model._meta.verbose_name))
        for model in get_page_models()
        if model is not Page and not model._meta.abstract and model.is_creatable
    ]


class PagesEndpoint(PageEndpoint):
    name = "pages"
    model = Page
    api_summary = _("Every public page")
    api_description = _(
        "Every live, public page of the portal in tree order: the home page, the local "
        "communities, spaces, calendars, events, news and other pages. An item's "
        "`detail_url` gives all of its fields."
    )
    listing_default_fields = [*PageEndpoint.listing_default_fields, "first_published_at"]

    @classmethod
    def get_listing_default_fields(cls, model):
        return list(cls.listing_default_fields)

    @classmethod
    def filters(cls):
        return [
            parameters.choice("type", _("Only pages of this type."), page_types),
            parameters.whole_number(
                "child_of", _("Only the pages right under the page with this id."), minimum=1
            ),
            parameters.words("search", _("Words the pages contain (with or without č, š, ž).")),
        ]

    def filter_listing(self, queryset, query):
        if "type" in query:
            queryset = queryset.type(resolve_model_string(query["type"]))
        if "child_of" in query:
            parent = self.get_base_queryset().filter(pk=query["child_of"]).first()
            if parent is None:
                return queryset.none()
            queryset = queryset.child_of(parent)
        if query.get("search"):
            return queryset.search(query["search"], operator="and", order_by_relevance=False)
        return queryset


def in_community(queryset, query):
    section = query.get("community")
    return queryset.filter(path__startswith=section.community.path) if section else queryset


class SpacesEndpoint(PageEndpoint):
    name = "spaces"
    model = SpacePage
    api_summary = _("Community spaces")
    api_description = _(
        "The community spaces (skupnostni prostori) of the local communities: address, "
        "capacity, contacts and the KS they belong to."
    )
    detail_only_fields = ["body"]

    @classmethod
    def filters(cls):
        return [parameters.community()]

    def get_queryset(self):
        # What `opening_hours`, `rooms` and the rest read, for all the listed spaces at once.
        since = timezone.localdate()
        return (
            super()
            .get_queryset()
            .prefetch_related(
                "rooms",
                "weekly_hours",
                Prefetch(
                    "hours_exceptions",
                    queryset=HoursException.objects.filter(date__gte=since).order_by("date"),
                ),
            )
        )

    def filter_listing(self, queryset, query):
        return super().filter_listing(in_community(queryset, query), query)


class NewsEndpoint(PageEndpoint):
    name = "news"
    model = NewsPage
    api_summary = _("News")
    api_description = _(
        "News of the local communities and of the whole municipality, newest first. The "
        "body (its blocks) is in an item's detail."
    )
    detail_only_fields = ["body"]

    @classmethod
    def filters(cls):
        return [
            parameters.community(),
            parameters.choice("theme", _("Only news on this theme."), lambda: Theme.Key.choices),
        ]

    def get_queryset(self):
        return super().get_queryset().order_by("-date", "-first_published_at", "-pk")

    def with_related(self, queryset):
        return super().with_related(queryset).prefetch_related("themes", "tags")

    def filter_listing(self, queryset, query):
        queryset = in_community(queryset, query)
        if "theme" in query:
            queryset = queryset.filter(themes__key=query["theme"])
        return super().filter_listing(queryset, query)
