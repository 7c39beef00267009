"""From answers to action (issue 19): an offer whose resident consented becomes a
stakeholder or a draft programme of the KS in one click, linked back to its answer."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from portal.consultations.models import Answer, Offer, Response
from portal.stakeholders.models import Stakeholder
from programmes.models import Programme
from tests import builders

pytestmark = pytest.mark.django_db

OFFERS = "wagtailsnippets_consultations_offer"
PROGRAMMES = "wagtailsnippets_programmes_programme"
STAKEHOLDERS = "wagtailsnippets_stakeholders_stakeholder"


@pytest.fixture
def golnik_consultation(golnik_provisioned):
    return builders.consultation(golnik_provisioned, "Posvet o skupnostnem prostoru")


@pytest.fixture
def editor(ks_editor):
    client = Client()
    client.force_login(ks_editor)
    return client


def an_offer(consultation, consent=True, **fields):
    response = Response.objects.create(consultation=consultation)
    fields.setdefault("description", "Vodim popravljalnico koles.\nOb sobotah dopoldne.")
    return Offer.objects.create(
        response=response,
        question_id="ponudba",
        theme="circular_economy",
        skills=True,
        time=True,
        name="Ana Novak",
        email="ana@example.com",
        phone="041 123 456",
        consent_to_contact=consent,
        **fields,
    )


def action(name, offer):
    return reverse(f"{OFFERS}:{name}", args=[offer.pk])


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def test_the_listing_shows_the_ks_offers_with_what_they_offer(editor, golnik_consultation):
    offer = an_offer(golnik_consultation)
    html = editor.get(reverse(f"{OFFERS}:list")).content.decode()
    assert "Vodim popravljalnico koles." in html
    assert "Posvet o skupnostnem prostoru" in html
    assert "znanje in veščine, čas (prostovoljno delo)" in html.lower()
    assert action("inspect", offer) in html


def test_an_offer_becomes_a_draft_programme_linked_to_its_answer(editor, golnik_consultation):
    offer = an_offer(golnik_consultation)
    page = editor.get(action("inspect", offer)).content.decode()
    assert action("make_programme", offer) in page
    assert 'value="repair_cafe"' in page

    response = editor.post(action("make_programme", offer), {"programme_type": "repair_cafe"})

    offer.refresh_from_db()
    programme = offer.programme
    assert response.status_code == 302
    assert response["Location"] == reverse(f"{PROGRAMMES}:edit", args=[programme.pk])
    assert "Osnutek programa" in messages_of(response)[0]
    assert programme.title == "Vodim popravljalnico koles."
    assert programme.programme_type == "repair_cafe"
    assert programme.community_id == golnik_consultation.get_parent().pk
    assert [theme.key for theme in programme.themes.all()] == ["circular_economy"]
    assert not programme.live and programme.latest_revision is not None
    # The programme's editor opens as a draft and leads back to the offer and its answer.
    edit = editor.get(response["Location"]).content.decode()
    assert "Osnutek" in edit
    assert action("inspect", offer) in edit
    assert "Posvet o skupnostnem prostoru" in edit
    answer = editor.get(
        reverse("wagtailsnippets_consultations_response:inspect", args=[offer.response_id])
    ).content.decode()
    assert reverse(f"{PROGRAMMES}:edit", args=[programme.pk]) in answer
    # Made once: the action gives way to the link.
    again = editor.get(action("inspect", offer)).content.decode()
    assert action("make_programme", offer) not in again
    assert reverse(f"{PROGRAMMES}:edit", args=[programme.pk]) in again
    refused = editor.post(action("make_programme", offer), {"programme_type": "repair_cafe"})
    assert refused.status_code == 403
    assert Programme.objects.count() == 1


def test_an_offer_becomes_a_stakeholder_then_organises_its_programme(editor, golnik_consultation):
    offer = an_offer(golnik_consultation)
    response = editor.post(action("make_stakeholder", offer))
    offer.refresh_from_db()
    stakeholder = offer.stakeholder
    assert response["Location"] == reverse(f"{STAKEHOLDERS}:edit", args=[stakeholder.pk])
    assert (stakeholder.name, stakeholder.contact_person, stakeholder.email, stakeholder.phone) == (
        "Ana Novak",
        "Ana Novak",
        "ana@example.com",
        "041 123 456",
    )
    assert stakeholder.sector == Stakeholder.Sector.INDIVIDUAL
    assert stakeholder.community_id == golnik_consultation.get_parent().pk
    assert action("inspect", offer) in editor.get(response["Location"]).content.decode()

    editor.post(action("make_programme", offer), {"programme_type": "repair_cafe"})
    offer.refresh_from_db()
    assert list(offer.programme.organisers.all()) == [stakeholder]


def test_an_offer_without_consent_cannot_become_anything(editor, golnik_consultation):
    offer = an_offer(golnik_consultation, consent=False)
    page = editor.get(action("inspect", offer)).content.decode()
    assert action("make_programme", offer) not in page
    assert action("make_stakeholder", offer) not in page
    for name, data in (
        ("make_stakeholder", {}),
        ("make_programme", {"programme_type": "repair_cafe"}),
    ):
        response = editor.post(action(name, offer), data)
        assert response.status_code == 403
        assert "ni privolil" in response.content.decode()
    assert not Programme.objects.exists() and not Stakeholder.objects.exists()


def test_only_installed_programme_types_are_offered(editor, golnik_consultation, settings):
    settings.PROGRAMME_PLUGINS = ["repair_cafe", "community_garden"]
    offer = an_offer(golnik_consultation)
    page = editor.get(action("inspect", offer)).content.decode()
    assert re.findall(r'<option value="([^"]+)"', page) == ["repair_cafe", "community_garden"]
    response = editor.post(action("make_programme", offer), {"programme_type": "energy_advice"})
    assert response.status_code == 403
    assert "Izberite eno od ponujenih vrst programa" in response.content.decode()
    assert not Programme.objects.exists()


def test_a_workshop_offer_with_consent_becomes_an_offer_to_act_on(editor, golnik_consultation):
    url = reverse("consultation_workshop_entry", args=[golnik_consultation.pk])
    note = {
        "workshop_date": "7. 11. 2017",
        "theme": "food",
        "note_type": "offer",
        "text": "Semena iz domačega vrta",
        "people_count": "1",
    }
    assert editor.post(url, note).status_code == 302
    assert (
        editor.post(
            url,
            note
            | {
                "contact_name": "Janez Kos",
                "contact": "janez@example.com",
                "consent_to_contact": "on",
            },
        ).status_code
        == 302
    )
    without, agreed = Offer.objects.order_by("pk")
    assert (without.description, without.name, without.consent_to_contact) == (
        "Semena iz domačega vrta",
        "",
        False,
    )
    assert (agreed.name, agreed.email, agreed.consent_to_contact) == (
        "Janez Kos",
        "janez@example.com",
        True,
    )
    assert agreed.theme == "food" and agreed.consent_at is not None
    assert Answer.objects.filter(note_type="offer").count() == 2


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"contact": "janez@example.com"}, "Označite, da se je oseba strinjala"),
        ({"consent_to_contact": "on"}, "Vpišite, kako doseči osebo"),
        ({"contact": "ne vem", "consent_to_contact": "on"}, "e-poštni naslov ali telefonsko"),
        (
            {"note_type": "need", "contact": "041 123 456", "consent_to_contact": "on"},
            "samo pri zapisu vrste ponudba",
        ),
    ],
)
def test_a_workshop_contact_needs_consent_and_an_offer(editor, golnik_consultation, extra, message):
    url = reverse("consultation_workshop_entry", args=[golnik_consultation.pk])
    note = {
        "workshop_date": "7. 11. 2017",
        "theme": "food",
        "note_type": "offer",
        "text": "Semena",
        "people_count": "1",
    }
    response = editor.post(url, note | extra)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Offer.objects.exists()


def test_the_listing_takes_as_many_queries_for_many_offers_as_for_one(
    editor, golnik_consultation, ks_editor
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.consultations import offers

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(reverse(f"{OFFERS}:list")).status_code == 200
        return [query["sql"] for query in captured]

    def offer_made_into_both():
        offer = an_offer(golnik_consultation)
        offers.make_stakeholder(offer, ks_editor)
        offers.make_draft_programme(offer, ks_editor, "repair_cafe")

    # A new stakeholder or programme renews the content version: a first request after
    # making them fills the kept values again (the site, the sections), then we count.
    offer_made_into_both()
    editor.get(reverse(f"{OFFERS}:list"))
    one = queries()
    for _ in range(5):
        offer_made_into_both()
    editor.get(reverse(f"{OFFERS}:list"))
    assert len(queries()) == len(one)
