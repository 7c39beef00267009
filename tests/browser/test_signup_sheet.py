"""The sign-in sheet prints 25 people to an A4 page (decision 0039): the admin's sheet, as
the editor gets it, printed by Chromium to PDF with the page's own CSS page size."""

import re

import pytest
from django.urls import reverse

from portal.events.models import EventCalendarPage
from portal.signups import booking
from portal.signups.models import SignUpDate
from tests import builders

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


@pytest.fixture
def database_beside_playwright(monkeypatch):
    """Playwright's sync API keeps an event loop in this thread, so Django takes the test's
    queries for async code; they are not: the test database is reached from this thread."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def sync_db(database_beside_playwright, db):
    """The test database, asked for after the variable is set (not by a mark: the mark's
    fixture would come first)."""


def sheet_html(client, ks_editor, ks, people):
    calendar = EventCalendarPage.objects.child_of(ks).get()
    event = builders.signup_event(calendar, f"Delavnica {people}", capacity=100)
    date = builders.signup_date(event)
    for n in range(people):
        booking.sign_up(date, name=f"Oseba Priimkovič {n:02d}", email="", places=1, mail=False)
    assert SignUpDate.objects.get(pk=date.pk).confirmed_places == people
    client.force_login(ks_editor)
    response = client.get(reverse("signups_sheet", args=[date.pk]))
    assert response.status_code == 200
    return response.content.decode()


def pages_of(pdf):
    """The number of pages: `/Type /Page` objects, checked against the page tree's count."""
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    counts = [int(n) for n in re.findall(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)]
    counts += [int(n) for n in re.findall(rb"/Count\s+(\d+)[^>]*?/Type\s*/Pages\b", pdf)]
    assert counts and max(counts) == pages, (pages, counts)
    return pages


@pytest.mark.parametrize(("people", "pages"), [(25, 1), (26, 2)])
def test_25_people_fill_one_a4_page(
    sync_db, browser, client, ks_editor, golnik_provisioned, people, pages
):
    html = sheet_html(client, ks_editor, golnik_provisioned, people)
    page = browser.new_page()
    try:
        page.set_content(html, wait_until="load")
        pdf = page.pdf(format="A4", prefer_css_page_size=True)
    finally:
        page.close()
    assert pages_of(pdf) == pages
