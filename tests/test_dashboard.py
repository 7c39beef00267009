"""The dashboard says what to do: each panel keeps to the editor's own KS (issue 17)."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from portal.base.models import ContentPage
from portal.bookings import decisions
from portal.bookings.models import BookingDate, BookingRequest
from portal.communities.panels import AwaitingApprovalPanel, DraftsPanel
from portal.communities.provisioning import (
    approval_workflow,
)
from portal.events.models import EventCalendarPage
from tests import builders
from tests.builders import at
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db

DAY = builders.today() + datetime.timedelta(days=3)
BOOKINGS = "wagtailsnippets_bookings_bookingrequest"
DASHBOARD = "/admin/"


def space_of(ks, name):
    return builders.space_with_hours(
        ks, f"Dvorana {name}", weekly=[(weekday, "08:00", "22:00") for weekday in range(7)]
    )


@pytest.fixture
def golnik_space(golnik_provisioned):
    return space_of(golnik_provisioned, "Golnik")


@pytest.fixture
def strazisce_space(strazisce_provisioned):
    return space_of(strazisce_provisioned, "Stražišče")


def weekly_request(space, purpose, weeks=2, day=DAY):
    from portal.bookings.conflicts import Slot

    return decisions.receive(
        space,
        None,
        [
            Slot(
                at(day + datetime.timedelta(weeks=n), 17),
                at(day + datetime.timedelta(weeks=n), 19),
            )
            for n in range(weeks)
        ],
        name="Ana Novak",
        email="ana@example.org",
        purpose=purpose,
        is_public=False,
        attendance=10,
    )


def dashboard(client, user):
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    return response.content.decode()


def test_waiting_requests_show_each_date_with_its_buttons(client, ks_editor, golnik_space):
    booking = weekly_request(golnik_space, "Vaja zbora Golnik")
    page = dashboard(client, ks_editor)
    assert "Čakajoči zahtevki za rezervacijo" in page
    assert "Vaja zbora Golnik" in page
    assert "Dvorana Golnik" in page
    assert reverse(f"{BOOKINGS}:inspect", args=[booking.pk]) in page
    for date in booking.dates.all():
        assert reverse(f"{BOOKINGS}:approve_date", args=[booking.pk, date.pk]) in page
        assert reverse(f"{BOOKINGS}:decline_date", args=[booking.pk, date.pk]) in page
    assert "Odobri" in page and "Zavrni" in page


def test_the_ks_editor_sees_only_their_own_ks_requests(
    client, ks_editor, municipal, golnik_space, strazisce_space
):
    weekly_request(golnik_space, "Vaja zbora Golnik")
    weekly_request(strazisce_space, "Vaja zbora Stražišče")
    page = dashboard(client, ks_editor)
    assert "Vaja zbora Golnik" in page
    assert "Vaja zbora Stražišče" not in page
    page = dashboard(client, municipal)
    assert "Vaja zbora Golnik" in page
    assert "Vaja zbora Stražišče" in page


def test_no_waiting_request_no_panel(client, ks_editor, golnik_space):
    booking = weekly_request(golnik_space, "Vaja zbora Golnik", weeks=1)
    decisions.approve(booking, ks_editor)
    assert "Čakajoči zahtevki za rezervacijo" not in dashboard(client, ks_editor)


def test_approving_from_the_dashboard_approves_the_date_and_returns(
    client, ks_editor, golnik_space
):
    booking = weekly_request(golnik_space, "Vaja zbora Golnik")
    first, second = booking.dates.all()
    dashboard(client, ks_editor)
    url = reverse(f"{BOOKINGS}:approve_date", args=[booking.pk, first.pk])
    response = client.post(url, {"next": DASHBOARD})
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.decision == BookingDate.Decision.APPROVED
    assert second.is_pending
    page = client.get(DASHBOARD).content.decode()
    assert ": odobreno." in page  # the message says what was done
    assert reverse(f"{BOOKINGS}:approve_date", args=[booking.pk, first.pk]) not in page
    assert reverse(f"{BOOKINGS}:approve_date", args=[booking.pk, second.pk]) in page


def test_declining_from_the_dashboard_needs_a_reason(client, ks_editor, golnik_space):
    booking = weekly_request(golnik_space, "Vaja zbora Golnik", weeks=1)
    date = booking.dates.get()
    client.force_login(ks_editor)
    url = reverse(f"{BOOKINGS}:decline_date", args=[booking.pk, date.pk])
    assert client.post(url, {"next": DASHBOARD}).status_code == 400
    response = client.post(url, {"next": DASHBOARD, "reason": "Prenova."})
    assert response["Location"] == DASHBOARD
    booking.refresh_from_db()
    assert booking.status == BookingRequest.Status.DECLINED


def test_the_waiting_panel_runs_a_bounded_number_of_queries(
    client, ks_editor, golnik_space, django_assert_max_num_queries
):
    from portal.bookings.panels import WaitingRequestsPanel

    for n in range(12):
        weekly_request(golnik_space, f"Vaja {n}", weeks=3, day=DAY + datetime.timedelta(days=n))
    with django_assert_max_num_queries(6):
        panel = WaitingRequestsPanel.for_user(ks_editor)
        html = panel.render_html({"csrf_token": "x"})
    assert panel.count == 12
    assert html.count("Odobri") == 10 * 3


def test_the_week_ahead_shows_events_and_approved_bookings_of_own_spaces(
    client, ks_editor, golnik_space, strazisce_space
):
    for space, name in ((golnik_space, "Golnik"), (strazisce_space, "Stražišče")):
        calendar = EventCalendarPage.objects.child_of(space.get_parent()).get()
        builders.event(calendar, f"Popravljalnica {name}", start=at(DAY, 10), space=space)
        booking = weekly_request(space, f"Vaja zbora {name}", weeks=2)
        decisions.approve(booking, ks_editor)
    page = dashboard(client, ks_editor)
    assert "Naslednjih 7 dni v vaših prostorih" in page
    assert "Popravljalnica Golnik" in page
    assert "Vaja zbora Golnik" in page
    assert "Popravljalnica Stražišče" not in page
    assert "Vaja zbora Stražišče" not in page


def draft(ks, title, user):
    """A page of `ks` saved by `user` and never published."""
    page = ks.add_child(instance=ContentPage(title=title, body="<p>Osnutek</p>", live=False))
    page.save_revision(user=user)
    return page


def submitted(ks, title, user):
    """A page of `ks` that `user` sent for the municipality's approval."""
    page = draft(ks, title, user)
    approval_workflow().start(page, user)
    return page


