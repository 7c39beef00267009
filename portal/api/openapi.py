"""The OpenAPI 3.1 description of the API, made from the endpoints themselves.

Parameters come from each endpoint's declared parameters (the same objects that parse
them), response fields from the serializers the endpoints use: a field is described by
its `openapi_schema` or by the kind of model field it serialises, so the description
cannot drift from the answers. The contract tests (schemathesis) hold the two together.
Every answer says how it may be kept and revalidated (`portal.api.http`): its headers and
the 304 are described too, so a generated client reads a revalidation without error.
"""

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import fields as drf
from wagtail.api.v2 import serializers as wagtail_serializers

from portal.api.base import MAX_ID
from portal.api.router import ENDPOINTS, api_router
from portal.base.serializers import nullable

API_VERSION = "2"
BASE_PATH = "/api/v2"

ERROR = {
    "type": "object",
    "properties": {
        "message": {"type": "string", "description": gettext_lazy("What went wrong.")},
        "parameter": {
            "type": "string",
            "description": gettext_lazy("The query parameter at fault."),
        },
    },
    "required": ["message"],
    "additionalProperties": False,
}


# The project's licence (LICENSE), as an SPDX identifier.
LICENSE = {"name": "BSD 3-Clause License", "identifier": "BSD-3-Clause"}


def caching_headers():
    """The headers of every answer that may be kept (`portal.api.http`)."""
    return {
        "ETag": {
            "description": _(
                "The version of the answer: send it back in `If-None-Match` to get a 304 "
                "while it has not changed."
            ),
            "required": True,
            "schema": {"type": "string"},
        },
        "Last-Modified": {
            "description": _(
                "When the answer was first given in this version (an HTTP date): send it "
                "back in `If-Modified-Since` to get a 304 while it has not changed."
            ),
            "required": True,
            "schema": {"type": "string"},
        },
        "Cache-Control": {
            "description": _("How long a client or a cache may keep the answer unasked."),
            "required": True,
            "schema": {"type": "string"},
        },
    }


def kept(response):
    """`response` with the headers of an answer that may be kept."""
    return {**response, "headers": caching_headers()}


def not_modified():
    return kept(
        {
            "description": _(
                "Not changed since the copy the client has (its ETag in `If-None-Match` or "
                "its date in `If-Modified-Since`): no body, use that copy."
            )
        }
    )


def description():
    paths = {}
    schemas = {"Error": ERROR}
    for name, endpoint in ENDPOINTS.items():
        listing_item, detail_item = item_schemas(name, endpoint, api_router)
        item_name = schema_name(name)
        schemas[f"{item_name}ListItem"] = listing_item
        paths[f"{BASE_PATH}/{name}/"] = {"get": listing_operation(name, endpoint, item_name)}
        if detail_item is not None:
            schemas[f"{item_name}Detail"] = detail_item
            paths[f"{BASE_PATH}/{name}/{{id}}/"] = {
                "get": detail_operation(name, endpoint, item_name)
            }
        for resource in endpoint.item_resources:
            resource_name = item_name + schema_name(resource["name"])
            schemas[resource_name] = resource["schema"]
            paths[f"{BASE_PATH}/{name}/{{id}}/{resource['path']}"] = {
                "get": resource_operation(name, resource, resource_name)
            }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": _("API of the local communities of the Municipality of Kranj"),
            "version": API_VERSION,
            "description": _(
                "Live, public content of the portal as JSON: the local communities (KS), "
                "their spaces, programmes, stakeholders, event dates and news, and every "
                "public page, image and document. Lists take `limit` and `offset` and say "
                "`meta.total_count`; a parameter the API cannot use gets a 400 that names "
                "it. Answers carry an ETag and may be kept for a minute."
            )
            + "\n\n"
            + _(
                "A parameter given more than once is a 400 that names it too. Ask again "
                "with the ETag (`If-None-Match`) or the date (`If-Modified-Since`) of the "
                "copy you have: an answer that has not changed is a 304 without a body."
            ),
            "license": LICENSE,
        },
        "servers": [{"url": "/", "description": _("This portal, where the description is.")}],
        "paths": paths,
        "components": {"schemas": schemas},
    }


def schema_name(endpoint_name):
    return "".join(part.capitalize() for part in endpoint_name.split("_"))


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def json_content(schema):
    return {"application/json": {"schema": schema}}


def listing_operation(name, endpoint, item_name):
    return {
        "operationId": f"list_{name}",
        "summary": str(endpoint.api_summary),
        "description": str(endpoint.api_description),
        "tags": [name],
        "parameters": [
            {
                "name": parameter.name,
                "in": "query",
                "required": False,
                "description": str(parameter.description),
                "schema": parameter.openapi_schema(),
            }
            for parameter in endpoint.listing_parameters().values()
        ],
        "responses": {
            "200": kept(
                {
                    "description": _("A page of the list."),
                    "content": json_content(listing_schema(item_name)),
                }
            ),
            "304": not_modified(),
            "400": {
                "description": _("A parameter the API cannot use; `parameter` names it."),
                "content": json_content(ref("Error")),
            },
        },
    }


