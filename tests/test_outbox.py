"""Every e-mail of the portal goes through the outbox: written in the transaction of the
change it reports, sent later by `send_mail_outbox` through the real backend, tried again
with growing waits when the mail server fails, never sent twice, deleted after its
retention (decision 0017). The admin's side is in tests/test_community_boundary.py."""

import datetime
import io
import os
import signal
import threading
import time
from email.mime.text import MIMEText

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.urls import reverse

from portal.outbox import sender
from portal.outbox.models import OutboxMessage
from tests.builders import LJUBLJANA
from tests.mail_backends import SecondSenderBackend

pytestmark = pytest.mark.django_db

Status = OutboxMessage.Status
NOW = datetime.datetime(2026, 11, 30, 8, tzinfo=LJUBLJANA)
MINUTE = datetime.timedelta(minutes=1)
DAY = datetime.timedelta(days=1)
ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Kranj//KS//SL\r\nEND:VCALENDAR\r\n"


def run():
    """One cron run of the sender; what it printed."""
    out = io.StringIO()
    call_command("send_mail_outbox", stdout=out)
    return out.getvalue()


def write(subject="Vabilo na delavnico", to=("ana@example.org",)):
    send_mail(subject, "Besedilo sporočila.", None, list(to))


def parts(mime):
    return [
        (part.get_content_type(), part.get_filename(), part.get_payload(decode=True))
        for part in mime.walk()
        if not part.is_multipart()
    ]


def test_every_part_of_a_message_reaches_the_mail_server_as_written(clock, sent_mail):
    clock.set(NOW)
    message = EmailMultiAlternatives(
        subject="Prijava na delavnico šivanja",
        body="Prijavljeni ste.",
        from_email="ks.golnik@example.org",
        to=["ana@example.org"],
        cc=["tajnistvo@example.org"],
        bcc=["arhiv@example.org"],
        reply_to=["golnik@example.org"],
        headers={"X-Portal-Kind": "signup"},
    )
    message.attach_alternative("<p>Prijavljeni ste.</p>", "text/html")
    message.attach("dogodek.ics", ICS, "text/calendar")
    message.attach("urnik.pdf", b"%PDF-1.4 \x00\xff\xfe", "application/pdf")
    note = MIMEText("Ločen del sporočila.", "plain", "utf-8")
    note.add_header("Content-Disposition", "attachment", filename="opomba.txt")
    message.attach(note)

    assert message.send() == 1
    stored = OutboxMessage.objects.get()
    assert stored.status == Status.QUEUED
    assert stored.recipients == "ana@example.org, tajnistvo@example.org, arhiv@example.org"
    assert not mail.outbox  # nothing went to the mail server while the caller waited

    [delivered] = sent_mail()
    assert (delivered.subject, delivered.body, delivered.from_email) == (
        "Prijava na delavnico šivanja",
        "Prijavljeni ste.",
        "ks.golnik@example.org",
    )
    assert (delivered.to, delivered.cc, delivered.bcc, delivered.reply_to) == (
        ["ana@example.org"],
        ["tajnistvo@example.org"],
        ["arhiv@example.org"],
        ["golnik@example.org"],
    )
    assert delivered.alternatives == [("<p>Prijavljeni ste.</p>", "text/html")]
    assert delivered.attachments[:2] == [
        ("dogodek.ics", ICS, "text/calendar"),
        ("urnik.pdf", b"%PDF-1.4 \x00\xff\xfe", "application/pdf"),
    ]
    sent_mime = delivered.message()
    assert parts(sent_mime) == parts(message.message())
    assert sent_mime["X-Portal-Kind"] == "signup"
    assert sent_mime["Message-ID"] == stored.message["headers"]["Message-ID"]


def test_a_change_that_is_rolled_back_sends_nothing(sent_mail):
    with pytest.raises(RuntimeError), transaction.atomic():
        write()
        raise RuntimeError("the change failed after its mail was written")
    assert not OutboxMessage.objects.exists()
    assert not sent_mail()


