"""A resident asks to use a space through the form at `<space>/rezervacija/`."""

import datetime
import re
import time

import pytest
from django.test import Client, override_settings

from portal.bookings import decisions
from portal.bookings.models import BookingDate, BookingRequest
from portal.outbox.models import OutboxMessage
from portal.spaces.models import Room
from tests import builders
from tests.builders import at

pytestmark = pytest.mark.django_db

MON, TUE, WED = 0, 1, 2
MONDAY = datetime.date(2026, 11, 30)
TUESDAY = MONDAY + datetime.timedelta(days=1)


@pytest.fixture
def ks():
    return builders.community("Golnik")


@pytest.fixture
def space(ks):
    space = builders.space_with_hours(
        ks,
        "Skupnostni prostor",
        weekly=[(MON, "09:00", "12:00"), (MON, "17:00", "21:00"), (TUE, "16:00", "22:00")],
        exceptions=[(datetime.date(2026, 12, 15), "closed", "Pleskanje")],
    )
    space.rooms = [
        Room(name="Velika dvorana", seated_capacity=60, standing_capacity=80),
        Room(name="Sejna soba", seated_capacity=12),
    ]
    space.save_revision().publish()
    return space


@pytest.fixture
def now(clock):
    clock.set(at(MONDAY, 8))


def form_url(space):
    return space.url + "rezervacija/"


def request_data(**fields):
    data = {
        "name": "Ana Novak",
        "email": "ana@example.org",
        "phone": "041 123 456",
        "organisation": "Pevski zbor Golnik",
        "purpose": "Vaja pevskega zbora",
        "description": "",
        "visibility": "public",
        "attendance": "20",
        "date": "2026-12-01",
        "start": "17:00",
        "end": "19:00",
        "consent": "on",
        "website": "",
    }
    data.update(fields)
    return data


def errors(response):
    html = response.content.decode()
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()
        for text in re.findall(
            r'class="(?:form-field__error|notice__list)"[^>]*>(.*?)</(?:p|ul)>', html, re.S
        )
    ]


def test_the_space_page_and_the_week_view_link_to_the_form(client, now, space):
    assert (
        'href="/golnik/skupnostni-prostor/rezervacija/"' in client.get(space.url).content.decode()
    )
    week = client.get(space.url + "zasedenost/").content.decode()
    assert 'href="/golnik/skupnostni-prostor/rezervacija/"' in week
    assert "Zaprosi za uporabo prostora" in week


def test_the_empty_form_asks_who_what_when_and_where(client, now, space):
    response = client.get(form_url(space))
    html = response.content.decode()
    assert response.status_code == 200
    for label in ("Ime in priimek", "Namen", "Pričakovano število udeležencev", "Datum"):
        assert label in html
    # A room holds as many as it seats (the space's card says so too).
    assert "Velika dvorana (do 60 oseb)" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert "no-store" in response["Cache-Control"]


def test_the_form_reads_the_rooms_and_programmes_once(
    client, now, space, django_assert_num_queries
):
    # The week view's link fills in the date and hours; the form must not be built twice
    # for that (once more reading the rooms and the KS's programmes).
    url = form_url(space) + "?datum=2026-12-01&od=17:00&do=19:00"
    client.get(url)
    with django_assert_num_queries(3):
        html = client.get(url).content.decode()
    assert 'value="01. 12. 2026"' in html
    assert "Velika dvorana (do 60 oseb)" in html


def test_a_free_slot_is_requested_and_confirmed_by_email(client, now, space, sent_mail):
    response = client.post(form_url(space), request_data())
    assert response.status_code == 302
    assert response["Location"] == "/golnik/skupnostni-prostor/rezervacija/poslano/"
    booking = BookingRequest.objects.get()
    assert booking.status == BookingRequest.Status.PENDING
    assert booking.community_id == space.get_parent().pk
    assert booking.is_public and booking.attendance == 20
    [date] = booking.dates.all()
    assert (date.start, date.end) == (at(TUESDAY, 17), at(TUESDAY, 19))
    assert not date.approved
    [message] = sent_mail()
    assert message.to == ["ana@example.org"]
    assert "Skupnostni prostor" in message.subject
    assert "torek, 1. 12. 2026, 17.00–19.00" in message.body
    assert "/golnik/skupnostni-prostor/rezervacija/preklic/?kljuc=" in message.body
    sent = client.get(response["Location"])
    assert "Kaj sledi" in sent.content.decode()
    assert "no-store" in sent["Cache-Control"]


