"""A KS editor moves an event onto a public holiday in a browser: the editor warns that the
space is closed that day, and publishes only once "Kljub temu objavi" is ticked (and, the
`page` fixture, with no CSP violation or console error on the way)."""

import datetime

import pytest

from portal.spaces.hours import holidays_of

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# The demo's Golnik editor (portal/demo/accounts.py) and a single event of Golnik's in its
# community space (portal/demo/content.py).
EDITOR, PASSWORD = "ks-golnik", "demo12345"
TITLE = "Medgeneracijsko druženje"


def next_holiday():
    """The first Slovenian public holiday from a week ahead (the demo's events are then)."""
    first = datetime.date.today() + datetime.timedelta(days=7)
    days = {**holidays_of(first.year, "sl"), **holidays_of(first.year + 1, "sl")}
    day = min(day for day in days if day >= first)
    return day, days[day]


def log_in(page, base_url):
    page.context.clear_cookies()  # the shared browser profile may hold another's session
    page.goto(base_url + "/admin/login/", wait_until="load")
    if "/admin/login/" in page.url:
        page.fill("[name=username]", EDITOR)
        page.fill("[name=password]", PASSWORD)
        with page.expect_navigation(wait_until="load"):
            page.click("form button[type=submit]")


def publish(page):
    page.click("footer [data-w-dropdown-target=toggle], footer .w-dropdown__toggle")
    with page.expect_navigation(wait_until="load"):
        page.click("footer button[name=action-publish]")


def test_an_event_on_a_holiday_is_published_only_when_the_editor_says_so(page, portal_url):
    log_in(page, portal_url)
    page.goto(f"{portal_url}/admin/pages/search/?q={TITLE}", wait_until="load")
    with page.expect_navigation(wait_until="load"):
        page.locator("a[href$='/edit/']", has_text=TITLE).first.click()
    event_id = page.url.rstrip("/").split("/")[-2]
    assert page.locator("#id_publish_despite_clashes").count() == 0

    holiday, name = next_holiday()
    page.fill("#id_start", f"{holiday:%d.%m.%Y} 10:00")
    page.fill("#id_end", f"{holiday:%d.%m.%Y} 12:00")
    page.keyboard.press("Escape")
    publish(page)

    warning = page.locator(".event-clashes")
    assert f"prostor je ta dan zaprt ({name})" in warning.inner_text()
    assert f"{holiday.day}. {holiday.month}. {holiday.year}" in warning.inner_text()
    override = page.get_by_label("Kljub temu objavi")
    assert override.is_visible()
    override.check()
    publish(page)

    assert "/admin/pages/" in page.url and "/edit/" not in page.url, page.url
    assert "objavljen" in page.locator(".messages").inner_text()
    public = page.request.get(f"{portal_url}/api/v2/pages/{event_id}/").json()
    assert public["start"].startswith(holiday.isoformat())
