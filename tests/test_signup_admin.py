"""Sign-ups in the admin (decision 0039): the listing, an event's dates, a date's list and
waiting list with the editor's steps, the exports and the sign-in sheet."""

import re

import pytest
from django.urls import reverse

from portal.events.models import EventCalendarPage
from portal.signups import booking
from portal.signups.models import SignUp, SignUpDate
from tests import builders

pytestmark = pytest.mark.django_db

Status = SignUp.Status
LISTING = "wagtailsnippets_signups_signupdate:list"
QUESTIONS = [
    {
        "type": "yes_no",
        "id": "vegetarijanska",
        "value": {"question": "Vegetarijanska malica?", "required": False},
    }
]


@pytest.fixture
def event(golnik_provisioned):
    calendar = EventCalendarPage.objects.child_of(golnik_provisioned).get()
    return builders.signup_event(
        calendar,
        "Delavnica šivanja",
        capacity=3,
        start=builders.at(5, 17),
        signup_questions=QUESTIONS,
    )


@pytest.fixture
def date(event):
    return builders.signup_date(event)


def sign(date, name, places=1, **extra):
    return booking.sign_up(
        date, name=name, email=f"{name.lower()}@example.org", places=places, **extra
    )


def url(date, name="signups_date"):
    return reverse(name, args=[date.pk])


def post(client, date, action, **data):
    return client.post(url(date), {"action": action, **data})


def test_the_date_page_shows_the_list_the_waiting_list_and_the_answers(client, ks_editor, date):
    sign(date, "Ana", 2, answers={"vegetarijanska": True}, phone="041 111 222")
    sign(date, "Bojan", 2)
    sign(date, "Cvetka", 3)
    client.force_login(ks_editor)
    page = client.get(url(date)).content.decode()
    assert "Ana" in page and "041 111 222" in page
    assert "Vegetarijanska malica?" in page
    waitlist = page.split('id="waitlist"')[1]
    assert waitlist.index("Bojan") < waitlist.index("Cvetka")
    assert re.search(r"<td>1</td>\s*<td>Bojan", waitlist)
    assert re.search(r"<td>2</td>\s*<td>Cvetka", waitlist)


def test_moves_and_cancel(client, ks_editor, date, sent_mail):
    ana = sign(date, "Ana", 2)
    bojan = sign(date, "Bojan", 2)
    client.force_login(ks_editor)
    response = post(client, date, "to_waitlist", signup=ana.pk)
    assert response.status_code == 302
    ana.refresh_from_db()
    bojan.refresh_from_db()
    assert (ana.status, bojan.status) == (Status.WAITLISTED, Status.CONFIRMED)
    # No room for Ana's party of 2: a message, not a 500.
    response = post(client, date, "to_list", signup=ana.pk)
    assert response.status_code == 302
    messages = [str(m) for m in client.get(url(date)).context["messages"]]
    assert any("prost" in m.lower() or "places" in m.lower() for m in messages), messages
    sent_mail().clear()
    assert post(client, date, "cancel", signup=bojan.pk).status_code == 302
    bojan.refresh_from_db()
    ana.refresh_from_db()
    assert bojan.status == Status.CANCELLED
    assert ana.status == Status.CONFIRMED
    assert ["bojan@example.org"] in [m.to for m in sent_mail()]


def test_bad_input_never_500s(client, ks_editor, date):
    client.force_login(ks_editor)
    assert post(client, date, "cancel", signup="x").status_code == 302
    assert post(client, date, "nonsense").status_code == 302
    assert post(client, date, "to_list", signup=999999).status_code == 302
    response = post(client, date, "add", **{"add-name": "", "add-places": "abc"})
    assert response.status_code == 400
    response = post(client, date, "capacity", **{"capacity-capacity": "-1"})
    assert response.status_code == 400


