"""Stakeholders as the API shows them elsewhere: a programme's organisers."""

from django.utils.translation import gettext_lazy as _

from portal.base.serializers import URL, SchemaField, absolute, detail_path
from portal.communities.serializers import live_community_ids


class Organisers(SchemaField):
    """A programme's organisers (prefetched): who they are and where the API has them."""

    openapi_schema = {
        "type": "array",
        "description": _("Who runs it (stakeholders)."),
        "items": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "name": {"type": "string"},
                "detail_url": URL,
            },
            "required": ["id", "name", "detail_url"],
            "additionalProperties": False,
        },
    }

    def get_attribute(self, instance):
        return instance.organisers.all()

    def to_representation(self, organisers):
        router = self.context["router"]
        live = live_community_ids()
        return [
            {
                "id": organiser.pk,
                "name": organiser.name,
                "detail_url": absolute(
                    self.request, detail_path(router, type(organiser), organiser.pk)
                ),
            }
            for organiser in organisers
            if organiser.community_id is None or organiser.community_id in live
        ]
