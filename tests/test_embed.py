"""The events widget from the server's side: its script as websites load it, the event
dates it reads from any origin, and the page that gives each KS its snippet."""

import html

import pytest
from django.core.cache import caches
from django.test import override_settings

from tests import builders
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db

SCRIPT = "/embed/events.js"
DOCS = "/api/vticnik/"
EVENTS = "/api/v2/events/"


def test_the_script_is_javascript_any_site_may_load_and_keep_for_an_hour(client):
    response = client.get(SCRIPT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=3600"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    script = response.content.decode()
    assert "document.currentScript" in script
    assert "/api/v2/events/" in script
    # No template syntax left in it.
    assert "{%" not in script and "{{" not in script


def test_the_script_speaks_slovenian_and_dates_are_those_of_ljubljana(client):
    script = client.get(SCRIPT).content.decode()
    assert "Ni prihajajočih dogodkov." in script
    assert "Europe/Ljubljana" in script
    assert '"lang": "sl"' in script


def test_the_script_is_revalidated_with_its_etag(client, django_assert_num_queries):
    first = client.get(SCRIPT)
    etag = first["ETag"]
    assert etag.startswith('"') and etag.endswith('"')
    with django_assert_num_queries(0):
        unchanged = client.get(SCRIPT, headers={"if-none-match": etag})
    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert client.get(SCRIPT, headers={"if-none-match": '"other"'}).status_code == 200


@override_settings(PAGE_CACHE_SECONDS=300)
def test_a_revalidation_is_a_304_with_the_page_cache_on(client):
    etag = client.get(SCRIPT)["ETag"]
    assert client.get(SCRIPT, headers={"if-none-match": etag}).status_code == 304


def test_the_script_only_reads(client):
    assert client.post(SCRIPT).status_code == 405
    assert client.head(SCRIPT).status_code == 200


# --- The event dates from any origin ----------------------------------------------------


def test_any_website_may_read_the_event_dates(client):
    builders.section("Golnik")
    answer = client.get(
        EVENTS, {"community": "golnik"}, headers={"origin": "https://drustvo.example"}
    )
    assert answer.status_code == 200
    assert answer["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in answer
    # The same answer for every origin: a CDN keeps one copy.
    assert "Origin" not in answer.get("Vary", "")
    assert [item["title"] for item in answer.json()["items"]] == ["Delavnica v KS Golnik"]
    refused = client.get(EVENTS, {"community": "nikjer"}, headers={"origin": "https://a.example"})
    assert refused.status_code == 400
    assert refused["Access-Control-Allow-Origin"] == "*"


def test_a_preflight_for_the_event_dates_allows_reading_from_anywhere(client):
    preflight = client.options(
        EVENTS,
        headers={"origin": "https://drustvo.example", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    write = client.options(
        EVENTS,
        headers={"origin": "https://drustvo.example", "access-control-request-method": "POST"},
    )
    assert "Access-Control-Allow-Origin" not in write
    assert client.post(EVENTS, headers={"origin": "https://drustvo.example"}).status_code == 405


def test_a_logged_in_editor_reads_only_public_dates_too(client, django_user_model):
    """What any origin reads is what everyone reads: a session adds nothing."""
    golnik = builders.section("Golnik")
    calendar = golnik.get_children().type(builders.EventCalendarPage).first().specific
    draft = builders.event(calendar, "Osnutek delavnice", start=builders.at(3))
    draft.unpublish()
    client.force_login(django_user_model.objects.create_superuser("urednik", password="x"))
    titles = [
        item["title"]
        for item in client.get(EVENTS, headers={"origin": "https://a.example"}).json()["items"]
    ]
    assert titles == ["Delavnica v KS Golnik"]


# --- The widget's page -------------------------------------------------------------------


@pytest.fixture
def communities():
    golnik = builders.section("KS Golnik", slug="golnik")
    strazisce = builders.section("KS Stražišče", slug="strazisce")
    cafe = programme("Popravljalnica na Golniku", "repair_cafe", community=golnik)
    programme("Programi LUK", "repair_cafe")  # the municipality's: offered under no KS
    return golnik, strazisce, cafe


def snippet_of(page, slug):
    code = page.split(f'id="embed-{slug}-snippet"><code>', 1)[1].split("</code>", 1)[0]
    return html.unescape(code)


def test_the_page_gives_every_ks_its_snippet_with_absolute_addresses(client, communities):
    golnik, strazisce, cafe = communities
    response = client.get(DOCS)
    assert response.status_code == 200
    page = response.content.decode()
    assert snippet_of(page, "golnik") == (
        '<a href="http://testserver/golnik/dogodki/">Prihajajoči dogodki v KS Golnik</a>\n'
        '<script src="http://testserver/embed/events.js" data-community="golnik"'
        ' data-limit="5" async></script>'
    )
    assert 'data-community="strazisce"' in snippet_of(page, "strazisce")
    space = golnik.get_children().type(builders.SpacePage).first()
    assert f'<code>data-space="{space.pk}"</code>: Skupnostni prostor KS Golnik' in page
    assert f'<code>data-programme="{cafe.pk}"</code>: Popravljalnica na Golniku' in page
    assert "Programi LUK" not in page


def test_the_page_shows_a_live_preview_of_the_first_snippet(client, communities):
    page = client.get(DOCS).content.decode()
    preview = page.split('class="embed-preview__frame">', 1)[1].split("</div>", 1)[0]
    assert '<a href="http://testserver/golnik/dogodki/">' in preview
    assert (
        '<script src="http://testserver/embed/events.js" data-community="golnik"'
        ' data-limit="5" data-heading-level="3" async></script>'
    ) in preview


def test_the_page_leaves_out_a_ks_that_is_not_live(client, communities):
    golnik, strazisce, cafe = communities
    strazisce.unpublish()
    page = client.get(DOCS).content.decode()
    assert 'id="embed-golnik-snippet"' in page
    assert "strazisce" not in page


def test_the_page_is_linked_from_the_api_page(client, communities):
    assert 'href="/api/vticnik/"' in client.get("/api/").content.decode()


def test_the_page_costs_the_same_queries_for_more_ks(
    client, communities, django_assert_num_queries
):
    def count():
        client.get(DOCS)  # the KS directory, once per content version
        caches["local"].clear()  # a process that has not shown the snippets yet
        with django_assert_num_queries(2):  # + the spaces and programmes of every KS
            assert client.get(DOCS).status_code == 200
        with django_assert_num_queries(0):  # kept per content version from then on
            assert client.get(DOCS).status_code == 200

    count()
    for title in ("Zlato polje", "Primskovo", "Kokrica"):
        ks = builders.section(title)
        programme(f"Popravljalnica {title}", "repair_cafe", community=ks)
    count()
    assert client.get(DOCS).content.decode().count('class="embed-snippet__code"') == 5


def test_without_any_ks_the_page_says_so(client):
    page = client.get(DOCS).content.decode()
    assert "Nobena krajevna skupnost še nima svojega dela portala." in page
    assert "embed-preview" not in page