def listing_schema(item_name):
    return {
        "type": "object",
        "properties": {
            "meta": {
                "type": "object",
                "properties": {
                    "total_count": {
                        "type": "integer",
                        "minimum": 0,
                        "description": _("How many items the whole list has."),
                    }
                },
                "required": ["total_count"],
                "additionalProperties": False,
            },
            "items": {"type": "array", "items": ref(f"{item_name}ListItem")},
        },
        "required": ["meta", "items"],
        "additionalProperties": False,
    }


def detail_operation(name, endpoint, item_name):
    return item_operation(
        f"get_{name}",
        name,
        str(endpoint.api_summary),
        _("The item."),
        ref(f"{item_name}Detail"),
        _("There is no such item, or it is not public."),
    )


def resource_operation(name, resource, schema):
    """A further address of an item (`PublicEndpoint.item_resources`)."""
    operation = item_operation(
        f"get_{name}_{resource['name']}",
        name,
        str(resource["summary"]),
        str(resource["summary"]),
        ref(schema),
        str(resource["not_found"]),
    )
    return {**operation, "description": str(resource["description"])}


def item_operation(operation_id, tag, summary, found, schema, not_found):
    return {
        "operationId": operation_id,
        "summary": summary,
        "tags": [tag],
        "parameters": [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "description": _("The item's id."),
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
            }
        ],
        "responses": {
            "200": kept({"description": found, "content": json_content(schema)}),
            "304": not_modified(),
            "400": {
                "description": _("This address takes no parameters."),
                "content": json_content(ref("Error")),
            },
            "404": {"description": not_found, "content": json_content(ref("Error"))},
        },
    }


# --- Items, from the serializers -------------------------------------------------------------


def item_schemas(name, endpoint, router):
    """The schemas of a listing's item and of a detail (None without a detail view)."""
    if hasattr(endpoint, "item_schema"):
        return endpoint.item_schema(), None
    model = endpoint.model
    listing = serializer_schema(endpoint._get_serializer_class(router, model, []))
    detail = serializer_schema(
        endpoint._get_serializer_class(router, model, [], show_details=True),
        # A page's detail has the fields of its own type besides these.
        closed=name != "pages",
    )
    return listing, detail


def serializer_schema(serializer_class, closed=True):
    serializer = serializer_class()
    model = serializer_class.Meta.model
    properties, meta = {}, {}
    for name, field in serializer.fields.items():
        target = meta if name in serializer_class.meta_fields else properties
        target[name] = with_description(field_schema(field), model, name)
    if meta:
        properties = {
            **({"id": properties.pop("id")} if "id" in properties else {}),
            "meta": {
                "type": "object",
                "properties": meta,
                "required": list(meta),
                "additionalProperties": False,
            },
            **properties,
        }
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": not closed,
    }


def with_description(schema, model, name):
    if "description" in schema:
        return schema
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return schema
    label = getattr(field, "verbose_name", "")
    return {**schema, "description": capfirst(str(label))} if label else schema


STREAM_ITEM = {
    "type": "object",
    "properties": {"type": {"type": "string"}, "value": {}, "id": {"type": "string"}},
    "required": ["type", "value"],
}

# Wagtail's and Django REST framework's fields, by the JSON they give.
KINDS = [
    (
        (wagtail_serializers.TypeField, wagtail_serializers.PageTypeField),
        {"type": "string", "description": gettext_lazy("Its kind: app_label.ModelName.")},
    ),
    (wagtail_serializers.PageHtmlUrlField, nullable({"type": "string"})),
    (wagtail_serializers.StreamField, {"type": "array", "items": STREAM_ITEM}),
    (wagtail_serializers.TagsField, {"type": "array", "items": {"type": "string"}}),
    (drf.BooleanField, {"type": "boolean"}),
    (drf.IntegerField, {"type": "integer"}),
    (drf.FloatField, {"type": "number"}),
    (drf.DateTimeField, {"type": "string", "format": "date-time"}),
    (drf.DateField, {"type": "string", "format": "date"}),
    ((drf.CharField, drf.ChoiceField), {"type": "string"}),
]


def field_schema(field):
    schema = getattr(field, "openapi_schema", None)
    if schema is None:
        if isinstance(field, wagtail_serializers.RelatedField):
            schema = serializer_schema(field.serializer_class)
        elif isinstance(field, wagtail_serializers.ChildRelationField):
            schema = {"type": "array", "items": serializer_schema(field.serializer_class)}
        else:
            schema = next((kind for types, kind in KINDS if isinstance(field, types)), None)
    if schema is None:
        raise ImproperlyConfigured(
            f"The API field {field.field_name!r} ({type(field).__name__}) has no OpenAPI "
            "schema: give its serializer an `openapi_schema`."
        )
    if getattr(field, "allow_null", False) and schema.get("anyOf", [{}])[-1] != {"type": "null"}:
        schema = nullable(schema)
    return dict(schema)
