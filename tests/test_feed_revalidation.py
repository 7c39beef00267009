"""Feeds and the sitemap as feed readers, calendar applications and crawlers revalidate
them: every answer says how long it may be kept and carries an ETag and a date; asked
again with either, the portal answers 304 until something is published, whether the view
or the page cache answers."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from portal.events.models import EventPage
from portal.news.models import NewsIndexPage
from portal.spaces.models import SpacePage
from tests import builders

pytestmark = pytest.mark.django_db

FEEDS = [
    "/golnik/novice/rss/",
    "/golnik/novice/atom/",
    "/novice/rss/",
    "/koledar/vsi-dogodki.ics",
    "/koledar/ks/golnik.ics",
    "/sitemap.xml",
]


@pytest.fixture
def portal(golnik_section):
    """Golnik's section, the municipality's news and the addresses of every feed."""
    builders.news_index(builders.home_page())
    event = EventPage.objects.get()
    space = SpacePage.objects.get()
    return [
        *FEEDS,
        reverse("events:ics-event", args=[event.pk]),
        reverse("events:ics-space", args=[space.pk]),
    ]


def cache_control(response):
    return set(response["Cache-Control"].split(", "))


def revalidation_headers(response):
    assert response["ETag"].startswith('W/"')
    assert response["Last-Modified"].endswith(" GMT")
    assert cache_control(response) == {"public", "max-age=300"}


def test_every_feed_answers_a_matching_revalidation_with_a_304(client, portal):
    for url in portal:
        first = client.get(url)
        assert first.status_code == 200, url
        revalidation_headers(first)

        by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
        assert by_etag.status_code == 304, url
        assert by_etag.content == b""
        revalidation_headers(by_etag)
        assert by_etag["ETag"] == first["ETag"]
        assert by_etag["Last-Modified"] == first["Last-Modified"]

        by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
        assert by_date.status_code == 304, url

        head = client.head(url, headers={"if-none-match": first["ETag"]})
        assert head.status_code == 304, url


def test_a_publish_makes_every_feed_new(client, portal):
    before = {url: client.get(url)["ETag"] for url in portal}
    builders.news(NewsIndexPage.objects.get(url_path__endswith="/golnik/novice/"), "Nov vrt")
    for url, etag in before.items():
        after = client.get(url, headers={"if-none-match": etag})
        assert after.status_code == 200, url
        assert after["ETag"] != etag


def test_another_feeds_etag_is_no_match(client, portal):
    rss = client.get("/golnik/novice/rss/")
    atom = client.get("/golnik/novice/atom/", headers={"if-none-match": rss["ETag"]})
    assert atom.status_code == 200


def test_a_revalidated_calendar_is_not_written_again(client, portal, django_assert_max_num_queries):
    first = client.get("/koledar/vsi-dogodki.ics")
    # At most the content version, when its shared copy has just expired.
    with django_assert_max_num_queries(1):
        again = client.get("/koledar/vsi-dogodki.ics", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_a_private_sections_feed_is_kept_by_no_one(client, portal):
    index = NewsIndexPage.objects.get(url_path__endswith="/golnik/novice/")
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(get_user_model().objects.create_user("krajan", password="x"))
    response = client.get("/golnik/novice/rss/")
    assert response.status_code == 200
    assert {"private", "no-store"} <= cache_control(response)
    assert "public" not in cache_control(response)


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_page_cache_answers_revalidations_too(client, portal, django_assert_num_queries):
    # (The sitemap is not kept: Django's sitemap reads `p`, a parameter no page declares.)
    for url in [url for url in portal if url != "/sitemap.xml"]:
        first = client.get(url)
        assert first["X-Cache"] == "MISS", url
        with django_assert_num_queries(0):
            by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
            by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
            other = client.get(url, headers={"if-none-match": 'W/"something-else"'})
        assert by_etag.status_code == 304, url
        assert by_etag.content == b""
        assert by_etag["ETag"] == first["ETag"]
        assert by_etag["Cache-Control"] == first["Cache-Control"]
        assert by_date.status_code == 304, url
        assert other.status_code == 200, url
        assert other["X-Cache"] == "HIT"
        assert other.content == first.content


@override_settings(PAGE_CACHE_SECONDS=300)
def test_pages_without_an_etag_are_served_from_the_cache_as_before(client, portal):
    client.get("/golnik/")
    response = client.get("/golnik/", headers={"if-none-match": '"x"', "if-match": '"y"'})
    assert response.status_code == 200
    assert response["X-Cache"] == "HIT"
