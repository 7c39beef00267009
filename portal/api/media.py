"""Images and documents, as Wagtail's own endpoints serve them, with two differences: a
collection that has a view restriction is left out for every caller (the answer is the
same for all, so it can be cached), and the download address is absolute."""

from django.utils.translation import gettext_lazy as _
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.documents.models import AbstractDocument
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from portal.api import parameters
from portal.api.base import PublicEndpoint
from portal.base.serializers import URL, DetailUrl, SchemaField, Tags, absolute
from portal.media.privacy import restricted_collection_ids


class DownloadUrl(SchemaField):
    openapi_schema = URL

    def to_representation(self, item):
        # A document is served through the portal (which checks its collection), an image
        # straight from the media storage (an absolute URL already on a CDN).
        url = item.url if isinstance(item, AbstractDocument) else item.file.url
        return absolute(self.request, url)


class PortalImageSerializer(ImageSerializer):
    detail_url = DetailUrl()
    download_url = DownloadUrl()
    tags = Tags()


class PortalDocumentSerializer(DocumentSerializer):
    detail_url = DetailUrl()
    download_url = DownloadUrl()
    tags = Tags()


class MediaEndpoint(PublicEndpoint):
    @classmethod
    def filters(cls):
        return [parameters.words("search", _("Words in the title (with or without č, š, ž)."))]

    @classmethod
    def get_listing_default_fields(cls, model):
        return list(cls.listing_default_fields)

    def get_queryset(self):
        return (
            self.model.objects.exclude(collection__in=restricted_collection_ids())
            .prefetch_related("tags")
            .order_by("-created_at", "-pk")
        )

    def filter_listing(self, queryset, query):
        if query.get("search"):
            # The best matches first (their order by date is not in the search index).
            return queryset.search(query["search"], operator="and")
        return queryset


class ImagesEndpoint(MediaEndpoint, ImagesAPIViewSet):
    base_serializer_class = PortalImageSerializer
    api_summary = _("Images")
    api_description = _("The images of the portal's public collections, with their file's address.")


class DocumentsEndpoint(MediaEndpoint, DocumentsAPIViewSet):
    base_serializer_class = PortalDocumentSerializer
    api_summary = _("Documents")
    api_description = _(
        "The documents of the portal's public collections, with their file's address."
    )
