"""Residents sign up for an event at `<event>/prijava/`, see where they stand at
`prijava/poslano/` and cancel with the link in their mail at `prijava/preklic/`."""

import re

import pytest
from django.test import override_settings

from portal.signups import dates, links
from portal.signups.models import SignUp, SignUpDate
from tests import builders

pytestmark = pytest.mark.django_db

Status = SignUp.Status


@pytest.fixture
def cal():
    return builders.calendar(builders.community("Golnik"))


@pytest.fixture
def event(cal):
    return builders.signup_event(
        cal,
        capacity=3,
        signup_max_places=3,
        signup_questions=[
            ("short_text", {"question": "Kaj boste prinesli popravit?", "required": True}),
            ("yes_no", {"question": "Potrebujete parkirišče?", "required": False}),
        ],
    )


def form_url(event):
    return event.url + "prijava/"


def questions(event):
    return [block.id for block in event.signup_questions]


def data(event, **fields):
    values = {
        "name": "Ana Novak",
        "email": "ana@example.org",
        "phone": "041 123 456",
        "places": "1",
        "consent": "on",
        "website": "",
    }
    if event.signup_questions:
        text, yes_no = questions(event)
        values.update({f"q_{text}": "Toaster", f"q_{yes_no}": "yes"})
    values.update(fields)
    return values


def text(response):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def sign(client, event, **fields):
    response = client.post(form_url(event), data(event, **fields))
    assert response.status_code == 303, text(response)[:3000]
    return response


def cancel_link(message):
    return re.search(r"(/\S*prijava/preklic/\?kljuc=\S+)", message.body).group(1)


def test_the_form_shows_the_date_places_and_questions(client, event):
    response = client.get(form_url(event))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    page = text(response)
    assert "Kaj boste prinesli popravit?" in page
    assert "Potrebujete parkirišče?" in page
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "<script" not in response.content.decode().split("<main", 1)[-1]


def test_signing_up_confirms_and_mails_the_calendar_and_cancel_link(client, event, sent_mail):
    response = sign(client, event, places="2")
    follow = client.get(response["Location"])
    assert "Prijavljeni ste." in text(follow)
    signup = SignUp.objects.get()
    assert signup.status == Status.CONFIRMED and signup.places == 2
    text_id, yes_no_id = questions(event)
    assert signup.answers == {text_id: "Toaster", yes_no_id: "yes"}
    [message] = sent_mail()
    assert message.to == ["ana@example.org"]
    assert message.attachments[0][0] == "dogodek.ics"
    assert cancel_link(message)


def test_when_full_one_waits_and_is_told_the_place(client, event, sent_mail):
    sign(client, event, places="3")
    response = sign(client, event, name="Bojan", email="bojan@example.org")
    page = text(client.get(response["Location"]))
    assert "Na čakalnem seznamu ste, na 1. mestu." in page
    assert "Ana" not in page and "ana@example.org" not in page
    assert "čakaln" in text(client.get(form_url(event))).lower()


def test_the_sent_page_without_a_genuine_token_shows_no_one(client, event):
    sign(client, event)
    page = text(client.get(event.url + "prijava/poslano/?prijava=1"))
    assert "Prijavljeni ste" not in page and "Ana" not in page


def test_a_filled_honeypot_saves_and_sends_nothing(client, event, sent_mail):
    response = client.post(form_url(event), data(event, website="http://spam.example"))
    assert response.status_code == 303
    assert not SignUp.objects.exists()
    assert not sent_mail()


def test_errors_keep_the_input_and_required_questions_are_asked(client, event):
    text_id, _yes_no = questions(event)
    response = client.post(form_url(event), data(event, **{f"q_{text_id}": "", "places": "9"}))
    assert response.status_code == 400
    page = text(response)
    assert "Odgovorite na to vprašanje" in page
    assert 'value="Ana Novak"' in response.content.decode()
    assert not SignUp.objects.exists()
    response = client.post(form_url(event), data(event, consent=""))
    assert response.status_code == 400
    assert not SignUp.objects.exists()


