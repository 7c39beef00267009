"""A sign-up's personal data goes SIGNUP_RETENTION_MONTHS after its date; places and
attendance stay for the utilisation report."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings

from portal.signups import booking
from portal.signups.models import SignUp, SignUpDate
from tests import builders

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("remove_expired_personal_data", only=["signups"], stdout=out)
    return out.getvalue()


@override_settings(SIGNUP_RETENTION_MONTHS=6)
def test_personal_data_goes_six_months_after_the_date():
    ks = builders.community("Golnik")
    cal = builders.calendar(ks)
    old = builders.signup_date(builders.signup_event(cal, "Stara delavnica", capacity=5))
    recent = builders.signup_date(builders.signup_event(cal, "Nova delavnica", capacity=5))
    kept = booking.sign_up(recent, name="Bojan Kos", email="bojan@example.org", phone="041")
    gone = booking.sign_up(
        old,
        name="Ana Novak",
        email="ana@example.org",
        phone="041 123 456",
        places=2,
        answers={"q1": "kolo"},
    )
    SignUp.objects.filter(pk=gone.pk).update(attended=True)
    SignUpDate.objects.filter(pk=old.pk).update(
        start=builders.at(-200), end=builders.at(-200) + datetime.timedelta(hours=2)
    )
    assert run().startswith("1 event sign-ups")
    gone.refresh_from_db()
    assert (gone.name, gone.email, gone.phone, gone.answers, gone.cancel_key) == (
        "",
        "",
        "",
        {},
        "",
    )
    assert gone.anonymised_at is not None
    assert (gone.places, gone.status, gone.attended) == (2, "confirmed", True)
    kept.refresh_from_db()
    assert kept.name == "Bojan Kos"
    assert run().startswith("0 ")
    # The cancel link of an anonymised sign-up no longer works.
    assert str(gone) != "Ana Novak"
