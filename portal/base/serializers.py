"""API fields every domain uses (addresses, text, numbers, tags, choices, a linked page),
each with its OpenAPI schema.

Models name them in their `api_fields` (`APIField("map_url", serializer=Text())`); the
fields of one domain live in its own app (`portal.communities.serializers`).
`portal.api.openapi` reads `openapi_schema` from each, so a field and its description are
written in one place. Every URL is absolute, on the host the client asked.
"""

from django.urls import get_script_prefix
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from rest_framework.fields import Field, SkipField

from portal.base.privacy import is_public

URL = {"type": "string", "format": "uri"}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


# An id no row has, in the shape of one: where a detail URL's id goes.
PLACEHOLDER_ID = 987654321
# (router, model, script prefix) -> the detail URL path before and after the id.
_detail_paths = {}


def detail_path(router, model, pk):
    """`router.get_object_detail_urlpath(model, pk)`, reversed once a model: a list names
    a detail URL or more an item, and Django's `reverse` is the dearest part of that."""
    key = (id(router), model, get_script_prefix())
    if key not in _detail_paths:
        path = router.get_object_detail_urlpath(model, PLACEHOLDER_ID)
        _detail_paths[key] = path.split(str(PLACEHOLDER_ID), 1) if path else None
    parts = _detail_paths[key]
    return f"{parts[0]}{pk}{parts[1]}" if parts else None


class SchemaField(Field):
    """A read-only field that serialises the whole instance (or an attribute of it)."""

    openapi_schema = {}

    def __init__(self, *args, description=None, **kwargs):
        kwargs["read_only"] = True
        super().__init__(*args, **kwargs)
        if description:
            self.openapi_schema = {**self.openapi_schema, "description": description}

    def get_attribute(self, instance):
        return instance

    @cached_property
    def request(self):
        return self.context["request"]


class DetailUrl(SchemaField):
    """This object's address in the API."""

    openapi_schema = {**URL, "description": _("Its address in the API.")}

    def get_attribute(self, instance):
        path = detail_path(self.context["router"], type(instance), instance.pk)
        if path is None:
            raise SkipField
        return absolute(self.request, path)

    def to_representation(self, value):
        return value


class PageUrl(SchemaField):
    """A page's public address (null if it has none, e.g. outside every site)."""

    openapi_schema = {**nullable(URL), "description": _("Its address on the portal.")}

    def get_attribute(self, instance):
        return absolute(self.request, instance.get_url(request=self.request))

    def to_representation(self, value):
        return value


class ObjectUrl(PageUrl):
    """A snippet's public address (null while it has none)."""


class Text(SchemaField):
    """A property of the instance that is a string."""

    openapi_schema = {"type": "string"}

    def get_attribute(self, instance):
        return str(getattr(instance, self.field_name) or "")

    def to_representation(self, value):
        return value


NUMBER_OR_NULL = nullable({"type": "number"})


class Number(SchemaField):
    """A decimal property as a number (null when not given)."""

    openapi_schema = NUMBER_OR_NULL

    def get_attribute(self, instance):
        value = getattr(instance, self.field_name)
        return None if value is None else float(value)

    def to_representation(self, value):
        return value


class Tags(SchemaField):
    """Tag names (prefetched), in alphabetical order."""

    openapi_schema = {"type": "array", "items": {"type": "string"}}

    def get_attribute(self, instance):
        return getattr(instance, self.field_name).all()

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags)


CHOICE_SCHEMA = {
    "type": "object",
    "properties": {"key": {"type": "string"}, "label": {"type": "string"}},
    "required": ["key", "label"],
    "additionalProperties": False,
}


class Choice(SchemaField):
    """A model field with choices, as its stable key and its (translated) label: the shape
    of the programmes' own `ChoiceField` (`programmes.api`, which imports nothing of the
    portal), for the portal's models."""

    openapi_schema = CHOICE_SCHEMA

    def to_representation(self, instance):
        value = getattr(instance, self.field_name)
        choices = dict(instance._meta.get_field(self.field_name).flatchoices)
        return {"key": value, "label": str(choices.get(value, value))}


def page_link_schema(description):
    return nullable(
        {
            "type": "object",
            "description": description,
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


class PageLink(SchemaField):
    """A related page (selected with its parent): id, title and its two addresses; null
    when there is none or it is not public."""

    openapi_schema = page_link_schema("A related page.")

    def get_attribute(self, instance):
        page = getattr(instance, self.field_name)
        return page if page is not None and is_public(page) else None

    def to_representation(self, page):
        router = self.context["router"]
        return {
            "id": page.pk,
            "title": page.title,
            "html_url": absolute(self.request, page.get_url(request=self.request)),
            "detail_url": absolute(self.request, detail_path(router, type(page), page.pk)),
        }