@override_settings(SIGNUPS_PER_HOUR=2)
def test_too_many_sign_ups_from_one_address_get_a_429(client, limit_clock, event):
    for name in ("a", "b"):
        sign(client, event, email=f"{name}@example.org")
    response = client.post(form_url(event), data(event, email="c@example.org"))
    assert response.status_code == 429
    assert "Preveč prijav" in text(response)
    assert SignUp.objects.count() == 2
    other = client.post(form_url(event), data(event, email="c@example.org"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 303


@override_settings(SIGNUPS_PER_HOUR=2)
def test_one_e_mail_address_is_not_mail_bombed_from_many_addresses(client, limit_clock, event):
    for address in ("10.0.0.1", "10.0.0.2"):
        response = client.post(form_url(event), data(event), REMOTE_ADDR=address)
        assert response.status_code == 303
    response = client.post(form_url(event), data(event), REMOTE_ADDR="10.0.0.3")
    assert response.status_code == 429


def test_the_cancel_link_works_once_and_promotes_the_next(client, event, sent_mail):
    sign(client, event, places="3")
    sign(client, event, name="Bojan", email="bojan@example.org")
    link = cancel_link(sent_mail()[0])
    sent_mail().clear()
    shown = client.get(link)
    assert shown.status_code == 200
    assert "Prekliči" in text(shown)
    response = client.post(link)
    assert response.status_code == 200
    assert "preklicana" in text(response)
    ana, bojan = SignUp.objects.order_by("pk")
    assert ana.status == Status.CANCELLED
    assert bojan.status == Status.CONFIRMED
    assert sorted(message.to[0] for message in sent_mail()) == [
        "ana@example.org",
        "bojan@example.org",
    ]
    sent_mail().clear()
    again = client.post(link)
    assert again.status_code in (200, 410)
    assert "že preklicana" in text(again)
    assert not sent_mail()
    assert SignUpDate.objects.get().confirmed_places == 1


def test_a_forged_link_or_another_events_page_is_refused(client, event, cal, sent_mail):
    sign(client, event)
    link = cancel_link(sent_mail()[0])
    token = link.split("kljuc=", 1)[1]
    forged = client.post(event.url + "prijava/preklic/?kljuc=" + token[:-3] + "abc")
    assert forged.status_code == 404
    assert "Povezava ni veljavna ali je že bila uporabljena" in text(forged)
    other = builders.signup_event(cal, "Kvačkanje")
    elsewhere = client.post(other.url + "prijava/preklic/?kljuc=" + token)
    assert elsewhere.status_code == 404
    assert SignUp.objects.get().status == Status.CONFIRMED


def test_a_date_that_has_started_cannot_be_cancelled(client, event, sent_mail):
    sign(client, event)
    signup = SignUp.objects.get()
    link = links.cancel_url(signup)
    SignUpDate.objects.update(start=builders.at(-1))
    response = client.post(link)
    assert response.status_code == 200
    assert SignUp.objects.get().status == Status.CONFIRMED


def test_events_not_taking_sign_ups_and_unknown_dates_are_not_found(client, cal, event):
    plain = builders.event(cal, "Koncert")
    assert client.get(form_url(plain)).status_code == 404
    assert client.get(form_url(event) + "?termin=2020-01-01").status_code == 404
    assert client.get(form_url(event) + "?termin=nonsense").status_code == 404


def test_a_cancelled_date_says_sign_ups_are_closed(client, event):
    builders.signup_date(event)
    SignUpDate.objects.update(cancelled_at=builders.at(-1))
    response = client.get(form_url(event))
    assert response.status_code == 410
    assert client.post(form_url(event), data(event)).status_code == 410
    assert not SignUp.objects.exists()


def test_a_repeating_events_date_is_chosen_by_its_key(client, cal):
    event = builders.signup_event(cal, "Tečaj", frequency="WEEKLY", ends="after", count=3)
    second = event.occurrences.order_by("start")[1]
    key = dates.key_of(event, second)
    response = client.post(form_url(event) + f"?termin={key.isoformat()}", data(event))
    assert response.status_code == 303
    assert SignUp.objects.get().date.date_key == key
