"""What every endpoint of the API shares: anonymous and read-only, parameters declared and
checked (`portal.api.parameters`), `limit`/`offset` pagination with a total count, and
errors as JSON in Slovenian: `{"message": ..., "parameter": ...}`."""

from collections import OrderedDict

from django.http import Http404
from django.urls import path, register_converter
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.pagination import BasePagination
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.serializers import BaseSerializer, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Site

from portal.api import parameters
from portal.api.parameters import BadParameter, parse_query
from portal.base.caching import kept_many
from portal.base.serializers import DetailUrl, PageUrl

# An id in a URL: at most nine digits, so an absurd number is a 404, never an integer the
# database cannot hold.
MAX_ID = 999_999_999


class IdConverter:
    regex = "[1-9][0-9]{0,8}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "api_id")


class Pagination(BasePagination):
    """`limit` and `offset` as the endpoint parsed them; the total count in `meta`."""

    def paginate_queryset(self, queryset, request, view=None):
        limit = view.query.get("limit", parameters.default_limit())
        offset = view.query.get("offset", 0)
        self.total_count = queryset.count()
        if offset >= self.total_count or limit == 0:
            return []
        return list(queryset[offset : offset + limit])

    def get_paginated_response(self, data):
        return Response(
            OrderedDict(
                [("meta", OrderedDict([("total_count", self.total_count)])), ("items", data)]
            )
        )


class PortalSerializer(BaseSerializer):
    detail_url = DetailUrl()


class PortalPageSerializer(PageSerializer):
    detail_url = DetailUrl()
    html_url = PageUrl()


class PublicEndpoint:
    """Mixed in front of a Wagtail v2 endpoint (`BaseAPIViewSet` or `PagesAPIViewSet`)."""

    authentication_classes = []
    permission_classes = []
    renderer_classes = [JSONRenderer]
    pagination_class = Pagination
    # For the OpenAPI description and the API's own page. (Not `name` or `description`:
    # Django REST framework's `as_view` sets those to None on the class.)
    api_summary = ""
    api_description = ""
    # Further addresses of an item (`{id}/<path>`), each a dict: name, path, summary,
    # description, the OpenAPI schema of its answer and the meaning of its 404.
    item_resources = []
    # Fields shown only by the detail view (long texts whose links cost queries to expand).
    detail_only_fields = []
    # Keep each item of a listing, serialised, per content version (`kept_items`): for
    # endpoints whose items are the same whatever the listing's parameters, so a listing
    # reads its ids alone and only the rows of items no listing has shown since a publish.
    keeps_items = False

    @classmethod
    def filters(cls):
        """The listing's own parameters (Parameter objects), besides `limit` and `offset`."""
        return []

    @classmethod
    def listing_parameters(cls):
        return {p.name: p for p in [parameters.limit(), parameters.offset(), *cls.filters()]}

    @classmethod
    def get_urlpatterns(cls):
        # The listing and one item; no `find/` (a redirect by Wagtail's own query syntax).
        return [
            path("", cls.as_view({"get": "listing_view"}), name="listing"),
            path("<api_id:pk>/", cls.as_view({"get": "detail_view"}), name="detail"),
        ]

    @classmethod
    def get_listing_default_fields(cls, model):
        """A listing shows every field but the long ones: clients need no `fields` syntax."""
        return [
            name for name in cls.get_available_fields(model) if name not in cls.detail_only_fields
        ]

    def get_renderer_context(self):
        # Wagtail pretty-prints with an indent of 4, which takes Python's slow JSON
        # encoder and a third more bytes; compact JSON by default (a client may still ask
        # for `Accept: application/json; indent=4`).
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def site(self):
        return Site.find_for_request(self.request)

    def listing_view(self, request):
        self.query = parse_query(request.GET, self.listing_parameters())
        queryset = self.filter_listing(self.get_queryset(), self.query)
        if not self.keeps_items:
            items = self.prepare(self.paginate_queryset(queryset))
            return self.get_paginated_response(self.get_serializer(items, many=True).data)
        ids = self.paginate_queryset(queryset.prefetch_related(None).values_list("pk", flat=True))
        return self.get_paginated_response(self.kept_items(queryset, ids))

    def kept_items(self, queryset, ids):
        """The serialised items with these ids, each kept per content version and address
        (links are absolute): only those not kept are read and serialised."""

        def build(missing):
            rows = {row.pk: row for row in self.prepare(list(queryset.filter(pk__in=missing)))}
            items = [rows[pk] for pk in missing]
            return self.get_serializer(items, many=True).data

        address = f"{self.request.scheme}://{self.request.get_host()}"
        return kept_many(f"api-item:{self.model._meta.label_lower}:{address}", ids, build)

    def detail_view(self, request, pk):
        self.query = parse_query(request.GET, {})
        instance = self.prepare([self.get_object()])[0]
        return Response(self.get_serializer(instance).data)

    def filter_listing(self, queryset, query):
        """`queryset` narrowed by the parsed `query`."""
        return queryset

    def prepare(self, items):
        """The items of one page, ready to serialise (values worked out for all at once)."""
        return items

    def handle_exception(self, exc):
        if isinstance(exc, BadParameter):
            data = {"message": exc.message, "parameter": exc.parameter}
            return Response(data, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, Http404):
            return Response({"message": not_found_message()}, status=status.HTTP_404_NOT_FOUND)
        if isinstance(exc, BadRequestError):
            return Response({"message": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        if isinstance(exc, APIException):
            if exc.status_code == status.HTTP_404_NOT_FOUND:
                message = not_found_message()
            else:
                message = str(exc.detail)
            response = Response({"message": message}, status=exc.status_code)
            return response
        return super().handle_exception(exc)


def not_found_message():
    return _("There is no such item, or it is not public.")
