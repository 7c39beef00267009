"""Sign-ups stay with their date while the event is edited and published: occurrence rows
are rewritten on every publish and every night, a date that moves takes its sign-ups with
it, and each person hears once of a date moved, cancelled or back."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.events.models import DateChange, ExcludedDate, Occurrence
from portal.signups import booking
from portal.signups.models import SignUp, SignUpDate
from tests import builders

pytestmark = pytest.mark.django_db

WEEK = datetime.timedelta(weeks=1)


def republish(event):
    event.save_revision().publish()
    event.refresh_from_db()
    return event


@pytest.fixture
def weekly():
    ks = builders.community("Golnik")
    start = builders.at(3)
    return builders.signup_event(
        builders.calendar(ks), "Srečanje", capacity=5, start=start, frequency="WEEKLY"
    )


def second_date(event):
    return Occurrence.objects.filter(event=event).order_by("start")[1]


def sign_up_two(date):
    for name in ("Ana", "Bojan"):
        booking.sign_up(date, name=name, email=f"{name.lower()}@example.org")


def mails_to(sent_mail, address):
    return [m for m in sent_mail() if m.to == [address]]


def test_publishing_again_and_the_nightly_refresh_keep_sign_ups_and_mail_no_one(weekly, sent_mail):
    date = builders.signup_date(weekly, second_date(weekly))
    sign_up_two(date)
    before = len(sent_mail())
    republish(weekly)
    call_command("refresh_occurrences", stdout=StringIO())
    assert SignUp.objects.filter(date=date).count() == 2
    assert builders.signup_date(weekly, second_date(weekly)).pk == date.pk
    assert len(sent_mail()) == before


def test_a_moved_date_takes_its_sign_ups_and_tells_each_person_once(weekly, sent_mail):
    occurrence = second_date(weekly)
    date = builders.signup_date(weekly, occurrence)
    sign_up_two(date)
    sent_mail().clear()
    moved_to = occurrence.start + datetime.timedelta(days=1, hours=1)
    weekly.date_changes.add(
        DateChange(
            original_date=timezone.localtime(occurrence.original_start).date(), start=moved_to
        )
    )
    republish(weekly)
    republish(weekly)  # a second publish changes nothing more
    date.refresh_from_db()
    assert date.start == moved_to and date.sequence == 1
    for address in ("ana@example.org", "bojan@example.org"):
        [mail] = mails_to(sent_mail, address)
        assert mail.attachments[0][0] == "dogodek.ics"
        assert "SEQUENCE:1" in mail.attachments[0][1]


def test_a_cancelled_or_left_out_date_is_cancelled_then_back(weekly, sent_mail):
    occurrence = second_date(weekly)
    key = timezone.localtime(occurrence.original_start).date()
    date = builders.signup_date(weekly, occurrence)
    sign_up_two(date)
    sent_mail().clear()
    weekly.excluded_dates.add(ExcludedDate(date=key))
    republish(weekly)
    date.refresh_from_db()
    assert date.is_cancelled
    assert len(mails_to(sent_mail, "ana@example.org")) == 1
    # Nobody can sign up for it now.
    with pytest.raises(booking.SignUpError):
        booking.sign_up(date, name="Cvetka", email="cvetka@example.org")
    weekly.excluded_dates.clear()
    republish(weekly)
    date.refresh_from_db()
    assert not date.is_cancelled
    assert len(mails_to(sent_mail, "ana@example.org")) == 2
    assert SignUp.objects.filter(date=date).active().count() == 2


def test_a_whole_series_moved_by_half_an_hour_keeps_each_date(weekly, sent_mail):
    date = builders.signup_date(weekly, second_date(weekly))
    sign_up_two(date)
    sent_mail().clear()
    weekly.start += datetime.timedelta(minutes=30)
    weekly.end += datetime.timedelta(minutes=30)
    republish(weekly)
    date.refresh_from_db()
    assert timezone.localtime(date.start).minute == 30
    assert SignUpDate.objects.filter(event=weekly).count() == 1
    assert len(mails_to(sent_mail, "bojan@example.org")) == 1


def test_cancelling_the_event_cancels_its_dates(weekly, sent_mail):
    date = builders.signup_date(weekly, second_date(weekly))
    sign_up_two(date)
    sent_mail().clear()
    weekly.status = "cancelled"
    republish(weekly)
    date.refresh_from_db()
    assert date.is_cancelled
    assert len(mails_to(sent_mail, "ana@example.org")) == 1
