"""Sign-ups in the API (issue 20, decision 0039): a date of an event that takes sign-ups
says so in the kept listing, and its places left are at `/api/v2/events/{id}/places/`,
never kept by the server, so a sign-up shows at once without a publish; never a name or
an e-mail address."""

import datetime

import jsonschema_rs
import pytest
from django.test import override_settings

from portal.events.places import Places
from portal.signups import booking
from tests import builders

pytestmark = pytest.mark.django_db

LIST = "/api/v2/events/"


@pytest.fixture
def cal(golnik_provisioned):
    return builders.EventCalendarPage.objects.child_of(golnik_provisioned).get()


@pytest.fixture
def event(cal):
    return builders.signup_event(
        cal, "Popravljalnica s prijavo", capacity=3, start=builders.at(5), signup_deadline_hours=2
    )


def item_of(client, title):
    response = client.get(LIST, {"search": title})
    assert response.status_code == 200
    [item] = [item for item in response.json()["items"] if item["title"] == title]
    return item


def places_url(date_id):
    return f"http://testserver{LIST}{date_id}/places/"


def sign(event, name, places=1):
    return booking.sign_up(
        builders.signup_date(event), name=name, email=f"{name.lower()}@example.org", places=places
    )


@override_settings(PAGE_CACHE_SECONDS=300)
def test_places_change_after_a_sign_up_without_a_publish(client, event):
    item = item_of(client, "Popravljalnica s prijavo")
    assert item["signups"] == {"open": True, "places_url": places_url(item["id"])}
    first = client.get(item["signups"]["places_url"])
    assert first.status_code == 200
    assert first["Cache-Control"] == "public, no-cache"
    assert "X-Cache" not in first
    body = first.json()
    deadline = datetime.datetime.fromisoformat(body.pop("deadline"))
    assert deadline == event.occurrences.get().start - datetime.timedelta(hours=2)
    label = body.pop("label")
    assert body == {"capacity": 3, "left": 3, "waitlist": 0, "open": True}
    assert label == str(Places(3, 3, 0, True).label)  # "še 3 prosta mesta"

    sign(event, "Ana", 2)
    sign(event, "Bojan", 2)  # does not fit: waits

    after = client.get(item["signups"]["places_url"]).json()
    assert (after["left"], after["waitlist"]) == (1, 1)
    assert after["label"] == str(Places(3, 1, 1, True).label) != label
    # The listing is kept until the next publish: the same item, no counts in it.
    again = client.get(LIST, {"search": "Popravljalnica s prijavo"})
    assert again["X-Cache"] == "HIT"
    assert "left" not in again.content.decode()


def test_a_304_by_the_etag_until_someone_signs_up(client, event):
    url = item_of(client, "Popravljalnica s prijavo")["signups"]["places_url"]
    first = client.get(url)
    same = client.get(url, headers={"if-none-match": first["ETag"]})
    assert same.status_code == 304
    assert same.content == b""
    sign(event, "Ana")
    fresh = client.get(url, headers={"if-none-match": first["ETag"]})
    assert fresh.status_code == 200
    assert fresh["ETag"] != first["ETag"]
    assert fresh.json()["left"] == 2


def test_nothing_personal_is_in_the_answers(client, event):
    sign(event, "Skrivnostna", 1)
    booking.sign_up(
        builders.signup_date(event),
        name="Janez Zasebnik",
        email="janez.zasebnik@example.org",
        phone="041 987 654",
        places=3,
    )
    item = item_of(client, "Popravljalnica s prijavo")
    bodies = [
        client.get(LIST).content.decode(),
        client.get(item["signups"]["places_url"]).content.decode(),
        client.get(f"/api/v2/pages/{event.pk}/").content.decode(),
    ]
    for body in bodies:
        for secret in ("Skrivnostna", "Zasebnik", "Janez", "@example.org", "041 987 654"):
            assert secret not in body
    assert client.get(item["signups"]["places_url"]).json()["waitlist"] == 1


def test_a_date_without_sign_ups_is_a_404_that_says_so(client, cal, event):
    builders.event(cal, "Prost vstop", start=builders.at(6))
    plain = item_of(client, "Prost vstop")
    assert plain["signups"] is None
    response = client.get(f"{LIST}{plain['id']}/places/")
    assert response.status_code == 404
    assert response.json() == {"message": "Za ta termin se na portalu ni mogoče prijaviti."}
    missing = client.get(f"{LIST}999999/places/")
    assert missing.status_code == 404
    assert set(missing.json()) == {"message"}
    signed = item_of(client, "Popravljalnica s prijavo")
    assert client.get(f"{LIST}{signed['id']}/places/", {"x": "1"}).status_code == 400


def test_a_cancelled_event_takes_no_sign_ups(client, event):
    event.status = "cancelled"
    event.save_revision().publish()
    item = item_of(client, "Popravljalnica s prijavo")
    assert item["signups"] == {"open": False, "places_url": None}
    places = client.get(f"{LIST}{item['id']}/places/").json()
    assert places["open"] is False
    assert places["label"] == str(Places(3, 3, 0, False).label)


def test_the_answers_keep_to_the_openapi_description(client, event):
    sign(event, "Ana")
    spec = client.get("/api/openapi.json").json()

    def conforms(value, schema):
        item_schema = {"$ref": f"#/components/schemas/{schema}"}
        jsonschema_rs.validate({**item_schema, "components": spec["components"]}, value)

    item = item_of(client, "Popravljalnica s prijavo")
    conforms(item, "EventsListItem")
    conforms(client.get(item["signups"]["places_url"]).json(), "EventsPlaces")
    assert "/api/v2/events/{id}/places/" in spec["paths"]
    page = client.get("/api/").content.decode()
    assert "/api/v2/events/{id}/places/" in page