@pytest.mark.parametrize(
    "mail_server",
    ["tests.mail_backends.RefusedBackend", "tests.mail_backends.BrokenBackend"],
    ids=["refuses connections", "answers with an error"],
)
def test_a_request_is_saved_and_confirmed_once_the_mail_server_is_back(
    client, now, clock, space, settings, sent_mail, mail_server
):
    settings.OUTBOX_EMAIL_BACKEND = mail_server
    response = client.post(form_url(space), request_data())
    assert response.status_code == 302
    assert "Kaj sledi" in client.get(response["Location"]).content.decode()
    assert BookingRequest.objects.get().dates.count() == 1
    [waiting] = OutboxMessage.objects.all()
    assert (waiting.status, waiting.recipients) == ("queued", "ana@example.org")
    assert not sent_mail()  # the mail server is still down: tried, kept for later
    waiting.refresh_from_db()
    assert (waiting.status, waiting.attempts) == ("queued", 1)
    assert waiting.last_error
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    clock.set(at(MONDAY, 8, 1))
    [message] = sent_mail()
    assert "Skupnostni prostor" in message.subject
    assert "torek, 1. 12. 2026, 17.00–19.00" in message.body


def test_a_request_does_not_wait_for_a_mail_server_that_never_answers(
    client, now, space, settings, silent_mail_server
):
    settings.OUTBOX_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = silent_mail_server.port
    started = time.monotonic()
    response = client.post(form_url(space), request_data())
    assert response.status_code == 302
    assert time.monotonic() - started < 2
    assert silent_mail_server.connections == 0
    assert BookingRequest.objects.exists()
    assert OutboxMessage.objects.get().status == "queued"


def test_the_first_mail_carries_none_of_the_requesters_own_text(client, now, space, sent_mail):
    """Anyone may type anyone's address: the confirmation must not carry their message."""
    client.post(
        form_url(space),
        request_data(
            name="Poceni zdravila http://spam.example",
            organisation="Lekarna http://spam.example",
            purpose="Kupite poceni zdravila na http://spam.example",
            description="Obiščite http://spam.example/akcija",
        ),
    )
    [message] = sent_mail()
    text = message.subject + message.body
    assert "spam.example" not in text
    assert "zdravila" not in text and "Lekarna" not in text
    assert "Skupnostni prostor" in text
    assert "torek, 1. 12. 2026, 17.00–19.00" in message.body
    assert "/golnik/skupnostni-prostor/rezervacija/preklic/?kljuc=" in message.body
    assert "Predstavniki krajevne skupnosti preverijo" in message.body
    assert "Če zahtevka niste poslali vi" in message.body


def test_a_weekly_request_has_a_date_each_week(client, now, space):
    response = client.post(form_url(space), request_data(weekly="on", until="2026-12-08", room=""))
    assert response.status_code == 302
    starts = list(BookingDate.objects.values_list("start", flat=True))
    assert starts == [at(TUESDAY + datetime.timedelta(weeks=n), 17) for n in range(2)]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"date": "2026-12-07", "start": "13:00", "end": "15:00"},
            "zunaj odpiralnega časa (9.00–12.00, 17.00–21.00)",
        ),
        ({"date": "2026-12-25"}, "prostor je ta dan zaprt (božič)"),
        ({"date": "2026-12-15"}, "prostor je ta dan zaprt (Pleskanje)"),
    ],
)
def test_a_slot_that_cannot_be_had_is_refused_with_the_reason(
    client, now, space, fields, message, sent_mail
):
    response = client.post(form_url(space), request_data(**fields))
    assert response.status_code == 400
    assert any(message in error for error in errors(response)), errors(response)
    assert not BookingRequest.objects.exists()
    assert not sent_mail()


def test_a_slot_taken_by_an_event_is_refused_naming_it(client, now, space, ks):
    calendar = builders.calendar(ks)
    builders.event(
        calendar, "Popravljalnica", start=at(TUESDAY, 18), end=at(TUESDAY, 20), space=space
    )
    response = client.post(form_url(space), request_data())
    assert response.status_code == 400
    assert (
        "torek, 1. 12. 2026, 17.00–19.00: prostor je že zaseden od 18.00 do 20.00 (Popravljalnica)."
        in errors(response)
    )


