"""Every public page is reachable by links from the home page, as a resident finds it.

A crawl of the demo portal with Django's test client starts at "/" and follows the
`<a href>` links of its HTML pages to this site. It follows links without a query string
only: the filters of the calendars and news, the later pages of a listing and the weeks of
a space's availability are all ways through the same pages, and would make the crawl
endless. For the same reason it leaves out the month grids of the calendars (one link
leads to the next month, and on). Every page in /sitemap.xml must be among those reached
(compared by path: the host in <loc> is the site's own).
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

import pytest
import time_machine
from django.test import Client

from tests import builders

pytestmark = pytest.mark.django_db

# Not pages a resident reads: the admin, files, and the calendars' month grids.
NOT_FOLLOWED = ("/admin/", "/static/", "/media/", "/dokumenti/", "/_util/")
MONTH_GRID = "/mesec/"
# A bound the demo portal is far below: a crawl that reaches it has found an endless path.
MOST_PAGES = 1000


class Anchors(HTMLParser):
    """The href of every <a> of an HTML page."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") if tag == "a" else None
        if href:
            self.hrefs.append(href)


def linked_paths(response, path):
    """The paths of this site that an HTML answer at `path` links to, without a query."""
    parser = Anchors()
    parser.feed(response.content.decode())
    for href in parser.hrefs:
        url = urlsplit(urljoin(f"http://testserver{path}", href))
        if url.scheme not in ("http", "https") or url.netloc not in ("testserver", "localhost"):
            continue
        if url.query or url.path.startswith(NOT_FOLLOWED) or MONTH_GRID in url.path:
            continue
        yield url.path


def crawl(client, start="/"):
    """{path: status} of every page reached by links from `start`."""
    reached = {}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        if path in reached:
            continue
        assert len(reached) < MOST_PAGES, "The crawl does not end: an endless path of links?"
        response = client.get(path)
        reached[path] = response.status_code
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(found for found in linked_paths(response, path) if found not in reached)
    return reached


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)
    return {urlsplit(loc.text.strip()).path for loc in root.iter() if loc.tag.endswith("}loc")}


def test_every_page_in_the_sitemap_is_reached_by_links_from_the_home_page(demo_portal):
    with time_machine.travel(builders.DEMO_MOMENT, tick=False):
        client = Client()
        in_sitemap = sitemap_paths(client)
        reached = crawl(client)
    assert len(in_sitemap) > 50
    assert sorted(in_sitemap - set(reached)) == []
    broken = {path: status for path, status in reached.items() if status >= 400}
    assert broken == {}


def test_the_home_page_links_all_events_all_news_and_the_pages_about_the_portal(
    demo_portal, client
):
    from portal.base.models import ContentPage

    # The demo's municipal calendar and news, and its page about the project; a page kept
    # out of menus stays off the home page.
    hidden = builders.publish(
        builders.home_page(),
        ContentPage(title="Skrita stran", slug="skrita", show_in_menus=False),
    )
    html = client.get("/").content.decode()
    assert '<a class="more-link" href="/dogodki/">Vsi dogodki v občini</a>' in html
    assert '<a class="more-link" href="/novice/">Vse novice</a>' in html
    assert '<a class="more-link" href="/o-projektu/">O projektu skupnostnih prostorov</a>' in html
    assert hidden.url not in html