def test_a_working_mail_server_gets_each_message_once(clock):
    clock.set(NOW)
    for number in range(3):
        write(f"Sporočilo {number}")
    assert run() == "Sent 3, to retry 0, not sent 0, deleted 0 past retention.\n"
    assert run() == ""  # nothing to do: cron gets no output to mail
    assert sorted(message.subject for message in mail.outbox) == [
        "Sporočilo 0",
        "Sporočilo 1",
        "Sporočilo 2",
    ]
    assert set(OutboxMessage.objects.values_list("status", "attempts", "sent_at")) == {
        (Status.SENT, 1, NOW)
    }


def test_a_failing_mail_server_is_tried_again_with_growing_waits_then_given_up(clock, settings):
    settings.OUTBOX_EMAIL_BACKEND = "tests.mail_backends.BrokenBackend"
    settings.OUTBOX_MAX_ATTEMPTS = 4
    settings.OUTBOX_RETRY_MAX_SECONDS = 150
    clock.set(NOW)
    write()

    def state():
        message = OutboxMessage.objects.get()
        return message.status, message.attempts, message.next_attempt_at

    assert "to retry 1" in run()
    assert state() == (Status.QUEUED, 1, NOW + MINUTE)
    assert "451 4.3.0 Mail server temporarily unavailable" in OutboxMessage.objects.get().last_error
    clock.set(NOW + MINUTE - datetime.timedelta(seconds=1))
    run()
    assert state() == (Status.QUEUED, 1, NOW + MINUTE)  # not yet
    clock.set(NOW + MINUTE)
    run()
    assert state() == (Status.QUEUED, 2, NOW + 3 * MINUTE)  # waits 2 minutes
    clock.set(NOW + 3 * MINUTE)
    run()
    assert state() == (Status.QUEUED, 3, NOW + 5.5 * MINUTE)  # 4 minutes, at most 150 s
    clock.set(NOW + 5.5 * MINUTE)
    assert "not sent 1" in run()
    assert state() == (Status.FAILED, 4, None)
    clock.set(NOW + 30 * DAY - MINUTE)
    run()
    assert state() == (Status.FAILED, 4, None)
    assert not mail.outbox


def test_the_same_message_goes_out_once_the_mail_server_is_back(clock, settings):
    settings.OUTBOX_EMAIL_BACKEND = "tests.mail_backends.BrokenBackend"
    clock.set(NOW)
    write()
    run()
    written_id = OutboxMessage.objects.get().message["headers"]["Message-ID"]
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clock.set(NOW + MINUTE)
    assert "Sent 1" in run()
    [delivered] = mail.outbox
    assert delivered.message()["Message-ID"] == written_id  # the same message, not a copy
    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts, message.last_error) == (Status.SENT, 2, "")


def test_a_recipient_refused_for_good_is_not_tried_again(clock, settings):
    settings.OUTBOX_EMAIL_BACKEND = "tests.mail_backends.RejectingBackend"
    clock.set(NOW)
    write(to=["ni-taksnega@example.org"])
    assert "not sent 1" in run()
    message = OutboxMessage.objects.get()
    assert (message.status, message.attempts) == (Status.FAILED, 1)
    assert "550" in message.last_error


def test_a_sender_that_starts_while_another_is_sending_takes_none_of_its_messages(clock, settings):
    settings.OUTBOX_EMAIL_BACKEND = "tests.mail_backends.SecondSenderBackend"
    SecondSenderBackend.second_sender_ran = False
    clock.set(NOW)
    subjects = [f"Sporočilo {number:02d}" for number in range(sender.BATCH + 2)]
    for subject in subjects:
        write(subject)
    run()
    assert SecondSenderBackend.second_sender_ran
    # The first sender took a batch; the second took only what was left.
    assert sorted(message.subject for message in mail.outbox) == subjects
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {(Status.SENT, 1)}


def test_a_sender_that_died_half_way_leaves_its_messages_to_another(clock):
    clock.set(NOW)
    write()
    [taken] = sender.claim()  # a sender took it, then its host went down
    clock.set(NOW + sender.CLAIM - MINUTE)
    assert run() == ""
    clock.set(NOW + sender.CLAIM + MINUTE)
    assert "Sent 1" in run()
    assert len(mail.outbox) == 1
    assert OutboxMessage.objects.get(pk=taken.pk).status == Status.SENT