def test_add_by_hand_mails_only_with_an_email(client, ks_editor, date, sent_mail):
    client.force_login(ks_editor)
    data = {"add-name": "Dora Kos", "add-phone": "041 000 000", "add-places": "1"}
    assert post(client, date, "add", **data).status_code == 302
    dora = SignUp.objects.get(name="Dora Kos")
    assert dora.added_by == ks_editor and dora.status == Status.CONFIRMED
    assert sent_mail() == []
    data = {"add-name": "Eva", "add-email": "eva@example.org", "add-places": "1"}
    post(client, date, "add", **data)
    assert [m.to for m in sent_mail()] == [["eva@example.org"]]


def test_capacity_below_taken_is_refused_in_slovenian(client, ks_editor, date):
    sign(date, "Ana", 3)
    client.force_login(ks_editor)
    response = post(client, date, "capacity", **{"capacity-capacity": "2"})
    assert response.status_code == 400
    assert "3" in response.content.decode()
    date.refresh_from_db()
    assert date.capacity == 3
    sign(date, "Bojan", 2)
    response = post(client, date, "capacity", **{"capacity-capacity": "5", "capacity-deadline": ""})
    assert response.status_code == 302
    date.refresh_from_db()
    assert date.capacity == 5
    assert SignUp.objects.get(name="Bojan").status == Status.CONFIRMED


def test_attendance_after_the_date(client, ks_editor, date):
    ana = sign(date, "Ana")
    bojan = sign(date, "Bojan")
    client.force_login(ks_editor)
    data = {f"came-{ana.pk}": "1", f"came-{bojan.pk}": "0", "attendance-walk_ins": "4"}
    post(client, date, "attendance", **data)
    date.refresh_from_db()
    assert date.attendance_recorded_at is None  # not before the date
    SignUpDate.objects.filter(pk=date.pk).update(start=builders.at(-1, 17))
    assert post(client, date, "attendance", **data).status_code == 302
    date.refresh_from_db()
    ana.refresh_from_db()
    bojan.refresh_from_db()
    assert (ana.attended, bojan.attended, date.walk_ins) == (True, False, 4)
    assert date.attendance_recorded_at is not None


def test_exports_are_formula_safe(client, ks_editor, date):
    sign(date, '=HYPERLINK("http://x")', answers={"vegetarijanska": False})
    client.force_login(ks_editor)
    response = client.get(url(date, "signups_export_csv"))
    assert response.status_code == 200
    text = response.content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "Vegetarijanska malica?" in text
    response = client.get(url(date, "signups_export_xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_the_sheet_has_a_section_per_25_people(client, ks_editor, date):
    SignUpDate.objects.filter(pk=date.pk).update(capacity=100)
    for n in range(60):
        sign(date, f"Oseba {n:02d}")
    client.force_login(ks_editor)
    page = client.get(url(date, "signups_sheet")).content.decode()
    sections = page.split("<section>")[1:]
    assert [section.count("<tr><td>") for section in sections] == [25, 25, 10]
    assert "size: A4" in page and "break-after: page" in page
    assert "Delavnica šivanja" in page


def test_the_events_dates_open_a_date_and_the_header_button(client, ks_editor, event):
    client.force_login(ks_editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    dates_url = reverse("signups_event_dates", args=[event.pk])
    assert dates_url in edit
    page = client.get(dates_url)
    assert page.status_code == 200
    occurrence = event.occurrences.order_by("start").first()
    assert not SignUpDate.objects.exists()
    response = client.post(dates_url, {"occurrence": occurrence.pk})
    made = SignUpDate.objects.get()
    assert response["Location"] == url(made)
    assert client.post(dates_url, {"occurrence": "x"}).status_code == 302


def test_the_listing(client, ks_editor, date):
    sign(date, "Ana", 3)
    sign(date, "Bojan")
    client.force_login(ks_editor)
    page = client.get(reverse(LISTING)).content.decode()
    assert "Delavnica šivanja" in page and "3/3" in page
    edit = reverse("wagtailsnippets_signups_signupdate:edit", args=[date.pk])
    assert client.get(edit)["Location"] == url(date)