def test_pages_waiting_for_approval_keep_to_the_ks(
    client, ks_editor, municipal, golnik_provisioned, strazisce_provisioned
):
    submitted(golnik_provisioned, "Urnik Golnik", ks_editor)
    submitted(strazisce_provisioned, "Urnik Stražišče", municipal)
    page = dashboard(client, ks_editor)
    assert "Strani, ki čakajo na odobritev občine" in page
    assert "Urnik Golnik" in page
    assert "Urnik Stražišče" not in page
    page = dashboard(client, municipal)
    assert "Urnik Golnik" in page and "Urnik Stražišče" in page
    assert "Odprite stran, da jo odobrite" in page


def test_my_drafts_keep_to_the_ks_and_to_the_editor(
    client, ks_editor, municipal, golnik_provisioned, strazisce_provisioned
):
    own = draft(golnik_provisioned, "Osnutek Golnik", ks_editor)
    draft(golnik_provisioned, "Osnutek občine", municipal)
    foreign = draft(strazisce_provisioned, "Osnutek Stražišče", municipal)
    # A page the editor owns in another KS (they once edited there) stays out of sight.
    Page.objects.filter(pk=foreign.pk).update(owner=ks_editor)
    page = dashboard(client, ks_editor)
    assert "Vaši osnutki" in page
    assert reverse("wagtailadmin_pages:edit", args=[own.pk]) in page
    assert "Osnutek občine" not in page
    assert "Osnutek Stražišče" not in page


def test_wagtails_own_panels_show_no_page_of_another_ks(
    client, ks_editor, golnik_provisioned, strazisce_provisioned
):
    foreign = submitted(strazisce_provisioned, "Urnik Stražišče", ks_editor)
    PageLogEntry.objects.log_action(foreign, "wagtail.edit", user=ks_editor)
    Page.objects.filter(pk=foreign.pk).update(locked=True, locked_by=ks_editor)
    assert "Urnik Stražišče" not in dashboard(client, ks_editor)


def test_the_page_panels_run_a_bounded_number_of_queries(
    ks_editor, golnik_provisioned, django_assert_max_num_queries
):
    for n in range(10):
        submitted(golnik_provisioned, f"Urnik {n}", ks_editor)
        draft(golnik_provisioned, f"Osnutek {n}", ks_editor)
    request = RequestFactory().get(DASHBOARD)
    request.user = ks_editor
    with django_assert_max_num_queries(9):
        for panel in (AwaitingApprovalPanel.for_user(ks_editor), DraftsPanel.for_user(ks_editor)):
            panel.render_html({"request": request})


def test_programme_drafts_keep_to_the_ks(
    client, ks_editor, golnik_provisioned, strazisce_provisioned
):
    for ks, title in ((golnik_provisioned, "Golnik"), (strazisce_provisioned, "Stražišče")):
        item = programme(f"Popravljalnica {title}", community=ks, publish=False)
        item.save_revision(user=ks_editor)
    page = dashboard(client, ks_editor)
    assert "Vaši osnutki" in page
    assert "Popravljalnica Golnik" in page
    assert "Popravljalnica Stražišče" not in page
