"""The consultations in the API (issue 19): the live consultations of the KS with their
themes and questions, and what their answers add up to once public; never an answer of
one person, an offer's contact or an e-mail address."""

import datetime

import jsonschema_rs
import pytest
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageViewRestriction

from portal.consultations.blocks import OFFER_KINDS
from portal.consultations.models import Answer, Response
from programmes.models import Theme
from tests import builders
from tests.test_consultations import answer_data

pytestmark = pytest.mark.django_db

LIST = "/api/v2/consultations/"
# An offer with what must never leave the portal.
OFFER_CONTACT = {
    "q-ponudba-text": "Popravim kolo ob sobotah, pokličite Marto.",
    "q-ponudba-name": "Marta Zasebnik",
    "q-ponudba-email": "marta.zasebnik@example.org",
    "q-ponudba-phone": "041 987 654",
    "q-ponudba-consent": "on",
}


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, (url, params, response.content[:500])
    return response.json()


def results_url(consultation):
    return f"{LIST}{consultation.pk}/results/"


def days(number):
    return timezone.now() + datetime.timedelta(days=number)


@pytest.fixture
def golnik_consultation(golnik_provisioned):
    return builders.consultation(
        golnik_provisioned, "Posvet o skupnostnem prostoru", results_public_while_open=True
    )


def answer(client, consultation, **fields):
    response = client.post(consultation.url, answer_data(**fields))
    assert response.status_code == 302, response.content[:500]


def count_of(results, question_id, key):
    for theme in results["themes"]:
        for question in theme["questions"]:
            if question["id"] == question_id:
                return next(bar for bar in question["counts"] if bar["key"] == key)
    raise AssertionError(question_id)


def test_the_list_shows_each_consultation_when_open_and_what_it_asks(
    client, golnik_consultation, strazisce_provisioned
):
    builders.consultation(
        strazisce_provisioned, "Posvet v Stražišču", opens=days(3), closes=days(30)
    )
    builders.consultation(
        strazisce_provisioned, "Lanski posvet", opens=days(-400), closes=days(-370)
    )

    data = get(client, LIST)
    assert data["meta"]["total_count"] == 3
    by_title = {item["title"]: item for item in data["items"]}
    newest_first = ["Posvet v Stražišču", "Posvet o skupnostnem prostoru", "Lanski posvet"]
    assert list(by_title) == newest_first
    assert {title: item["state"] for title, item in by_title.items()} == {
        "Posvet o skupnostnem prostoru": "open",
        "Posvet v Stražišču": "upcoming",
        "Lanski posvet": "closed",
    }
    golnik = by_title["Posvet o skupnostnem prostoru"]
    assert golnik["community"]["slug"] == "golnik"
    assert golnik["meta"]["html_url"].endswith(golnik_consultation.url)
    assert len(golnik["themes"]) == 4  # none chosen: all four
    assert "questions" not in golnik  # in the detail
    assert golnik["results"]["public"] is True
    assert golnik["results"]["detail_url"].endswith(results_url(golnik_consultation))
    assert by_title["Posvet v Stražišču"]["results"] == {
        "public": False,
        "detail_url": None,
        "html_url": None,
    }
    # A closed consultation's results are public whatever the editor chose.
    assert by_title["Lanski posvet"]["results"]["public"] is True

    assert [i["title"] for i in get(client, LIST, community="golnik")["items"]] == [
        "Posvet o skupnostnem prostoru"
    ]
    assert [i["title"] for i in get(client, LIST, state="closed")["items"]] == ["Lanski posvet"]
    assert [i["title"] for i in get(client, LIST, state="upcoming")["items"]] == [
        "Posvet v Stražišču"
    ]


