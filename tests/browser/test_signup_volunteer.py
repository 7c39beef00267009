"""Issue 20's organiser's side, as Zlato polje's volunteer does it in the admin: the energy
advice evening is full with two waiting; the volunteer gives it one place more (the first
waiting gets it), writes down a sign-up taken by phone (it joins the waiting list) and
opens the sign-in sheet to print, which lists the person who got the place."""

import pytest

from tests.browser.test_axe import describe, run_axe
from tests.browser.test_booking_decisions import log_in as log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

EVENT = "Energetsko svetovanje"


def rows(page, heading_id):
    """The names in the table under the heading `heading_id` of the date's page."""
    table = page.locator(f"h2#{heading_id} + table, h2#{heading_id} ~ table").first
    return table.locator("tbody tr").all_inner_texts()


def test_a_volunteer_manages_the_sign_ups_of_a_date(browser, portal_url):
    with browser.new_context(locale="sl-SI") as context:
        page = context.new_page()
        log_in_as(page, portal_url, "ks-zlato-polje", "/admin/")
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("link", name="Prijave na dogodke").first.click()
        with page.expect_navigation(wait_until="load"):
            page.locator("table.listing a", has_text=EVENT).first.click()
        assert EVENT in page.locator("main").inner_text()
        results = run_axe(page)
        assert not results["violations"], describe(results["violations"])
        waiting = rows(page, "waitlist")
        # The demo's two waiting, in turn: Katja Bergant (1 place), Tomaž Šink (2 places).
        assert len(waiting) == 2 and "Katja Bergant" in waiting[0], waiting

        capacity = page.locator("[name=capacity-capacity]")
        capacity.fill(str(int(capacity.input_value()) + 1))
        with page.expect_navigation(wait_until="load"):
            page.locator("button[name=action][value=capacity]").click()
        assert "Katja Bergant" in " ".join(rows(page, "list"))
        waiting = rows(page, "waitlist")
        assert len(waiting) == 1 and "Tomaž Šink" in waiting[0], waiting

        page.fill("[name=add-name]", "Marta Telefon")
        page.fill("[name=add-phone]", "041 111 222")
        page.fill("[name=add-places]", "1")
        with page.expect_navigation(wait_until="load"):
            page.locator("button[name=action][value=add]").click()
        waiting = rows(page, "waitlist")
        assert len(waiting) == 2 and "Marta Telefon" in waiting[1], waiting

        with page.expect_navigation(wait_until="load"):
            page.get_by_role("link", name="Natisni podpisni list").click()
        sheet = page.locator("main, body").first.inner_text()
        assert EVENT in sheet
        assert "Katja Bergant" in sheet and "Marta Telefon" not in sheet