def test_a_slot_taken_by_an_approved_booking_is_refused_private_ones_unnamed(client, now, space):
    client.post(form_url(space), request_data(purpose="Rojstni dan", visibility="private"))
    decisions.approve(BookingRequest.objects.get(), user=None)
    response = client.post(form_url(space), request_data(start="18:00", end="20:00"))
    assert response.status_code == 400
    [problem] = errors(response)[-1:]
    assert "prostor je že zaseden od 17.00 do 19.00 (zasedeno)" in problem
    assert "Rojstni dan" not in response.content.decode()
    # The week view shows it as taken, without its purpose.
    week = client.get(space.url + "zasedenost/").content.decode()
    assert "Rojstni dan" not in week


def test_a_public_approved_booking_shows_its_purpose_in_the_week_view(client, now, space):
    client.post(form_url(space), request_data())
    decisions.approve(BookingRequest.objects.get(), user=None)
    week = client.get(space.url + "zasedenost/").content.decode()
    assert '<span class="stretch__event">Vaja pevskega zbora</span>' in week


def test_an_invalid_form_keeps_what_was_typed_and_names_each_problem(client, now, space):
    response = client.post(
        form_url(space),
        request_data(email="ana(at)example", end="16:00", consent="", purpose="Zborovska vaja"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="Ana Novak"' in html
    assert 'value="Zborovska vaja"' in html
    found = errors(response)
    assert "Vnesite veljaven e-poštni naslov." in found
    assert any("Konec mora biti po začetku" in error for error in found)
    assert any("zasebnost" in error.lower() for error in found)
    assert 'aria-invalid="true"' in html
    assert not BookingRequest.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"date": "2026-11-29"}, "Izberite današnji ali poznejši datum."),
        ({"date": "2026-11-30", "start": "07:00", "end": "08:30"}, "Ta čas je že mimo"),
        ({"weekly": "on", "until": ""}, "Vpišite zadnji datum"),
        ({"weekly": "on", "until": "2028-12-01"}, "največ 52 tednov"),
        ({"phone": "pokliči me"}, "Telefonsko številko"),
        ({"attendance": "0"}, "1"),
    ],
)
def test_impossible_dates_and_values_are_explained(client, now, space, fields, message):
    response = client.post(form_url(space), request_data(**fields))
    assert response.status_code == 400
    assert any(message in error for error in errors(response)), errors(response)