def test_a_mail_server_that_never_answers_is_given_email_timeout_seconds(
    clock, settings, silent_mail_server
):
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = silent_mail_server.port
    settings.EMAIL_TIMEOUT = 1
    clock.set(NOW)
    write()
    assert silent_mail_server.connections == 0  # the caller did not wait for it
    started = time.monotonic()
    assert "to retry 1" in run()
    took = time.monotonic() - started
    assert 0.9 < took < 5, took
    assert silent_mail_server.connections == 1
    message = OutboxMessage.objects.get()
    assert (message.status, message.next_attempt_at) == (Status.QUEUED, NOW + MINUTE)
    assert "timed out" in message.last_error


def test_sent_mail_is_deleted_after_its_retention_and_unsent_mail_later(clock, settings):
    settings.OUTBOX_KEEP_SENT_DAYS = 14
    settings.OUTBOX_KEEP_FAILED_DAYS = 30
    for days_ago, subject in ((15, "poslano pred 15 dnevi"), (13, "poslano pred 13 dnevi")):
        clock.set(NOW - days_ago * DAY)
        write(subject)
        run()
    settings.OUTBOX_EMAIL_BACKEND = "tests.mail_backends.RejectingBackend"
    for days_ago, subject in ((31, "neposlano pred 31 dnevi"), (29, "neposlano pred 29 dnevi")):
        clock.set(NOW - days_ago * DAY)
        write(subject)
        run()
    clock.set(NOW)
    assert "deleted 2 past retention" in run()
    assert sorted(OutboxMessage.objects.values_list("subject", flat=True)) == [
        "neposlano pred 29 dnevi",
        "poslano pred 13 dnevi",
    ]


def test_with_delivery_after_commit_the_app_sends_mail_itself(
    settings, django_capture_on_commit_callbacks
):
    """The development server's way (portal/settings/dev.py): no worker to start."""
    settings.OUTBOX_DELIVER_AFTER_COMMIT = True
    with django_capture_on_commit_callbacks(execute=True):
        write("Takoj po potrditvi")
        assert not mail.outbox  # not before the commit
    assert [message.subject for message in mail.outbox] == ["Takoj po potrditvi"]
    assert OutboxMessage.objects.get().status == Status.SENT


def test_a_password_reset_mail_goes_through_the_outbox(client, sent_mail):
    get_user_model().objects.create_user("ana", email="ana@example.org", password="x" * 12)
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": "ana@example.org"})
    assert response.status_code == 302
    assert OutboxMessage.objects.get().recipients == "ana@example.org"
    assert not mail.outbox
    [message] = sent_mail()
    assert "/admin/password_reset/confirm/" in message.body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks are PostgreSQL's")
def test_two_senders_at_once_send_every_message_once(settings):
    settings.OUTBOX_EMAIL_BACKEND = "tests.mail_backends.SlowBackend"
    subjects = [f"Sporočilo {number:02d}" for number in range(40)]
    for subject in subjects:
        write(subject)
    together = threading.Barrier(2, timeout=20)
    outcomes = []

    def send():
        try:
            together.wait()
            outcomes.append(sender.send_due())
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(message.subject for message in mail.outbox) == subjects
    assert sorted(outcome.sent for outcome in outcomes)[0] > 0  # both took a share
    assert sum(outcome.sent for outcome in outcomes) == len(subjects)
    assert set(OutboxMessage.objects.values_list("status", "attempts")) == {(Status.SENT, 1)}


def test_the_worker_sends_until_it_is_told_to_stop(monkeypatch):
    from portal.outbox.management.commands import send_mail_outbox

    # The test's transaction stands in for the worker's own database connection.
    monkeypatch.setattr(send_mail_outbox, "close_old_connections", lambda: None)
    write("Za delavca")
    original = signal.getsignal(signal.SIGTERM)

    def stop_once_sent():
        deadline = time.monotonic() + 20
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(os.getpid(), signal.SIGTERM)  # as the process manager stops the worker

    stopper = threading.Thread(target=stop_once_sent)
    stopper.start()
    out = io.StringIO()
    call_command("send_mail_outbox", "--loop", "--interval", "0.05", stdout=out)
    stopper.join()
    assert [message.subject for message in mail.outbox] == ["Za delavca"]
    assert "Sent 1" in out.getvalue()
    assert signal.getsignal(signal.SIGTERM) is original
