"""The KS an item belongs to, as the API shows it, and which KS the API shows at all."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from portal.base.serializers import URL, SchemaField, absolute, nullable
from portal.communities.directory import section_for_path, section_of_community, sections_by


def live_community_ids():
    """The ids of the KS whose section is live and public: the content of another KS is
    not shown."""
    return sections_by("community", lambda section: section.community.pk).keys()


def community_link(request, community):
    if community is None:
        return None
    return {
        "id": community.pk,
        "slug": community.slug,
        "title": community.title,
        "html_url": absolute(request, community.get_url(request=request)),
    }


COMMUNITY_SCHEMA = {
    "type": "object",
    "description": _("The local community (KS) it belongs to; null: the whole municipality."),
    "properties": {
        "id": {"type": "integer"},
        "slug": {"type": "string"},
        "title": {"type": "string"},
        "html_url": nullable(URL),
    },
    "required": ["id", "slug", "title", "html_url"],
    "additionalProperties": False,
}


class Community(SchemaField):
    """The KS an item belongs to, from the directory of live KS sections (no query)."""

    openapi_schema = nullable(COMMUNITY_SCHEMA)

    def get_attribute(self, instance):
        if isinstance(instance, Page):  # a page: the live KS section it is in
            section = section_for_path(instance.path)
            return section.community if section else None
        section = section_of_community(instance.community_id)
        return section.community if section else None

    def to_representation(self, community):
        return community_link(self.request, community)