def test_a_filled_honeypot_saves_and_sends_nothing(client, now, space, sent_mail):
    response = client.post(form_url(space), request_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not BookingRequest.objects.exists()
    assert not sent_mail()


@override_settings(BOOKING_REQUESTS_PER_HOUR=2)
def test_too_many_requests_from_one_address_get_a_429(client, limit_clock, now, space):
    for hour in (9, 10):
        data = request_data(date="2026-12-07", start=f"{hour:02d}:00", end=f"{hour:02d}:30")
        assert client.post(form_url(space), data).status_code == 302
    response = client.post(form_url(space), request_data())
    assert response.status_code == 429
    assert "Preveč zahtevkov" in response.content.decode()
    assert BookingRequest.objects.count() == 2
    other = client.post(form_url(space), request_data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


# Two residents behind the portal's reverse proxy: the proxy connects from one address and
# appends each client's own to X-Forwarded-For.
PROXY = {"REMOTE_ADDR": "10.0.0.2"}
ANA, BOJAN = "198.51.100.7", "203.0.113.9"


def via_proxy(client_address, forwarded_by_client=""):
    chain = f"{forwarded_by_client}, {client_address}" if forwarded_by_client else client_address
    return {**PROXY, "HTTP_X_FORWARDED_FOR": chain}


@override_settings(BOOKING_REQUESTS_PER_HOUR=2, PROXY_COUNT=1)
def test_behind_the_proxy_each_client_has_its_own_hourly_limit(client, limit_clock, now, space):
    for _ in range(2):
        assert client.post(form_url(space), request_data(), **via_proxy(ANA)).status_code == 302
    assert client.post(form_url(space), request_data(), **via_proxy(ANA)).status_code == 429
    other = Client().post(form_url(space), request_data(), **via_proxy(BOJAN))
    assert other.status_code == 302
    assert BookingRequest.objects.count() == 3


@override_settings(BOOKING_REQUESTS_PER_HOUR=2, PROXY_COUNT=1)
def test_a_forged_forwarded_address_counts_against_the_sender(client, limit_clock, now, space):
    for _ in range(2):
        forged = via_proxy(ANA, forwarded_by_client=BOJAN)
        assert client.post(form_url(space), request_data(), **forged).status_code == 302
    assert client.post(form_url(space), request_data(), **via_proxy(ANA)).status_code == 429
    bojan = Client()
    for _ in range(2):
        response = bojan.post(form_url(space), request_data(), **via_proxy(BOJAN))
        assert response.status_code == 302


def test_without_the_counts_the_form_still_takes_requests(client, now, space, ratelimit_cache_down):
    assert client.post(form_url(space), request_data()).status_code == 302
    assert BookingRequest.objects.count() == 1


def test_the_form_needs_its_csrf_token(now, space):
    response = Client(enforce_csrf_checks=True).post(form_url(space), request_data())
    assert response.status_code == 403
    assert not BookingRequest.objects.exists()


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_form_and_its_pages_are_never_kept_in_the_page_cache(now, space):
    visitor = Client()
    for path in ("rezervacija/", "rezervacija/poslano/"):
        first = visitor.get(space.url + path)
        second = Client().get(space.url + path)
        assert first.status_code == second.status_code == 200
        assert "X-Cache" not in first and "X-Cache" not in second
        assert first.cookies.get("csrftoken") or path.endswith("poslano/")
    # The space page itself is cached, so the check above means something.
    Client().get(space.url)
    assert Client().get(space.url)["X-Cache"] == "HIT"


def test_the_requester_cancels_through_the_signed_link(client, now, space, sent_mail):
    client.post(form_url(space), request_data())
    link = re.search(r"http://testserver(/\S+/preklic/\?kljuc=\S+)", sent_mail()[0].body)[1]
    page = client.get(link)
    assert page.status_code == 200, link
    assert "Prekliči zahtevek" in page.content.decode()
    assert BookingRequest.objects.get().status == BookingRequest.Status.PENDING
    done = client.post(link)
    assert "Zahtevek je preklican" in done.content.decode()
    assert BookingRequest.objects.get().status == BookingRequest.Status.CANCELLED
    assert "preklican" in sent_mail()[-1].subject


def test_a_forged_or_foreign_cancel_link_does_nothing(client, now, space, sent_mail):
    client.post(form_url(space), request_data())
    link = re.search(r"http://testserver(/\S+/preklic/\?kljuc=\S+)", sent_mail()[0].body)[1]
    forged = client.post(link[:-2] + "xx")
    assert forged.status_code == 404
    assert "ni veljavna" in forged.content.decode()
    assert BookingRequest.objects.get().status == BookingRequest.Status.PENDING


def test_the_mails_link_the_public_origin_whatever_host_the_form_came_by(
    client, now, space, sent_mail, settings
):
    """Decision 0031: PORTAL_BASE_URL, never the host of the request or the Site record."""
    settings.PORTAL_BASE_URL = "https://ks.kranj.si"
    client.post(form_url(space), request_data(), HTTP_HOST="127.0.0.1:8801")
    received = next(mail for mail in sent_mail() if "ana@example.org" in mail.to)
    assert "https://ks.kranj.si/golnik/skupnostni-prostor/" in received.body
    assert re.search(r"https://ks\.kranj\.si/golnik/\S+/preklic/\?kljuc=\S+", received.body)
    for mail in sent_mail():
        assert "127.0.0.1" not in mail.body and "localhost" not in mail.body
        assert "testserver" not in mail.body


@override_settings(PAGE_CACHE_SECONDS=300)
def test_a_request_leaves_the_cached_pages_and_an_approval_renews_them(now, space):
    Client().get(space.url + "zasedenost/")
    assert Client().get(space.url + "zasedenost/")["X-Cache"] == "HIT"
    Client().post(form_url(space), request_data())
    assert Client().get(space.url + "zasedenost/")["X-Cache"] == "HIT"
    decisions.approve(BookingRequest.objects.get(), user=None)
    fresh = Client().get(space.url + "zasedenost/")
    assert fresh["X-Cache"] == "MISS"
    assert "Vaja pevskega zbora" in fresh.content.decode()


def test_a_free_stretch_of_the_week_view_opens_the_form_with_its_time(client, now, space):
    week = client.get(space.url + "zasedenost/").content.decode()
    link = "/golnik/skupnostni-prostor/rezervacija/?datum=2026-12-01&amp;od=16:00&amp;do=22:00"
    assert link in week
    form = client.get(form_url(space), {"datum": "2026-12-01", "od": "16:00", "do": "22:00"})
    html = form.content.decode()
    assert 'value="01. 12. 2026"' in html
    assert 'value="16.00"' in html and 'value="22.00"' in html
    odd = client.get(form_url(space), {"datum": "<script>", "od": "25:99"})
    assert odd.status_code == 200
    assert "<script>" not in odd.content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        # 70 people stand in the hall but 60 sit: the space's card says 60.
        ({"attendance": "70"}, "Skupnostni prostor sprejme največ 60 oseb."),
        ({"attendance": "15", "room": "sejna"}, "Sejna soba sprejme največ 12 oseb."),
    ],
)
def test_more_people_than_the_space_holds_are_refused_on_the_field_keeping_what_was_typed(
    client, now, space, fields, message, sent_mail
):
    if fields.get("room") == "sejna":
        fields["room"] = str(Room.objects.get(name="Sejna soba").pk)
    response = client.post(form_url(space), request_data(**fields))
    assert response.status_code == 400
    html = response.content.decode()
    assert any(message in error for error in errors(response)), errors(response)
    assert f'value="{fields["attendance"]}"' in html
    assert 'value="Vaja pevskega zbora"' in html
    assert 'max="60"' in html
    assert not BookingRequest.objects.exists()
    assert not sent_mail()


