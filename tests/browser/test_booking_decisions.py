"""A booking request reaches the KS and is decided date by date, in a browser (issue 17).

A resident asks for the Golnik community space three Thursdays running through the public
form (accepting its house rules); the KS Golnik editor opens the request in the admin,
approves two of the dates and declines the third with a reason. The outgoing mail, as the
municipal editor sees it, holds the new request's mail to the KS editor and the decision
mail to the resident.
"""

import datetime
import uuid

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

FORM = "/golnik/skupnostni-prostor/rezervacija/"
REQUESTS = "/admin/snippets/bookings/bookingrequest/"
OUTBOX = "/admin/outbox/"
PASSWORD = "demo12345"  # every demo user's (portal/demo/accounts.py)
THURSDAY = 3


def log_in(page, base_url, username, path):
    page.goto(base_url + path, wait_until="load")
    if "/admin/login/" in page.url:
        page.fill("[name=username]", username)
        page.fill("[name=password]", PASSWORD)
        with page.expect_navigation(wait_until="load"):
            page.click("form button[type=submit]")


def ask_for_three_thursdays(page, base_url, purpose):
    """Send the form for three weekly Thursdays, trying later weeks while the demo's
    events or bookings take one of them; the first date."""
    today = datetime.date.today()
    first = today + datetime.timedelta(days=(THURSDAY - today.weekday()) % 7 + 14)
    for _week in range(8):
        page.goto(base_url + FORM, wait_until="load")
        page.fill("#id_name", "Ana Kranjc")
        page.fill("#id_email", "ana.kranjc@example.org")
        page.fill("#id_purpose", purpose)
        page.select_option("#id_visibility", "private")
        page.fill("#id_attendance", "12")
        page.fill("#id_date", first.strftime("%d. %m. %Y"))
        page.fill("#id_start", "18.00")
        page.fill("#id_end", "19.30")
        page.check("#id_weekly")
        page.fill("#id_until", (first + datetime.timedelta(weeks=2)).strftime("%d. %m. %Y"))
        if page.locator("#id_house_rules").count():
            page.check("#id_house_rules")
        page.check("#id_consent")
        with page.expect_navigation(wait_until="load"):
            page.click("form.booking-form button[type=submit]")
        if page.url.endswith("/rezervacija/poslano/"):
            return first
        first += datetime.timedelta(weeks=1)
    pytest.fail("No three free Thursdays in eight weeks: " + page.inner_text("#form-errors"))


def test_the_ks_editor_approves_two_of_three_weekly_dates(browser, portal_url):
    purpose = f"Vaja zbora {uuid.uuid4().hex[:6]}"
    resident = browser.new_context(locale="sl-SI")
    ks_editor = browser.new_context(locale="sl-SI")
    municipal = browser.new_context(locale="sl-SI")
    try:
        page = resident.new_page()
        first = ask_for_three_thursdays(page, portal_url, purpose)

        page = ks_editor.new_page()
        log_in(page, portal_url, "ks-golnik", REQUESTS)
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("link", name=purpose).first.click()
        dates = page.locator(".booking-dates > li")
        assert dates.count() == 3
        for _ in range(2):
            # The first date still waiting is always the next to approve.
            with page.expect_navigation(wait_until="load"):
                page.get_by_role("button", name="Odobri ta termin").first.click()
            assert "odobreno" in page.inner_text(".messages")
        page.fill(".booking-dates input[name=reason]", "Ta dan je občni zbor KS.")
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name="Zavrni ta termin").click()
        assert "prosilec je obveščen" in page.inner_text(".messages")
        shown = page.inner_text(".booking-dates")
        assert shown.count("(odobren)") == 2
        assert "(zavrnjen: Ta dan je občni zbor KS.)" in shown

        page = municipal.new_page()
        log_in(page, portal_url, "obcina", OUTBOX)
        page.goto(f"{portal_url}{OUTBOX}?q=Skupnostni", wait_until="load")
        rows = page.inner_text("table.listing")
        assert "Nov zahtevek za uporabo prostora Skupnostni prostor" in rows
        # The KS's editor and the space's contact person.
        assert "ks-golnik@example.org" in rows and "ks.golnik@example.org" in rows
        assert "ana.kranjc@example.org" in rows
        with page.expect_navigation(wait_until="load"):
            page.locator("table.listing a", has_text="je odobren").first.click()
        body = page.inner_text("body")
        assert "Pozdravljeni, Ana Kranjc," in body
        third = first + datetime.timedelta(weeks=2)
        assert f"{third.day}. {third.month}. {third.year}, 18.00–19.30" in body
        assert "Ta termin je zavrnjen:" in body and "Ta dan je občni zbor KS." in body
    finally:
        for context in (resident, ks_editor, municipal):
            context.close()