def test_the_detail_has_the_questions_with_their_options_and_kinds(client, golnik_consultation):
    item = get(client, f"{LIST}{golnik_consultation.pk}/")
    questions = {question["id"]: question for question in item["questions"]}
    assert list(questions) == ["vrt", "kdaj", "energija", "potrebe", "ponudba"]
    assert questions["vrt"] == {
        "id": "vrt",
        "kind": "single",
        "theme": "food",
        "question": "Bi sodelovali v skupnostnem vrtu?",
        "help_text": "",
        "required": True,
        "options": ["Da", "Morda", "Ne"],
        "scale": None,
        "offer_kinds": None,
    }
    assert questions["kdaj"]["theme"] is None
    assert questions["energija"]["scale"] == {
        "low_label": "nepomembno",
        "high_label": "zelo pomembno",
    }
    assert [kind["key"] for kind in questions["ponudba"]["offer_kinds"]] == [
        "skills",
        "time",
        "space",
        "tools",
        "money",
    ]
    assert questions["ponudba"]["offer_kinds"][0]["label"] == OFFER_KINDS[0][1]
    # The same fields in the detail of `pages`.
    page = get(client, f"/api/v2/pages/{golnik_consultation.pk}/")
    assert page["questions"] == item["questions"]

    golnik_consultation.themes.set([Theme.objects.get(key="food")])
    golnik_consultation.save_revision().publish()
    themes = get(client, f"{LIST}{golnik_consultation.pk}/")["themes"]
    assert themes == [{"key": "food", "label": str(Theme.Key.FOOD.label)}]


def test_drafts_and_private_consultations_are_left_out(
    client, golnik_provisioned, strazisce_provisioned
):
    draft = builders.consultation(golnik_provisioned, "Osnutek posveta")
    draft.unpublish()
    secret = builders.consultation(strazisce_provisioned, "Posvet sveta KS")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")

    assert get(client, LIST)["items"] == []
    for page in (draft, secret):
        assert client.get(f"{LIST}{page.pk}/").status_code == 404
        assert client.get(results_url(page)).status_code == 404


def test_results_are_the_counts_and_grow_with_the_next_answer(client, golnik_consultation):
    """Issue 19's "done when": an answer through the public form shows in the next request."""
    before = get(client, results_url(golnik_consultation))
    assert before["answers"]["online"] == 0
    assert count_of(before, "vrt", "Morda")["total"] == 0

    answer(client, golnik_consultation, **{"q-vrt": "Morda"})

    after = client.get(results_url(golnik_consultation))
    assert after.status_code == 200
    results = after.json()
    assert results["answers"]["online"] == 1
    assert count_of(results, "vrt", "Morda") == {
        "key": "Morda",
        "label": "Morda",
        "online": 1,
        "workshop": 0,
        "total": 1,
    }
    assert count_of(results, "energija", "4")["total"] == 1


@override_settings(PAGE_CACHE_SECONDS=300)
def test_results_are_never_kept_by_the_server_and_always_revalidated(client, golnik_consultation):
    first = client.get(results_url(golnik_consultation))
    assert first["Cache-Control"] == "public, no-cache"
    assert "X-Cache" not in first
    same = client.get(results_url(golnik_consultation), headers={"if-none-match": first["ETag"]})
    assert same.status_code == 304

    answer(client, golnik_consultation, **{"q-vrt": "Ne"})

    fresh = client.get(results_url(golnik_consultation), headers={"if-none-match": first["ETag"]})
    assert fresh.status_code == 200
    assert fresh["ETag"] != first["ETag"]
    assert count_of(fresh.json(), "vrt", "Ne")["online"] == 1
    # The consultation itself is content: kept until the next publish.
    assert client.get(f"{LIST}{golnik_consultation.pk}/")["X-Cache"] == "MISS"
    assert client.get(f"{LIST}{golnik_consultation.pk}/")["X-Cache"] == "HIT"