def test_a_space_with_house_rules_asks_the_requester_to_accept_them(client, now, space, sent_mail):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    rules = Document.objects.create(
        title="Hišni red", file=ContentFile(b"Red", name="hisni-red.txt")
    )
    space.house_rules = rules
    space.save_revision().publish()
    form = client.get(form_url(space)).content.decode()
    assert f'href="{rules.url}"' in form
    assert 'name="house_rules"' in form

    refused = client.post(form_url(space), request_data())
    assert refused.status_code == 400
    assert any("sprejemate hišni red" in error for error in errors(refused)), errors(refused)
    assert not BookingRequest.objects.exists()

    accepted = client.post(form_url(space), request_data(house_rules="on"))
    assert accepted.status_code == 302
    assert BookingRequest.objects.get().house_rules_accepted_at == at(MONDAY, 8)


def test_a_space_without_house_rules_asks_for_none(client, now, space):
    assert 'name="house_rules"' not in client.get(form_url(space)).content.decode()
    assert client.post(form_url(space), request_data()).status_code == 302
    assert BookingRequest.objects.get().house_rules_accepted_at is None


def test_a_new_request_asks_the_ks_editors_and_the_contact_person_to_decide(
    client, now, space, ks, sent_mail
):
    from django.contrib.auth import get_user_model

    from portal.communities.provisioning import add_community_editor, provision_community

    provision_community(ks)
    ks.refresh_from_db()
    User = get_user_model()
    editor = User.objects.create_user("ks-golnik", email="urednik@golnik.si", password="x")
    add_community_editor(ks, editor)
    User.objects.create_user("nekdo", email="nekdo@example.org", password="x")
    space.contact_email = "hisnik@golnik.si"
    space.save_revision().publish()

    assert client.post(form_url(space), request_data()).status_code == 302
    booking = BookingRequest.objects.get()
    asked = [message for message in sent_mail() if message.to != ["ana@example.org"]]
    assert sorted(address for message in asked for address in message.to) == [
        "hisnik@golnik.si",
        "urednik@golnik.si",
    ]
    message = asked[0]
    assert message.subject == "Nov zahtevek za uporabo prostora Skupnostni prostor"
    assert f"/admin/snippets/bookings/bookingrequest/inspect/{booking.pk}/" in message.body
    assert "Vaja pevskega zbora" in message.body
    assert "torek, 1. 12. 2026, 17.00–19.00" in message.body


def test_a_request_may_name_a_programme_of_the_ks(client, now, space, ks):
    from tests.programme_helpers import programme

    singing = programme("Pojemo skupaj", community=ks)
    programme("Popravljalnica drugje", community=builders.community("Stražišče"))
    form = client.get(form_url(space)).content.decode()
    assert "Pojemo skupaj" in form and "Popravljalnica drugje" not in form
    response = client.post(form_url(space), request_data(programme=str(singing.pk)))
    assert response.status_code == 302
    assert BookingRequest.objects.get().programme == singing
