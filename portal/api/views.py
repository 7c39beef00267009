"""The OpenAPI description as JSON, and the API's page for people who read it."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from portal.api.openapi import description


@require_safe
def openapi_json(request):
    return JsonResponse(description(), json_dumps_params={"ensure_ascii": False, "indent": 2})


@require_safe
def documentation(request):
    """The endpoints, their parameters and their fields, written out from the description."""
    spec = description()
    return render(
        request,
        "api/documentation.html",
        {
            "info": spec["info"],
            "endpoints": endpoint_docs(spec),
            "openapi_url": request.build_absolute_uri("/api/openapi.json"),
            "base_url": request.build_absolute_uri("/api/v2/"),
        },
    )


def endpoint_docs(spec):
    schemas = spec["components"]["schemas"]
    docs = []
    for path, item in spec["paths"].items():
        operation = item["get"]
        name = operation["tags"][0]
        if operation["operationId"].startswith(f"get_{name}_"):  # a further address of an item
            docs[-1]["resources"].append(
                {
                    "summary": operation["summary"],
                    "description": operation["description"],
                    "path": path,
                    "fields": fields_of(resolve(schemas, operation, "200")),
                }
            )
            continue
        if operation["operationId"] == f"get_{name}":
            docs[-1]["detail_path"] = path
            listed = {field["name"] for field in docs[-1]["fields"]}
            docs[-1]["detail_only_fields"] = [
                field
                for field in fields_of(resolve(schemas, operation, "200"))
                if field["name"] not in listed
            ]
            continue
        listing = resolve(schemas, operation, "200")
        docs.append(
            {
                "name": name,
                "summary": operation["summary"],
                "description": operation["description"],
                "path": path,
                "parameters": [
                    {
                        "name": parameter["name"],
                        "kind": kind(parameter["schema"]),
                        "values": non_null(parameter["schema"]).get("enum", []),
                        "description": parameter["description"],
                    }
                    for parameter in operation["parameters"]
                ],
                "fields": fields_of(deref(schemas, listing["properties"]["items"]["items"])),
                "detail_path": None,
                "detail_only_fields": [],
                "resources": [],
            }
        )
    return docs


def resolve(schemas, operation, status):
    return deref(schemas, operation["responses"][status]["content"]["application/json"]["schema"])


def deref(schemas, schema):
    if "$ref" in schema:
        return schemas[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def fields_of(schema, prefix=""):
    """(name, kind, description) of each property, those of `meta` and nested objects
    written with dots."""
    rows = []
    for name, prop in schema.get("properties", {}).items():
        rows.append(
            {"name": prefix + name, "kind": kind(prop), "description": prop.get("description", "")}
        )
        inner = non_null(prop)
        if inner.get("type") == "object" and inner.get("properties"):
            rows += fields_of(inner, f"{prefix}{name}.")
    return rows


def non_null(schema):
    options = [s for s in schema.get("anyOf", [schema]) if s != {"type": "null"}]
    return options[0] if len(options) == 1 else schema


def kind(schema):
    """A short word for a schema: string, integer, date-time, one of …, array of …."""
    nullable_ = any(s == {"type": "null"} for s in schema.get("anyOf", []))
    schema = non_null(schema)
    if "anyOf" in schema:
        text = " | ".join(kind(s) for s in schema["anyOf"])
    elif "enum" in schema:
        text = "enum"
    elif schema.get("type") == "array":
        text = f"array[{kind(schema.get('items', {}))}]"
    elif isinstance(schema.get("type"), list):
        types = [t for t in schema["type"] if t != "null"]
        nullable_ = nullable_ or "null" in schema["type"]
        text = " | ".join(types)
    else:
        text = schema.get("format") or schema.get("type") or "any"
    return f"{text} | null" if nullable_ else text
