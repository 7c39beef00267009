"""What a developer of another site gets from /api/openapi.json alone: a description that
validates, and a Python client generated from it (openapi-python-client) that reads an
answer and its revalidation (a 304 without a body) without an error."""

import importlib
import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from openapi_spec_validator import validate

pytestmark = pytest.mark.django_db

PACKAGE = "kranj_api"


def test_the_description_validates_and_names_its_server_and_licence(client):
    spec = client.get("/api/openapi.json").json()
    validate(spec)
    assert spec["servers"] == [{"url": "/", "description": "Ta portal, kjer je ta opis."}]
    licence = Path(__file__).resolve().parent.parent / "LICENSE"
    assert spec["info"]["license"]["name"] == licence.read_text().splitlines()[0]
    assert spec["info"]["license"]["identifier"] == "BSD-3-Clause"


def test_every_operation_describes_revalidation(client):
    spec = client.get("/api/openapi.json").json()
    for path, item in spec["paths"].items():
        responses = item["get"]["responses"]
        assert "content" not in responses["304"], path
        for status in ("200", "304"):
            assert set(responses[status]["headers"]) == {"ETag", "Last-Modified", "Cache-Control"}


def generated_client(spec, directory):
    """The package openapi-python-client generates from `spec` in `directory`, imported.
    No post hooks (ruff): formatting the code would only slow the test."""
    (directory / "openapi.json").write_text(json.dumps(spec))
    (directory / "config.json").write_text(
        json.dumps({"package_name_override": PACKAGE, "post_hooks": []})
    )
    subprocess.run(
        [
            *(sys.executable, "-m", "openapi_python_client", "generate"),
            *("--path", "openapi.json", "--config", "config.json"),
            *("--meta", "none", "--output-path", PACKAGE),
        ],
        cwd=directory,
        check=True,
        capture_output=True,
        timeout=120,
    )
    sys.path.insert(0, str(directory))
    try:
        return importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(directory))


@pytest.fixture
def kranj_api(client, tmp_path):
    package = generated_client(client.get("/api/openapi.json").json(), tmp_path)
    yield package
    for name in [name for name in sys.modules if name.split(".")[0] == PACKAGE]:
        del sys.modules[name]


def test_a_generated_client_reads_an_answer_and_its_revalidation(
    kranj_api, wsgi_application, golnik_section
):
    list_communities = importlib.import_module(f"{PACKAGE}.api.communities.list_communities")
    api = kranj_api.Client(
        base_url="http://testserver",
        raise_on_unexpected_status=True,
        httpx_args={"transport": httpx.WSGITransport(app=wsgi_application)},
    )

    first = list_communities.sync_detailed(client=api)
    assert first.status_code == 200
    assert [item.title for item in first.parsed.items] == ["Golnik"]

    again = list_communities.sync_detailed(
        client=api.with_headers({"If-None-Match": first.headers["ETag"]})
    )
    assert again.status_code == 304
    assert again.parsed is None
    assert again.headers["ETag"] == first.headers["ETag"]
