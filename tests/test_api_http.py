"""The API over HTTP: revalidation with ETag and Last-Modified, what clients and CDNs may
keep, the server's own cache of answers, and CORS for scripts on other sites."""

import pytest
from django.test import override_settings

from tests import builders

pytestmark = pytest.mark.django_db

URL = "/api/v2/events/"
# The event dates are open to any origin (the events widget, tests/test_embed.py); the
# other endpoints only to the origins in API_CORS_ORIGINS.
LISTED_ONLY = "/api/v2/spaces/"


def test_an_answer_can_be_kept_for_a_minute_and_revalidated(client, golnik_section):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"].endswith("GMT")

    unchanged = client.get(URL, headers={"if-none-match": response["ETag"]})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == response["ETag"]

    since = client.get(URL, headers={"if-modified-since": response["Last-Modified"]})
    assert since.status_code == 304


def test_publishing_changes_the_etag_and_the_answer(client, golnik_section):
    before = client.get(URL)
    calendar = golnik_section.get_children().type(builders.EventCalendarPage).first().specific
    builders.event(calendar, "Nova delavnica", start=builders.at(2))
    after = client.get(URL, headers={"if-none-match": before["ETag"]})
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert "Nova delavnica" in after.content.decode()


def test_a_different_answer_is_never_a_304(client, golnik_section):
    first = client.get(URL)
    other = client.get("/api/v2/spaces/", headers={"if-none-match": first["ETag"]})
    assert other.status_code == 200


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_server_keeps_answers_until_something_is_published(
    client, golnik_section, django_assert_num_queries
):
    assert client.get(URL)["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        again = client.get(URL)
    assert again["X-Cache"] == "HIT"
    calendar = golnik_section.get_children().type(builders.EventCalendarPage).first().specific
    builders.event(calendar, "Sveža novica", start=builders.at(1))
    fresh = client.get(URL)
    assert fresh["X-Cache"] == "MISS"
    assert "Sveža novica" in fresh.content.decode()


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_html_page_cache_never_stores_api_answers(client, golnik_section):
    response = client.get(URL, headers={"origin": "https://druga.example"})
    # The page cache would mark it; the API's own cache says MISS and keeps no CORS header.
    assert response["X-Cache"] == "MISS"
    from django.core.cache import caches

    assert not [key for key in caches["default"]._cache if ":portal:page:" in key]


@override_settings(API_CORS_ORIGINS=["https://obcina.example"])
def test_cors_lets_a_listed_origin_read_and_no_other(client, golnik_section):
    allowed = client.get(LISTED_ONLY, headers={"origin": "https://obcina.example"})
    assert allowed["Access-Control-Allow-Origin"] == "https://obcina.example"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = client.get(LISTED_ONLY, headers={"origin": "https://drugje.example"})
    assert "Access-Control-Allow-Origin" not in other
    plain = client.get(LISTED_ONLY)
    assert "Access-Control-Allow-Origin" not in plain
    # Caches keep the answers to each origin apart.
    assert "Origin" in allowed["Vary"]


@override_settings(API_CORS_ORIGINS=["https://obcina.example"])
def test_a_preflight_allows_reading_only(client, golnik_section):
    preflight = client.options(
        LISTED_ONLY,
        headers={
            "origin": "https://obcina.example",
            "access-control-request-method": "GET",
            "access-control-request-headers": "if-none-match",
        },
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "https://obcina.example"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    write = client.options(
        LISTED_ONLY,
        headers={"origin": "https://obcina.example", "access-control-request-method": "DELETE"},
    )
    assert "Access-Control-Allow-Origin" not in write


@override_settings(API_CORS_ORIGINS=["*"])
def test_a_star_lets_any_origin_read(client, golnik_section):
    response = client.get(LISTED_ONLY, headers={"origin": "https://kdorkoli.example"})
    assert response["Access-Control-Allow-Origin"] == "https://kdorkoli.example"


def test_cors_origins_come_from_the_environment(monkeypatch):
    import importlib

    from portal.settings import base

    monkeypatch.setenv("API_CORS_ORIGINS", "https://a.example, https://b.example")
    assert importlib.reload(base).API_CORS_ORIGINS == ["https://a.example", "https://b.example"]
    monkeypatch.delenv("API_CORS_ORIGINS")
    importlib.reload(base)


def test_the_openapi_description_and_its_page(client, golnik_section):
    description = client.get("/api/openapi.json")
    assert description.status_code == 200
    spec = description.json()
    assert spec["openapi"].startswith("3.")
    assert "/api/v2/events/" in spec["paths"]
    community = next(
        p for p in spec["paths"]["/api/v2/events/"]["get"]["parameters"] if p["name"] == "community"
    )
    assert community["schema"]["enum"] == ["golnik"]
    page = client.get("/api/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="endpoint-events"' in html
    assert "/api/openapi.json" in html
    assert "<script" not in html.split("</header>", 1)[1]


@pytest.mark.parametrize(
    "url, query, name",
    [
        ("/api/v2/events/", "community=golnik&community=strazisce", "community"),
        ("/api/v2/spaces/", "community=golnik&community=golnik", "community"),
        ("/api/v2/events/", "start=2026-01-01&theme=food&start=2026-02-01", "start"),
        ("/api/v2/communities/", "limit=1&limit=2", "limit"),
    ],
)
def test_a_parameter_given_twice_is_refused_by_name(client, golnik_section, url, query, name):
    """Never silently the last value: a client that meant "both" learns it at once."""
    response = client.get(f"{url}?{query}")
    assert response.status_code == 400
    assert response.json() == {
        "message": f"Parameter »{name}« je podan večkrat: podajte mu eno samo vrednost.",
        "parameter": name,
    }
