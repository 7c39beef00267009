"""In production, whitenoise serves hashed, compressed static files that browsers keep a year."""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_collected_stylesheet_is_hashed_compressed_and_cached_for_a_year(tmp_path):
    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    with override_settings(
        STORAGES=storages,
        STATIC_ROOT=tmp_path,
        WHITENOISE_AUTOREFRESH=False,
        WHITENOISE_USE_FINDERS=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        client = Client()
        html = client.get("/").content.decode()
        stylesheet = re.search(r'href="(/static/css/[\w.-]+\.[0-9a-f]{12}\.css)"', html)
        assert stylesheet, "the page links a content-hashed stylesheet"
        response = client.get(stylesheet.group(1), HTTP_ACCEPT_ENCODING="gzip, br")
        assert response.status_code == 200
        assert response["Content-Encoding"] in {"gzip", "br"}
        max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
        assert max_age >= 365 * 24 * 60 * 60
        assert "immutable" in response["Cache-Control"]
