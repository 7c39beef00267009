"""Links the portal writes begin with its public origin (decision 0031): PORTAL_BASE_URL
where it is set (production), else the host a request asked for (development); calendar
UIDs never depend on either; the default Site follows PORTAL_BASE_URL on `migrate`, and
the deploy check refuses one that does not."""

import io
import json
import re

import feedparser
import icalendar
import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse
from wagtail.models import Site

from portal.events import feeds
from tests import builders

pytestmark = pytest.mark.django_db

ORIGIN = "https://ks.kranj.si"
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture
def event(calendar):
    return builders.event(calendar, "Popravljalnica", start=builders.at(3))


@pytest.fixture
def space(golnik):
    return builders.space(golnik, "Dom krajanov Golnik")


def sitemap_locations(client, host):
    response = client.get("/sitemap.xml", HTTP_HOST=host)
    assert response.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def calendar_events(client, host):
    response = client.get(reverse("events:ics-municipality"), HTTP_HOST=host)
    assert response.status_code == 200
    return icalendar.Calendar.from_ical(response.content).walk("VEVENT")


def json_ld_url(client, page, host):
    """The `url` of the page's own thing (the event, the place), not of its breadcrumbs."""
    html = client.get(page.url, HTTP_HOST=host).content.decode()
    things = [json.loads(block) for block in JSON_LD.findall(html)]
    (thing,) = [thing for thing in things if thing.get("@type") != "BreadcrumbList"]
    return thing["url"]


def test_in_development_the_sitemap_links_the_host_that_was_asked(client, event):
    locations = sitemap_locations(client, "127.0.0.1:8801")
    assert "http://127.0.0.1:8801/golnik/dogodki/popravljalnica/" in locations
    assert all(url.startswith("http://127.0.0.1:8801/") for url in locations)


def test_with_a_public_origin_the_sitemap_links_it_whatever_host_was_asked(client, event, settings):
    settings.PORTAL_BASE_URL = ORIGIN
    for host in ("localhost", "127.0.0.1:8801"):
        locations = sitemap_locations(client, host)
        assert f"{ORIGIN}/golnik/dogodki/popravljalnica/" in locations
        # The programme listings a KS page adds (`portal.base.subpages`) too.
        assert f"{ORIGIN}/golnik/programi/" in locations
        assert all(url.startswith(f"{ORIGIN}/") for url in locations), locations


def test_robots_txt_names_the_sitemap_on_the_public_origin(client, settings):
    asked = client.get("/robots.txt", HTTP_HOST="127.0.0.1:8801").content.decode()
    assert "Sitemap: http://127.0.0.1:8801/sitemap.xml" in asked
    settings.PORTAL_BASE_URL = ORIGIN
    configured = client.get("/robots.txt", HTTP_HOST="localhost").content.decode()
    assert f"Sitemap: {ORIGIN}/sitemap.xml" in configured


def test_calendar_uids_are_the_same_under_every_host_name(client, event, settings):
    """Subscribers must never see an event twice: the UID is today's, whatever the host."""
    first = calendar_events(client, "localhost")
    second = calendar_events(client, "127.0.0.1:8801")
    settings.PORTAL_BASE_URL = ORIGIN
    third = calendar_events(client, "testserver")
    expected = [f"event-{event.pk}@localhost"]
    assert [str(vevent["UID"]) for vevent in first] == expected
    assert [str(vevent["UID"]) for vevent in second] == expected
    assert [str(vevent["UID"]) for vevent in third] == expected


