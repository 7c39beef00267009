"""The contract: schemathesis reads /api/openapi.json and sends each operation generated
requests through the WSGI app, valid ones and invalid ones, checking that no answer is a
server error or breaks the description (an invalid request must get a 4xx). Bounded and
derandomised, so a run is repeatable and quick, on SQLite and PostgreSQL alike."""

import pytest
import schemathesis
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from portal.api.router import ENDPOINTS
from portal.wsgi import application

pytestmark = pytest.mark.django_db

EXAMPLES = 20
OPERATIONS = [
    *(f"/api/v2/{name}/" for name in ENDPOINTS),
    *(f"/api/v2/{name}/{{id}}/" for name in ENDPOINTS if name != "events"),
]


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """The Kranj demo portal, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", force=True, verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def api_schema(demo_database, db):
    return schemathesis.openapi.from_wsgi("/api/openapi.json", application)


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
