"""Sign-up dates follow their event's publish (`portal.signups.dates.reconcile`): a publish
that changes nothing keeps every sign-up and mails no one; a new time moves the date and
tells each person once; a cancelled event cancels its dates and tells them once."""

from io import StringIO

import pytest
from django.core.management import call_command

from portal.events.models import DateChange, EventPage, ExcludedDate
from portal.events.models import Status as EventStatus
from portal.signups import booking, emails, ics
from portal.signups.models import SignUp, SignUpDate
from tests import builders
from tests.builders import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def date():
    cal = builders.calendar(builders.community("Golnik"))
    event = builders.signup_event(cal, capacity=5, start=at(7, 18))
    date = builders.signup_date(event)
    for name in ["Ana", "Bojan"]:
        booking.sign_up(date, name=name, email=f"{name.lower()}@example.org")
    return date


def republish(event, **changes):
    page = EventPage.objects.get(pk=event.pk).specific
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_publishing_again_and_refreshing_keep_sign_ups_and_mail_no_one(date, sent_mail):
    sent_mail().clear()
    republish(date.event)
    republish(date.event)
    call_command("refresh_occurrences", stdout=StringIO())
    assert SignUpDate.objects.get() == date
    assert SignUp.objects.filter(date=date).confirmed().count() == 2
    assert SignUpDate.objects.get().sequence == 0
    assert sent_mail() == []


def test_a_new_time_moves_the_same_date_and_tells_each_person_once(date, sent_mail):
    sent_mail().clear()
    republish(date.event, start=at(7, 18, 30), end=at(7, 20, 30))
    moved = SignUpDate.objects.get()
    assert moved.pk == date.pk
    assert moved.start == at(7, 18, 30)
    assert moved.sequence == 1
    mails = sent_mail()
    assert sorted(m.to[0] for m in mails) == ["ana@example.org", "bojan@example.org"]
    for message in mails:
        assert "18.30" in message.body or "18:30" in message.body
        (filename, content, _mimetype) = message.attachments[0]
        assert filename == ics.FILENAME
        assert "SEQUENCE:1" in str(content)


def test_cancelling_the_event_cancels_its_date_and_tells_each_person_once(date, sent_mail):
    sent_mail().clear()
    republish(date.event, status=EventStatus.CANCELLED)
    republish(date.event)
    assert SignUpDate.objects.get().cancelled_at is not None
    mails = sent_mail()
    assert sorted(m.to[0] for m in mails) == ["ana@example.org", "bojan@example.org"]
    cancelled = emails.SUBJECTS[emails.DATE_CANCELLED]() % {"event": date.event.title}
    assert [m.subject for m in mails] == [cancelled, cancelled]

    # Back on: reopened, each told once more.
    sent_mail().clear()
    republish(date.event, status=EventStatus.SCHEDULED)
    assert SignUpDate.objects.get().cancelled_at is None
    assert sorted(m.to[0] for m in sent_mail()) == ["ana@example.org", "bojan@example.org"]


@pytest.fixture
def weekly():
    """A weekly event from two days ahead at 18.00; Ana and Bojan on its second date."""
    cal = builders.calendar(builders.community("Golnik"))
    event = builders.signup_event(cal, "Tečaj", capacity=5, start=at(2, 18), frequency="WEEKLY")
    second = event.occurrences.order_by("start")[1]
    date = builders.signup_date(event, second)
    for name in ["Ana", "Bojan"]:
        booking.sign_up(date, name=name, email=f"{name.lower()}@example.org")
    return event, date


def changed(event, change):
    page = EventPage.objects.get(pk=event.pk).specific
    change(page)
    page.save_revision().publish()


def told(sent_mail):
    return sorted(m.to[0] for m in sent_mail())


EVERYONE = ["ana@example.org", "bojan@example.org"]


def test_a_moved_cancelled_and_restored_date_of_a_series(weekly, sent_mail):
    event, date = weekly
    sent_mail().clear()
    moved_to = at(10, 17)
    changed(
        event, lambda p: p.date_changes.add(DateChange(original_date=date.date_key, start=moved_to))
    )
    date.refresh_from_db()
    assert (date.start, date.sequence, date.cancelled_at) == (moved_to, 1, None)
    assert told(sent_mail) == EVERYONE
    assert SignUp.objects.filter(date=date).confirmed().count() == 2

    sent_mail().clear()
    changed(event, lambda p: p.excluded_dates.add(ExcludedDate(date=date.date_key)))
    date.refresh_from_db()
    assert date.cancelled_at is not None
    assert told(sent_mail) == EVERYONE

    sent_mail().clear()
    changed(event, lambda p: p.excluded_dates.clear())
    date.refresh_from_db()
    assert date.cancelled_at is None
    assert told(sent_mail) == EVERYONE


def test_a_new_time_for_the_series_keeps_the_date(weekly, sent_mail):
    event, date = weekly
    sent_mail().clear()
    changed(event, lambda p: (setattr(p, "start", at(2, 18, 30)), setattr(p, "end", at(2, 20, 30))))
    assert SignUpDate.objects.get().pk == date.pk
    date.refresh_from_db()
    assert date.start == at(9, 18, 30) and date.sequence == 1
    assert told(sent_mail) == EVERYONE


def test_cancelling_a_series_cancels_its_upcoming_dates(weekly, sent_mail):
    event, date = weekly
    sent_mail().clear()
    changed(event, lambda p: setattr(p, "status", EventStatus.CANCELLED))
    date.refresh_from_db()
    assert date.cancelled_at is not None
    assert told(sent_mail) == EVERYONE


def test_a_date_change_that_cancels_a_date_tells_each_person_once(weekly, sent_mail):
    event, date = weekly
    sent_mail().clear()
    cancel = DateChange(original_date=date.date_key, cancelled=True)
    changed(event, lambda p: p.date_changes.add(cancel))
    changed(event, lambda p: None)  # published again: no second mail
    date.refresh_from_db()
    assert date.cancelled_at is not None
    assert told(sent_mail) == EVERYONE
