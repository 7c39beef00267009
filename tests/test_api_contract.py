"""The contract: schemathesis reads /api/openapi.json and sends each operation generated
requests through the WSGI app, valid ones and invalid ones, checking that no answer is a
server error or breaks the description (an invalid request must get a 4xx). Bounded and
derandomised, so a run is repeatable and quick, on SQLite and PostgreSQL alike."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from portal.api.router import ENDPOINTS
from tests import builders

pytestmark = pytest.mark.django_db

EXAMPLES = 20
OPERATIONS = [
    *(f"/api/v2/{name}/" for name in ENDPOINTS),
    *(f"/api/v2/{name}/{{id}}/" for name in ENDPOINTS if name != "events"),
    "/api/v2/consultations/{id}/results/",
    "/api/v2/events/{id}/places/",
]


@pytest.fixture
def api_schema(demo_database, wsgi_application):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", wsgi_application)


def test_the_description_names_every_operation(api_schema):
    described = {operation.ok().path for operation in api_schema.get_all_operations()}
    assert described == set(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("path", OPERATIONS)
def test_every_operation_keeps_to_the_description(api_schema, path, mode):
    operation = api_schema[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def keeps_to_it(case):
        case.call_and_validate()

    keeps_to_it()


def test_a_client_that_knows_only_the_description_finds_the_pilot(client, api_schema):
    """Issue 8's "done when": from /api/openapi.json alone, the three pilot KS, their
    spaces, programmes of every type and next month's events."""
    import datetime

    from programmes import registry

    spec = client.get("/api/openapi.json").json()
    paths = spec["paths"]

    def listing(name, **params):
        path = next(p for p in paths if p.endswith(f"/{name}/"))
        response = client.get(path, {"limit": 100, **params})
        assert response.status_code == 200
        return response.json()["items"]

    community_enum = next(
        p["schema"]["enum"]
        for p in paths["/api/v2/events/"]["get"]["parameters"]
        if p["name"] == "community"
    )
    communities = listing("communities")
    assert {c["meta"]["slug"] for c in communities} == {"golnik", "zlato-polje", "strazisce"}
    assert set(community_enum) == {"golnik", "zlato-polje", "strazisce"}
    for community in communities:
        assert listing("spaces", community=community["meta"]["slug"])
    types = {p["programme_type"]["key"] for p in listing("programmes")}
    assert types >= {plugin.key for plugin in registry.active()} - {"bike_kitchen"}
    today = builders.today()
    first = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    last = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    next_month = listing("events", start=str(first), end=str(last - datetime.timedelta(days=1)))
    assert next_month
    for item in next_month:  # every date overlaps the month
        assert item["start"][:10] < str(last)
        assert (item["end"] or item["start"])[:10] >= str(first)
