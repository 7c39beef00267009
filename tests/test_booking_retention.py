"""The requester's personal data goes a configurable time after the booking."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings

from portal.bookings.models import BookingDate, BookingRequest
from tests import builders

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 26, 12, tzinfo=datetime.UTC)


def booking(space, purpose, ended, is_public):
    request = BookingRequest.objects.create(
        space=space,
        name="Ana Novak",
        email="ana@example.org",
        phone="041 123 456",
        organisation="Pevski zbor",
        purpose=purpose,
        description="Rojstni dan Ane",
        is_public=is_public,
        attendance=10,
        consent_at=ended,
        status=BookingRequest.Status.APPROVED,
    )
    BookingDate.objects.create(
        request=request, space=space, start=ended - datetime.timedelta(hours=2), end=ended
    )
    return request


def run():
    from io import StringIO

    out = StringIO()
    call_command("anonymise_bookings", stdout=out)
    return out.getvalue()


@override_settings(BOOKING_RETENTION_MONTHS=12)
def test_requests_older_than_the_retention_lose_their_personal_data(clock):
    clock.set(NOW)
    space = builders.space(builders.community("Golnik"))
    old_public = booking(space, "Vaja zbora", NOW - datetime.timedelta(days=400), True)
    old_private = booking(space, "Rojstni dan Ane", NOW - datetime.timedelta(days=370), False)
    recent = booking(space, "Sestanek", NOW - datetime.timedelta(days=300), False)

    output = run()
    assert "2 booking requests" in output and "2/2 anonymised" in output

    old_public.refresh_from_db()
    assert (old_public.name, old_public.email, old_public.phone) == ("", "", "")
    assert old_public.description == ""
    assert old_public.purpose == "Vaja zbora"  # public anyway
    assert old_public.anonymised_at == NOW
    old_private.refresh_from_db()
    assert old_private.purpose == "zasebna uporaba"
    assert old_private.dates.count() == 1  # the use itself stays on record
    recent.refresh_from_db()
    assert recent.email == "ana@example.org"

    assert "0 booking requests" in run()  # nothing left to do


@override_settings(BOOKING_RETENTION_MONTHS=6)
def test_the_retention_is_a_setting(clock):
    clock.set(NOW)
    space = builders.space(builders.community("Golnik"))
    booking(space, "Sestanek", NOW - datetime.timedelta(days=200), False)
    assert "1/1 anonymised" in run()


@override_settings(BOOKING_RETENTION_MONTHS=12)
def test_the_reason_a_date_was_declined_goes_with_the_personal_data(clock):
    """The KS's reason for declining a date may name the requester (issue 17); whether
    the requester accepted the house rules, and the programme, stay on record."""
    clock.set(NOW)
    space = builders.space(builders.community("Golnik"))
    old = booking(space, "Vaja zbora", NOW - datetime.timedelta(days=400), True)
    BookingDate.objects.create(
        request=old,
        space=space,
        start=NOW - datetime.timedelta(days=393, hours=2),
        end=NOW - datetime.timedelta(days=393),
        decision=BookingDate.Decision.DECLINED,
        reason="Ana Novak je ta dan že imela sobo.",
    )
    BookingRequest.objects.filter(pk=old.pk).update(house_rules_accepted_at=NOW)
    recent = booking(space, "Sestanek", NOW - datetime.timedelta(days=300), False)
    recent.dates.update(decision=BookingDate.Decision.DECLINED, reason="Zaprto.")

    assert "1/1 anonymised" in run()

    assert set(old.dates.values_list("reason", flat=True)) == {""}
    assert list(recent.dates.values_list("reason", flat=True)) == ["Zaprto."]
    old.refresh_from_db()
    assert old.house_rules_accepted_at == NOW
