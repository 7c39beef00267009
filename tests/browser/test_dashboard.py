"""The KS Golnik editor approves a date of a waiting request from the dashboard, in at
most two clicks (issue 17).

A resident asks for the Golnik community space three Thursdays running; ks-golnik opens
the admin, finds the request among the requests waiting, and approves its first date with
one click: back on the dashboard, that date is approved and the other two still wait.
"""

import uuid

import pytest

from tests.browser.test_booking_decisions import ask_for_three_thursdays, log_in

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

DASHBOARD = "/admin/"


def test_the_ks_editor_approves_a_date_from_the_dashboard(browser, portal_url):
    purpose = f"Vaja dramske skupine {uuid.uuid4().hex[:6]}"
    resident = browser.new_context(locale="sl-SI")
    ks_editor = browser.new_context(locale="sl-SI")
    try:
        ask_for_three_thursdays(resident.new_page(), portal_url, purpose)

        page = ks_editor.new_page()
        log_in(page, portal_url, "ks-golnik", DASHBOARD)
        request = page.locator("li[id^=waiting-request-]", has_text=purpose)
        assert request.get_by_role("button", name="Odobri", exact=True).count() == 3
        # The one click.
        with page.expect_navigation(wait_until="load"):
            request.get_by_role("button", name="Odobri", exact=True).first.click()
        assert page.url == portal_url + DASHBOARD
        assert "odobreno" in page.inner_text(".messages")
        assert request.get_by_role("button", name="Odobri", exact=True).count() == 2
    finally:
        for context in (resident, ks_editor):
            context.close()
