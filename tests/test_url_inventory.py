"""Every URL of the demo portal answers as it did: the same status and content type.

The public site is crawled from "/" (the links of its HTML, the sitemap, the feeds and API
answers it links to), together with the API's endpoints, each space's week view and booking
pages, and the admin pages of bookings and the utilisation report (as the demo's municipal
editor). What each answers is compared with `tests/data/url_inventory.json`, written from the
code as it was: moving code between apps must leave it unchanged. Numbers in a path (ids,
years) are written `<n>`, so the inventory does not depend on the database's ids; of the
URLs that read the same once so written, the first one found stands for them all.

After a deliberate change of the site's URLs, write the inventory anew with
`WRITE_URL_INVENTORY=1 .venv/bin/pytest tests/test_url_inventory.py` and review its diff.
"""

import json
import os
import re
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from portal.bookings.models import BookingRequest
from portal.spaces.models import SpacePage
from tests import builders

INVENTORY = Path(__file__).parent / "data" / "url_inventory.json"
WRITE = os.environ.get("WRITE_URL_INVENTORY") == "1"
# The moment the demo portal is loaded at and read (`demo_portal` in tests/conftest.py).
NOW = builders.DEMO_MOMENT
# What the crawl does not follow: files, and the admin (its pages are listed below).
NOT_CRAWLED = ("/static/", "/media/", "/admin/", "/dokumenti/", "/_util/")
API_ENDPOINTS = [
    "/api/",
    "/api/openapi.json",
    "/api/vticnik/",
    "/embed/events.js",
    *(
        f"/api/v2/{name}/"
        for name in (
            "communities",
            "spaces",
            "programmes",
            "stakeholders",
            "events",
            "news",
            "consultations",
            "pages",
            "images",
            "documents",
        )
    ),
]
OTHER_PUBLIC = [
    "/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/iskanje/",
    "/koledar/vsi-dogodki.ics",
]
# The routes of a space page, and of the home and KS pages, by their names.
SPACE_ROUTES = {
    "space": {},
    "availability": {},
    "booking_form": {},
    "booking_sent": {},
    "booking_cancel": {},
}
SECTION_ROUTES = {"programmes": {}, "programme": {"slug": "primer"}}
NUMBER = re.compile(r"\d+")

pytestmark = pytest.mark.django_db


def normalised(path):
    return NUMBER.sub("<n>", path)


class Links(HTMLParser):
    """The href and src of an HTML page's elements."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def links_of(response, url):
    """The URLs an answer links to, absolute or relative to `url`."""
    content_type = response.get("Content-Type", "")
    text = response.content.decode(errors="replace")
    if "html" in content_type:
        parser = Links()
        parser.feed(text)
        return [urljoin(url, link) for link in parser.found]
    if "xml" in content_type:
        try:
            root = ElementTree.fromstring(response.content)
        except ElementTree.ParseError:
            return []
        found = []
        for element in root.iter():
            if element.tag.endswith("}loc") or element.tag in ("loc", "link"):
                found.append((element.text or "").strip())
            if element.tag.endswith("}link") and element.get("href"):
                found.append(element.get("href"))
        return found
    if "json" in content_type:
        return [value for value in strings_in(json.loads(response.content)) if "/" in value]
    if "calendar" in content_type:
        return re.findall(r"^URL[^:]*:(\S+)", text, flags=re.MULTILINE)
    return []


def strings_in(data):
    if isinstance(data, dict):
        for value in data.values():
            yield from strings_in(value)
    elif isinstance(data, list):
        for value in data:
            yield from strings_in(value)
    elif isinstance(data, str) and (data.startswith("/") or data.startswith("http")):
        yield data


def local_path(url):
    """The path of a link to this site (query and fragment left out), or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in (
        "",
        "testserver",
        "localhost",
    ):
        return None
    if not parts.path.startswith("/"):
        return None
    return parts.path


def answer(response):
    return [response.status_code, response.get("Content-Type", "")]


