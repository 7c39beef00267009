"""Security the deploy checklist does not cover: headers, throttling, uploads, health."""

import datetime
import json
import logging
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils.module_loading import import_string
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.test.utils.form_data import querydict_from_html

from tests import builders

pytestmark = pytest.mark.django_db


# Content-Security-Policy of everything public (pages, feeds, the API, the widget's script,
# static files, /healthz): nothing inline, nothing from elsewhere but video players.
PUBLIC_POLICY = {
    "default-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "style-src": {"'self'"},
    "script-src": {"'self'"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "frame-src": {
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
    },
    "object-src": {"'none'"},
    "base-uri": {"'self'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
# Wagtail's admin writes inline scripts and styles, previews pages in a frame and shows
# images it has just read from a file.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "img-src": {"'self'", "data:", "blob:"},
    "style-src": {"'self'", "'unsafe-inline'"},
    "script-src": {"'self'", "'unsafe-inline'"},
    "frame-src": {"'self'", *PUBLIC_POLICY["frame-src"]},
    "frame-ancestors": {"'self'"},
}
DENIED_FEATURES = {
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "usb",
}


def policy(response):
    """The Content-Security-Policy header as {directive: sources} (its order means nothing)."""
    directives = [part.split() for part in response["Content-Security-Policy"].split(";")]
    assert len({name for name, *_ in directives}) == len(directives), "a directive twice"
    return {name: set(sources) for name, *sources in directives}


def denied_features(response):
    features = [feature.strip() for feature in response["Permissions-Policy"].split(",")]
    assert all(feature.endswith("=()") for feature in features), features
    return {feature.removesuffix("=()") for feature in features}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/golnik/",
        "/ni-take-strani/",
        "/koledar/vsi-dogodki.ics",
        "/api/v2/pages/",
        "/api/openapi.json",
        "/embed/events.js",
        "/static/css/portal.css",
        "/healthz",
    ],
)
def test_everything_public_has_the_strict_policies(client, path):
    builders.community("Golnik")
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert policy(response) == PUBLIC_POLICY
    assert denied_features(response) == DENIED_FEATURES
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_pages_are_not_framed_elsewhere(client):
    assert client.get("/")["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/ni-take-strani/"])
def test_the_admin_gets_its_own_policy(admin_client, path):
    response = admin_client.get(path)
    assert policy(response) == ADMIN_POLICY
    assert denied_features(response) == DENIED_FEATURES


def test_the_admin_login_a_visitor_is_sent_to_has_the_admin_policy(client):
    redirect = client.get("/admin/")
    assert redirect.status_code == 302
    assert policy(redirect) == ADMIN_POLICY
    assert policy(client.get(redirect["Location"])) == ADMIN_POLICY


