"""Issue 20's "done when", as residents do it on a phone: Golnik's repair café has one place
left (the demo's); Ana takes it, Bojan is put on the waiting list; Ana cancels through the
link in her confirmation mail, so Bojan gets the place and a mail saying so; the event page
and the API show the places left at each step."""

import re
import uuid
from urllib.parse import urlsplit

import pytest

from tests.browser.test_axe import describe, run_axe
from tests.browser.test_booking_decisions import log_in as log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 375, "height": 812}
EVENT = "/golnik/dogodki/popravljalnica/"
CANCEL_LINK = re.compile(r"https?://\S+?(/\S*/prijava/preklic/\?kljuc=\S+)")


def places(page, portal_url):
    """The API's places of the repair café's next date that takes sign-ups."""
    listing = page.request.get(
        portal_url + "/api/v2/events/", params={"search": "Popravljalnica", "limit": 20}
    ).json()
    for item in listing["items"]:
        if item["url"].endswith(EVENT) and item["signups"] and item["signups"]["open"]:
            answer = page.request.get(item["signups"]["places_url"])
            assert answer.status == 200
            found = answer.json()
            if found["open"]:
                return found
    raise AssertionError("the API lists no date of the repair café that takes sign-ups")


def sign_up(page, portal_url, name, email):
    page.goto(portal_url + EVENT, wait_until="load")
    with page.expect_navigation(wait_until="load"):
        page.locator("main a[href*='prijava/']").first.click()
    assert page.locator("body.page-signup-form").count() == 1
    results = run_axe(page)
    assert not results["violations"], describe(results["violations"])
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the form is {widths[0]} px wide on a 375 px phone"
    page.fill("[name=name]", name)
    page.fill("[name=email]", email)
    page.fill("[name=places]", "1")
    page.check("[name=consent]")
    with page.expect_navigation(wait_until="load"):
        page.locator("main form button[type=submit]").click()
    assert page.url.split("?")[0].endswith("/prijava/poslano/"), page.url
    return page.locator("main").inner_text()


def mail_to(page, portal_url, address, subject_starts):
    """The text of the newest mail to `address` whose subject starts so, as the municipal
    editor reads it in the admin's outbox."""
    page.goto(f"{portal_url}/admin/outbox/?q={address}", wait_until="load")
    row = page.locator("table.listing tbody tr", has_text=subject_starts).first
    with page.expect_navigation(wait_until="load"):
        row.locator("a").first.click()
    return page.locator("main pre").inner_text()


def test_the_last_place_the_waiting_list_a_cancel_and_a_promotion(browser, portal_url):
    tag = uuid.uuid4().hex[:6]
    ana, bojan = f"ana.{tag}@example.org", f"bojan.{tag}@example.org"
    with (
        browser.new_context(viewport=PHONE, locale="sl-SI") as first,
        browser.new_context(viewport=PHONE, locale="sl-SI") as second,
        browser.new_context(locale="sl-SI") as municipal,
    ):
        resident = first.new_page()
        before = places(resident, portal_url)
        assert before["left"] == 1, before
        resident.goto(portal_url + EVENT, wait_until="load")
        assert "še 1 prosto mesto" in resident.locator("main").inner_text()

        assert "Prijavljeni ste" in sign_up(resident, portal_url, "Ana Novak", ana)
        after = places(resident, portal_url)
        assert (after["left"], after["waitlist"]) == (0, 0)

        other = second.new_page()
        text = sign_up(other, portal_url, "Bojan Kos", bojan)
        assert "čakalnem seznamu" in text and "1." in text
        assert places(other, portal_url)["waitlist"] == 1
        other.goto(portal_url + EVENT, wait_until="load")
        assert "polno – čakalni seznam" in other.locator("main").inner_text()

        editor = municipal.new_page()
        log_in_as(editor, portal_url, "obcina", "/admin/outbox/")
        confirmation = mail_to(editor, portal_url, ana, "Prijavljeni ste")
        link = CANCEL_LINK.search(confirmation).group(1)

        resident.goto(portal_url + link, wait_until="load")
        with resident.expect_navigation(wait_until="load"):
            resident.locator("main form button[type=submit]").click()
        assert "preklicana" in resident.locator("main").inner_text()
        # The link works once.
        resident.goto(portal_url + link, wait_until="load")
        assert "že preklicana" in resident.locator("main").inner_text()

        promoted = mail_to(editor, portal_url, bojan, "Sprostilo se je mesto")
        assert EVENT in urlsplit(CANCEL_LINK.search(promoted).group(1)).path
        final = places(editor, portal_url)
        assert (final["left"], final["waitlist"]) == (0, 0)
        # A visitor who has not seen the page in the last minute (pages that show places
        # may be kept SIGNUP_PAGE_MAX_AGE seconds, by the browser too) sees it full.
        with browser.new_context(viewport=PHONE, locale="sl-SI") as later:
            visitor = later.new_page()
            visitor.goto(portal_url + EVENT, wait_until="load")
            assert "polno – čakalni seznam" in visitor.locator(".event-facts__join").inner_text()
