"""Residents' personal data in consultations goes a configurable time after the
consultation closes (issue 19): `remove_expired_personal_data`, the one retention command."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from portal.consultations.models import Answer, Offer, Response
from tests import builders

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC)


def run(*only):
    out = StringIO()
    call_command("remove_expired_personal_data", *(f"--only={name}" for name in only), stdout=out)
    return out.getvalue()


def answered(consultation, text="Moje ime je Ana, rada bi vrt.", approved=False):
    response = Response.objects.create(consultation=consultation, submitted_at=NOW)
    Answer.objects.create(
        response=response, question_id="potrebe", text=text, approved_for_publication=approved
    )
    Answer.objects.create(response=response, question_id="vrt", option="Da")
    Offer.objects.create(
        response=response,
        question_id="ponudba",
        skills=True,
        description="Učim šivanje, Ana Novak",
        name="Ana Novak",
        email="ana@example.org",
        phone="041 123 456",
        consent_to_contact=True,
    )
    return response


@override_settings(CONSULTATION_RETENTION_MONTHS=12)
def test_personal_data_goes_a_year_after_the_consultation_closes(clock):
    clock.set(NOW)
    ks = builders.community("Golnik")
    old = builders.consultation(
        ks,
        "Posvet 2024",
        opens=NOW - datetime.timedelta(days=430),
        closes=NOW - datetime.timedelta(days=400),
    )
    recent = builders.consultation(
        ks,
        "Posvet 2026",
        opens=NOW - datetime.timedelta(days=60),
        closes=NOW - datetime.timedelta(days=30),
    )
    first, second = answered(old), answered(old, "Klopi pred domom", approved=True)
    kept = answered(recent)

    output = run("consultations")
    assert "2 consultation responses" in output and "2/2 anonymised" in output
    assert "Done: 2 consultation responses anonymised." in output

    offer = first.offers.get()
    assert (offer.description, offer.name, offer.email, offer.phone) == ("", "", "", "")
    assert offer.anonymised_at == NOW
    assert offer.skills and offer.consent_to_contact  # still counted
    assert first.answers.get(question_id="potrebe").text == ""
    assert first.answers.get(question_id="vrt").option == "Da"
    # A text an editor approved for the public results names no one: it stays public.
    assert second.answers.get(question_id="potrebe").text == "Klopi pred domom"
    assert second.offers.get().email == ""
    # A consultation closed a month ago keeps everything.
    assert kept.offers.get().email == "ana@example.org"
    assert kept.answers.get(question_id="potrebe").text == "Moje ime je Ana, rada bi vrt."

    again = run("consultations")
    assert "0 consultation responses" in again and "Done: 0" in again
    offer.refresh_from_db()
    assert offer.anonymised_at == NOW


@override_settings(CONSULTATION_RETENTION_MONTHS=1, BOOKING_RETENTION_MONTHS=12)
def test_the_one_command_runs_every_policy_and_the_months_are_a_setting(clock):
    clock.set(NOW)
    consultation = builders.consultation(
        builders.community("Golnik"),
        opens=NOW - datetime.timedelta(days=60),
        closes=NOW - datetime.timedelta(days=40),
    )
    answered(consultation)
    output = run()
    assert "booking requests" in output
    assert "1 consultation responses to consultations closed more than 1 months ago" in output
    assert Offer.objects.get().name == ""


def test_an_unknown_policy_is_an_error():
    with pytest.raises(Exception, match="No retention policy named nope"):
        run("nope")