def test_calendar_links_begin_with_the_public_origin(client, event, settings):
    path = "/golnik/dogodki/popravljalnica/"
    (asked,) = calendar_events(client, "127.0.0.1:8801")
    assert str(asked["URL"]) == f"http://127.0.0.1:8801{path}"
    settings.PORTAL_BASE_URL = ORIGIN
    for host in ("localhost", "127.0.0.1:8801"):
        (configured,) = calendar_events(client, host)
        assert str(configured["URL"]) == f"{ORIGIN}{path}"
    single = client.get(reverse("events:ics-event", args=[event.pk]), HTTP_HOST="localhost")
    (vevent,) = icalendar.Calendar.from_ical(single.content).walk("VEVENT")
    assert str(vevent["URL"]) == f"{ORIGIN}{path}"
    assert str(vevent["UID"]) == f"event-{event.pk}@localhost"


def test_a_feed_built_outside_a_request_links_the_public_origin(event, settings):
    """As the bench builds one: no request, no host to ask."""
    settings.PORTAL_BASE_URL = ORIGIN
    (vevent,) = icalendar.Calendar.from_ical(feeds.build_feed()).walk("VEVENT")
    assert str(vevent["URL"]) == f"{ORIGIN}/golnik/dogodki/popravljalnica/"
    assert str(vevent["UID"]) == f"event-{event.pk}@localhost"


def test_an_event_page_links_its_feed_on_the_public_origin(client, event, settings):
    settings.PORTAL_BASE_URL = ORIGIN
    html = client.get(event.url, HTTP_HOST="localhost").content.decode()
    assert f'href="{ORIGIN}/koledar/dogodek/{event.pk}.ics"' in html


def test_json_ld_of_events_and_spaces_names_the_public_origin(client, event, space, settings):
    assert json_ld_url(client, event, "127.0.0.1:8801") == (
        "http://127.0.0.1:8801/golnik/dogodki/popravljalnica/"
    )
    settings.PORTAL_BASE_URL = ORIGIN
    assert json_ld_url(client, event, "localhost") == f"{ORIGIN}/golnik/dogodki/popravljalnica/"
    assert json_ld_url(client, space, "localhost") == f"{ORIGIN}/golnik/dom-krajanov-golnik/"


def test_news_feeds_link_the_public_origin(client, golnik, settings):
    index = builders.news_index(golnik)
    news = builders.news(index, "Nova klop pred domom")
    settings.PORTAL_BASE_URL = ORIGIN
    for suffix in ("rss/", "atom/"):
        body = client.get(index.url + suffix, HTTP_HOST="localhost")
        parsed = feedparser.parse(body.content)
        assert parsed.entries[0].link == f"{ORIGIN}{news.url}"
        assert parsed.feed.link == f"{ORIGIN}{index.url}"


def deploy_check():
    call_command("check", "--deploy", "--tag", "sites", stdout=io.StringIO())


def test_the_deploy_check_refuses_a_site_left_on_localhost_until_migrate(settings):
    settings.PORTAL_BASE_URL = ORIGIN
    settings.ALLOWED_HOSTS = ["ks.kranj.si"]
    # Wagtail's first migration made the default Site `localhost`, port 80.
    with pytest.raises(SystemCheckError, match=r"portal\.E003"):
        deploy_check()

    call_command("migrate", verbosity=0, stdout=io.StringIO())

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("ks.kranj.si", 443)
    assert site.root_url == ORIGIN
    deploy_check()
    call_command("migrate", verbosity=0, stdout=io.StringIO())  # again: nothing changes
    assert Site.objects.get(is_default_site=True).port == 443


def test_the_deploy_check_refuses_no_public_origin_or_one_on_a_host_not_allowed(settings):
    settings.PORTAL_BASE_URL = ""
    with pytest.raises(SystemCheckError, match=r"portal\.E001"):
        deploy_check()
    settings.PORTAL_BASE_URL = "https://www.kranj.si"
    settings.ALLOWED_HOSTS = ["ks.kranj.si"]
    with pytest.raises(SystemCheckError, match=r"portal\.E002"):
        deploy_check()


def test_migrate_leaves_the_site_alone_without_a_public_origin(settings):
    settings.PORTAL_BASE_URL = ""
    call_command("migrate", verbosity=0, stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("localhost", 80)