def test_a_document_keeps_the_policy_that_runs_nothing_in_it(client):
    document = Document.objects.create(
        title="Hišni red", file=SimpleUploadedFile("hisni-red.pdf", b"%PDF-1.4 red")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert denied_features(response) == DENIED_FEATURES


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_down(client):
    with mock.patch("portal.base.health.connection.cursor", side_effect=OSError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "failing"


def test_healthz_is_503_when_the_cache_is_down(client):
    with mock.patch("portal.base.health.cache.set", side_effect=ConnectionError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "failing"}


def test_each_request_is_logged_once_with_an_id_and_without_the_query(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get("/iskanje/", {"q": "Ana Novak, Golnik 12"})
    request_id = response["X-Request-ID"]
    lines = [r for r in caplog.records if r.name == "portal.requests"]
    assert len(lines) == 1
    assert lines[0].request_id == request_id
    assert lines[0].getMessage().startswith("GET /iskanje/ 200")
    assert "Novak" not in lines[0].getMessage()


def json_lines(records):
    """`records` as production writes them (LOG_FORMAT=json): one JSON object each."""
    config = dict(settings.LOGGING["formatters"]["json"])
    formatter = import_string(config.pop("()"))(**config)
    return [json.loads(formatter.format(record)) for record in records]


def test_the_json_line_of_a_request_has_its_fields(client, caplog):
    with caplog.at_level(logging.INFO, logger="portal.requests"):
        response = client.get("/iskanje/", {"q": "Ana Novak"})
    [line] = json_lines(r for r in caplog.records if r.name == "portal.requests")
    assert line.keys() == {
        "time",
        "level",
        "logger",
        "request_id",
        "message",
        "method",
        "path",
        "status",
        "duration_ms",
    }
    assert line["request_id"] == response["X-Request-ID"]
    assert (line["level"], line["logger"]) == ("INFO", "portal.requests")
    assert (line["method"], line["path"], line["status"]) == ("GET", "/iskanje/", 200)
    assert line["duration_ms"] >= 0
    assert datetime.datetime.strptime(line["time"], "%Y-%m-%dT%H:%M:%S%z")


def test_json_logs_carry_no_request_that_django_hands_its_loggers(client, caplog):
    """Django's security and request loggers put the request on their records (its repr
    holds the query string, what a resident typed): a JSON line keeps only its fields."""
    with caplog.at_level(logging.INFO):
        response = client.get("/iskanje/", {"q": "Ana Novak"}, HTTP_HOST="napad.example")
    assert response.status_code == 400
    lines = json_lines(caplog.records)
    assert "django.security.DisallowedHost" in {line["logger"] for line in lines}
    assert "Novak" not in json.dumps(lines)
    assert all("request" not in line for line in lines)


def test_a_sane_request_id_from_the_proxy_is_kept_and_a_hostile_one_replaced(client):
    assert client.get("/", HTTP_X_REQUEST_ID="abc-123")["X-Request-ID"] == "abc-123"
    replaced = client.get("/", HTTP_X_REQUEST_ID="<script>\n")["X-Request-ID"]
    assert replaced != "<script>\n"
    assert replaced.isalnum()


@override_settings(AXES_ENABLED=True)
def test_repeated_wrong_passwords_lock_that_user_from_that_address(client):
    get_user_model().objects.create_user("ks-golnik", password="pravo-geslo-123")
    login = reverse("wagtailadmin_login")
    for _ in range(4):
        response = client.post(login, {"username": "ks-golnik", "password": "narobe"})
        assert response.status_code == 200
    fifth = client.post(login, {"username": "ks-golnik", "password": "narobe"})
    assert fifth.status_code == 429
    locked = client.post(login, {"username": "ks-golnik", "password": "pravo-geslo-123"})
    assert locked.status_code == 429
    assert "zaklenjena" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    elsewhere = client.post(
        login,
        {"username": "ks-golnik", "password": "pravo-geslo-123"},
        REMOTE_ADDR="10.1.2.3",
    )
    assert elsewhere.status_code == 302


@override_settings(AXES_ENABLED=True, PROXY_COUNT=1)
def test_behind_the_proxy_an_attacker_locks_out_only_their_own_address(client):
    """Both connect through the portal's reverse proxy (one REMOTE_ADDR); the attacker
    also puts the representative's address into X-Forwarded-For."""
    get_user_model().objects.create_user("ks-strazisce", password="pravo-geslo-123")
    login = reverse("wagtailadmin_login")
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    attacker = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.66, 203.0.113.5"}
    for _ in range(5):
        client.post(login, {"username": "ks-strazisce", "password": "narobe"}, **attacker)
    locked = client.post(
        login, {"username": "ks-strazisce", "password": "pravo-geslo-123"}, **attacker
    )
    assert locked.status_code == 429
    representative = Client().post(
        login,
        {"username": "ks-strazisce", "password": "pravo-geslo-123"},
        **proxy,
        HTTP_X_FORWARDED_FOR="198.51.100.66",
    )
    assert representative.status_code == 302
    assert representative["Location"] == reverse("wagtailadmin_home")


def test_sessions_end_with_the_browser_and_within_a_working_day(settings):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60


def test_weak_passwords_are_refused_when_an_editor_is_added(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "novi",
            "email": "novi@example.org",
            "first_name": "Novi",
            "last_name": "Urednik",
            "password1": "12345678",
            "password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert not get_user_model().objects.filter(username="novi").exists()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="5"/></svg>'


def test_svg_images_are_refused_with_a_message(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Zlobna slika", "file": SimpleUploadedFile("x.svg", SVG, "image/svg+xml")},
    )
    assert response.status_code == 200
    assert not Image.objects.filter(title="Zlobna slika").exists()
    assert response.context["form"].errors["file"]


@pytest.mark.parametrize(
    ("name", "content"),
    [("napad.html", b"<script>alert(1)</script>"), ("napad.svg", SVG), ("program.exe", b"MZ")],
)
def test_html_svg_and_programs_are_refused_as_documents(admin_client, name, content):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Zlobni dokument", "file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code == 200
    assert not Document.objects.filter(title="Zlobni dokument").exists()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_oversized_documents_are_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Prevelik", "file": SimpleUploadedFile("velik.pdf", b"%PDF" + b"0" * 4096)},
    )
    assert response.status_code == 200
    assert not Document.objects.filter(title="Prevelik").exists()


def test_rich_text_from_the_editor_cannot_carry_scripts(admin_client, client):
    """What the editor's browser sends is Draftail's JSON: script text stays text, and a
    javascript: link is dropped when it is turned into HTML."""
    ks = builders.community("KS Golnik")
    text = "Dobrodošli <script>alert(1)</script> klik"
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": text.index("klik"), "length": 4, "key": 0}],
            }
        ],
        "entityMap": {
            "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "javascript:alert(2)"}}
        },
    }
    edit_url = reverse("wagtailadmin_pages:edit", args=[ks.pk])
    form = admin_client.get(edit_url)
    data = querydict_from_html(form.content.decode(), form_id="page-edit-form").copy()
    data["body"] = json.dumps(contentstate)
    data["action-publish"] = "1"
    assert admin_client.post(edit_url, data).status_code == 302
    html = client.get(ks.url).content.decode()
    assert "Dobrodošli &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html
    assert "javascript:" not in html