def test_results_not_public_yet_are_a_404_that_says_so(client, golnik_provisioned):
    hidden = builders.consultation(golnik_provisioned, "Posvet brez vmesnih rezultatov")
    upcoming = builders.consultation(
        golnik_provisioned,
        "Prihodnji posvet",
        opens=days(5),
        closes=days(40),
        results_public_while_open=True,
    )
    for page in (hidden, upcoming):
        response = client.get(results_url(page))
        assert response.status_code == 404
        assert response.json() == {
            "message": "Rezultati tega posveta še niso javni: bodo, ko se posvet zaključi."
        }
    assert client.get(results_url(hidden), {"x": "1"}).status_code == 400
    assert client.get(f"{LIST}999999/results/").status_code == 404


def test_nothing_personal_is_ever_in_the_api(client, golnik_consultation):
    answer(
        client,
        golnik_consultation,
        **{
            "q-potrebe": "Janez Skrivnik iz Bleda bi rad vrt.",
            "q-ponudba-kinds": ["tools", "time"],
            **OFFER_CONTACT,
        },
    )
    Response.objects.create(
        consultation=golnik_consultation, source=Response.Source.WORKSHOP, people_count=3
    ).answers.create(theme="food", note_type="need", text="Zapisala Vesna Tajna z mize 2.")
    approved = Response.objects.create(consultation=golnik_consultation)
    approved.answers.create(
        question_id="potrebe", text="Več klopi ob poti.", approved_for_publication=True
    )

    bodies = [
        client.get(url).content.decode()
        for url in (
            LIST,
            f"{LIST}{golnik_consultation.pk}/",
            results_url(golnik_consultation),
            f"/api/v2/pages/{golnik_consultation.pk}/",
            "/api/v2/pages/",
        )
    ]
    secrets = [
        "Skrivnik",
        "Marta",
        "Zasebnik",
        "marta.zasebnik@example.org",
        "@example.org",
        "041 987 654",
        "Popravim kolo",
        "Vesna",
        "Tajna",
    ]
    for body in bodies:
        for secret in secrets:
            assert secret not in body
    results = client.get(results_url(golnik_consultation)).json()
    assert count_of(results, "ponudba", "tools")["online"] == 1
    assert "Več klopi ob poti." in bodies[2]
    assert Answer.objects.filter(text__contains="Skrivnik").exists()


def test_results_cost_the_same_queries_with_more_answers(
    client, golnik_consultation, django_assert_num_queries
):
    def queries():
        client.get(results_url(golnik_consultation))  # the KS directory, once a version
        with django_assert_num_queries(RESULTS_QUERIES) as context:
            assert client.get(results_url(golnik_consultation)).status_code == 200
        return len(context.captured_queries)

    queries()
    for choice in ("Da", "Morda", "Ne", "Da"):
        answer(client, golnik_consultation, **{"q-vrt": choice})
    queries()


# The consultation, its themes, all themes (it asks about all four), and the eight of
# `results_of`.
RESULTS_QUERIES = 11


def test_the_answers_keep_to_the_openapi_description(client, golnik_consultation):
    """Answers with counts, texts and workshop notes, checked against the description's
    own schemas (the contract test's demo may have no consultation to check)."""
    answer(client, golnik_consultation, **{"q-ponudba-kinds": ["time"], **OFFER_CONTACT})
    note = Response.objects.create(
        consultation=golnik_consultation, source=Response.Source.WORKSHOP, people_count=4
    )
    note.answers.create(
        theme="food", note_type="idea", text="Semenjalnica.", approved_for_publication=True
    )
    spec = client.get("/api/openapi.json").json()

    def conforms(url, schema):
        item_schema = {"$ref": f"#/components/schemas/{schema}"}
        jsonschema_rs.validate({**item_schema, "components": spec["components"]}, get(client, url))

    for item in get(client, LIST)["items"]:
        item_schema = {"$ref": "#/components/schemas/ConsultationsListItem"}
        jsonschema_rs.validate({**item_schema, "components": spec["components"]}, item)
    conforms(f"{LIST}{golnik_consultation.pk}/", "ConsultationsDetail")
    conforms(results_url(golnik_consultation), "ConsultationsResults")

    page = client.get("/api/").content.decode()
    assert 'id="endpoint-consultations"' in page
    assert "/api/v2/consultations/{id}/results/" in page