def crawl(client, starts):
    """{normalised path: [status, content type]} of every page reachable from `starts`."""
    seen = {}
    queue = deque(starts)
    while queue:
        path = queue.popleft()
        key = normalised(path)
        if key in seen:
            continue
        response = client.get(path)
        seen[key] = answer(response)
        if response.status_code != 200:
            continue
        for link in links_of(response, "http://testserver" + path):
            found = local_path(link)
            if found and not found.startswith(NOT_CRAWLED) and normalised(found) not in seen:
                queue.append(found)
    return seen


def public_inventory():
    client = Client()
    starts = [*OTHER_PUBLIC, *API_ENDPOINTS]
    for space in SpacePage.objects.live().order_by("path"):
        for name, kwargs in SPACE_ROUTES.items():
            starts.append(space.url + space.reverse_subpage(name, kwargs=kwargs))
        starts.append(space.url + space.reverse_subpage("availability") + "?teden=2026-W49")
        starts.append(space.url + space.reverse_subpage("booking_cancel") + "?kljuc=x")
    # A programme's page is only under its own KS (or the home page, for the municipality's).
    starts += ["/programi/ni-takega/", "/golnik/programi/delavnice-za-ugotavljanje-potreb/"]
    return crawl(client, starts)


def route_inventory():
    """Where each named route of a space, a KS and the home page is, below the page."""
    from home.models import HomePage
    from portal.communities.models import CommunityPage

    found = {}
    pages = [
        *SpacePage.objects.live().order_by("path")[:1],
        *CommunityPage.objects.live().order_by("path")[:1],
        *HomePage.objects.live()[:1],
    ]
    for page in pages:
        routes = SPACE_ROUTES if isinstance(page, SpacePage) else SECTION_ROUTES
        for name, kwargs in routes.items():
            found[f"{type(page).__name__}:{name}"] = page.reverse_subpage(name, kwargs=kwargs)
    return found


def admin_inventory():
    """The admin pages of booking requests and of the utilisation report, by name."""
    client = Client()
    client.login(username="obcina", password="demo12345")
    booking = BookingRequest.objects.order_by("pk").first()
    prefix = "wagtailsnippets_bookings_bookingrequest"
    urls = {
        "space_utilisation_report": reverse("space_utilisation_report"),
        "space_utilisation_report?export=csv": reverse("space_utilisation_report") + "?export=csv",
        "space_utilisation_report?export=xlsx": reverse("space_utilisation_report")
        + "?export=xlsx",
        f"{prefix}:list": reverse(f"{prefix}:list"),
        f"{prefix}:inspect": reverse(f"{prefix}:inspect", args=[booking.pk]),
        f"{prefix}:edit": reverse(f"{prefix}:edit", args=[booking.pk]),
        "wagtailadmin_home": reverse("wagtailadmin_home"),
    }
    return {name: [normalised(url), *answer(client.get(url))] for name, url in sorted(urls.items())}


def as_json(inventory):
    """One URL a line, so that a change reads as a diff of lines."""
    parts = []
    for section, entries in inventory.items():
        lines = ",\n".join(
            f"  {json.dumps(key, ensure_ascii=False)}: {json.dumps(value, ensure_ascii=False)}"
            for key, value in entries.items()
        )
        parts.append(f" {json.dumps(section)}: {{\n{lines}\n }}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def test_every_url_answers_as_the_inventory_says(demo_portal):
    with time_machine.travel(NOW, tick=False):
        found = {
            "public": dict(sorted(public_inventory().items())),
            "routes": route_inventory(),
            "admin": admin_inventory(),
        }
    if WRITE:
        INVENTORY.parent.mkdir(exist_ok=True)
        INVENTORY.write_text(as_json(found))
    expected = json.loads(INVENTORY.read_text())
    assert found["routes"] == expected["routes"]
    assert found["admin"] == expected["admin"]
    missing = sorted(set(expected["public"]) - set(found["public"]))
    added = sorted(set(found["public"]) - set(expected["public"]))
    changed = {
        path: (expected["public"][path], answer)
        for path, answer in found["public"].items()
        if path in expected["public"] and expected["public"][path] != answer
    }
    assert (missing, added, changed) == ([], [], {})
    assert len(found["public"]) > 100
