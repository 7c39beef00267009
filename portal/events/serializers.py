"""What the API shows of an event's programme (`EventPage.api_fields`, and each date in
the `events` endpoint)."""

from portal.base.serializers import URL, SchemaField, absolute, detail_path, nullable
from portal.communities.serializers import live_community_ids
from programmes import registry


def public_programme(programme):
    """Whether the public site shows this programme: live, of an active type, of the whole
    municipality or of a live KS."""
    return (
        programme.live
        and programme.programme_type in registry.active_keys()
        and (programme.community_id is None or programme.community_id in live_community_ids())
    )


def programme_link(request, router, programme):
    return {
        "id": programme.pk,
        "title": programme.title,
        "html_url": absolute(request, programme.get_url(request=request)),
        "detail_url": absolute(request, detail_path(router, type(programme), programme.pk)),
    }


class ProgrammeLink(SchemaField):
    """The programme an item belongs to (selected with it); null if none or not public."""

    openapi_schema = nullable(
        {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "title": {"type": "string"},
                "html_url": nullable(URL),
                "detail_url": URL,
            },
            "required": ["id", "title", "html_url", "detail_url"],
            "additionalProperties": False,
        }
    )

    def get_attribute(self, instance):
        programme = getattr(instance, self.field_name)
        return programme if programme is not None and public_programme(programme) else None

    def to_representation(self, programme):
        return programme_link(self.request, self.context["router"], programme)
