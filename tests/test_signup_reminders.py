"""The reminder the day before: `send_reminders` mails each confirmed person once, however
often cron runs it, and never those waiting, cancelled, or who signed up at the last
moment."""

import datetime
import threading
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, connections

from portal.base import clock as portal_clock
from portal.signups import booking
from portal.signups.models import SignUp
from tests import builders

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    call_command("send_reminders", stdout=out)
    return out.getvalue()


def tomorrow_event(capacity=2):
    ks = builders.community("Golnik")
    start = portal_clock.now() + datetime.timedelta(hours=20)
    return builders.signup_event(builders.calendar(ks), capacity=capacity, start=start)


def sign(date, name, places=1):
    return booking.sign_up(date, name=name, email=f"{name.lower()}@example.org", places=places)


def is_reminder(message):
    return message.subject.startswith(("Opomnik", "Reminder"))


def reminders(sent_mail):
    return sorted(m.to[0] for m in sent_mail() if is_reminder(m))


def test_two_runs_remind_each_confirmed_person_once(sent_mail):
    date = builders.signup_date(tomorrow_event())
    for name in ("Ana", "Bojan", "Cvetka"):  # Cvetka waits: two places
        sign(date, name)
    SignUp.objects.update(created_at=portal_clock.now() - datetime.timedelta(days=3))
    assert run().startswith("2 ")
    assert run().startswith("0 ")
    assert reminders(sent_mail) == ["ana@example.org", "bojan@example.org"]
    reminder = next(m for m in sent_mail() if m.to == ["ana@example.org"] and is_reminder(m))
    assert reminder.attachments[0][0] == "dogodek.ics"
    assert "/prijava/preklic/?kljuc=" in reminder.body


def test_no_reminder_for_the_cancelled_the_late_or_a_far_date(sent_mail):
    date = builders.signup_date(tomorrow_event(capacity=5))
    cancelled = sign(date, "Ana")
    booking.cancel(cancelled)
    sign(date, "Bojan")  # signed up 20 hours before: a reminder
    late = sign(date, "Cvetka")
    SignUp.objects.filter(pk=late.pk).update(created_at=date.start - datetime.timedelta(hours=2))
    ks = builders.community("Stražišče")
    far = builders.signup_event(builders.calendar(ks), capacity=5, start=builders.at(5))
    sign(builders.signup_date(far), "Darja")
    run()
    assert reminders(sent_mail) == ["bojan@example.org"]


def test_a_cancelled_date_reminds_no_one(sent_mail):
    event = tomorrow_event()
    date = builders.signup_date(event)
    sign(date, "Ana")
    event.status = "cancelled"
    event.save_revision().publish()
    run()
    assert reminders(sent_mail) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="two hosts share PostgreSQL")
def test_two_hosts_running_at_once_remind_once(sent_mail):
    date = builders.signup_date(tomorrow_event(capacity=20))
    for number in range(10):
        sign(date, f"Oseba{number}")
    SignUp.objects.update(created_at=portal_clock.now() - datetime.timedelta(days=3))
    start = threading.Barrier(2, timeout=20)
    counts = []

    def host():
        try:
            start.wait()
            counts.append(int(run().split()[0]))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=host) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 10
    assert len(reminders(sent_mail)) == 10
