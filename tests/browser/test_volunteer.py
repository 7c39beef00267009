"""What a KS volunteer does in the admin, in a browser, as the demo's `ks-golnik`: the
calendar's add button says what it adds, the repeat settings show once an event repeats,
and a photo uploaded with its alternative text shows that text on the public page."""

import datetime
import io
import re
import uuid

import pytest
from PIL import Image

from tests.browser.test_booking_decisions import ask_for_three_thursdays
from tests.browser.test_booking_decisions import log_in as log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

EDITOR, PASSWORD = "ks-golnik", "demo12345"


def log_in(page, base_url, path):
    """Log in as `ks-golnik` (the shared browser profile may hold another user's session)."""
    page.context.clear_cookies()
    page.goto(base_url + path, wait_until="load")
    if "/admin/login/" in page.url:
        page.fill("[name=username]", EDITOR)
        page.fill("[name=password]", PASSWORD)
        with page.expect_navigation(wait_until="load"):
            page.click("form button[type=submit]")


def open_in_explorer(page, base_url, *titles):
    """From the dashboard's pages menu to the page with the last of `titles`."""
    log_in(page, base_url, "/admin/pages/")
    for title in titles:
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("link", name=re.compile(f"^{re.escape(title)}")).first.click()


def photo():
    picture = io.BytesIO()
    Image.new("RGB", (640, 400), (40, 120, 80)).save(picture, "JPEG")
    return {
        "name": "IMG_20261207_101500.jpg",
        "mimeType": "image/jpeg",
        "buffer": picture.getvalue(),
    }


def test_the_calendar_says_add_event_and_repeat_settings_follow_the_choice(page, portal_url):
    log_in(page, portal_url, "/admin/pages/")
    golnik = page.locator("a", has_text=re.compile(r"^\s*KS Golnik\s*$")).first
    with page.expect_navigation(wait_until="load"):
        golnik.click()
    # The calendar's row in the KS's listing, and the calendar's own explorer, say it.
    add_event = page.get_by_role("link", name="Dodaj dogodek").first
    assert add_event.is_visible()
    with page.expect_navigation(wait_until="load"):
        add_event.click()
    assert "/add/events/eventpage/" in page.url
    repeats = page.locator("#id_frequency")
    until = page.locator("#id_until")
    weekdays = page.locator("[name=weekdays]").first
    assert repeats.is_visible()
    assert not until.is_visible() and not weekdays.is_visible()
    repeats.select_option("WEEKLY")
    page.wait_for_function("() => !document.querySelector('#id_until').closest('[hidden]')")
    assert until.is_visible() and weekdays.is_visible()
    assert not page.locator("[name=monthly_by]").first.is_visible()
    repeats.select_option("")
    page.wait_for_function("() => !!document.querySelector('#id_until').closest('[hidden]')")


def test_a_photo_uploaded_with_its_alternative_text_shows_it_on_the_public_page(page, portal_url):
    log_in(page, portal_url, "/admin/pages/")
    page.on(
        "response",
        lambda r: (
            print(
                "RESP",
                r.request.method,
                r.url,
                r.status,
                r.request.headers.get("x-requested-with"),
                r.request.headers.get("accept"),
            )
            if "/edit/" in r.url
            else None
        ),
    )
    with page.expect_navigation(wait_until="load"):
        page.locator("a", has_text=re.compile(r"^\s*KS Golnik\s*$")).first.click()
    add_news = page.get_by_role("link", name="Dodaj novico").first.get_attribute("href")
    news_index_id = re.search(r"/(\d+)/$", add_news).group(1)
    page.goto(f"{portal_url}/admin/pages/{news_index_id}/", wait_until="load")
    with page.expect_navigation(wait_until="load"):
        page.locator("table a[href$='/edit/']").first.click()
    title = page.locator("#id_title").input_value()
    image_field = page.locator("[data-field-input] #id_image-chooser, #id_image-chooser").first
    image_field.locator("[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal.in").first
    modal.locator("[role=tab]").first.wait_for()
    modal.get_by_role("tab", name=re.compile("Naloži")).click()
    modal.locator("input[type=file]").set_input_files(photo())
    modal.locator("input[name$=title]").fill("Delavnica na Golniku")
    alt = modal.locator("input[name$=description], textarea[name$=description]")
    # Required for a new image: the form is not sent without it.
    assert alt.evaluate("(field) => field.required")
    modal.locator("form button[type=submit], form input[type=submit]").last.click()
    assert alt.evaluate("(field) => !field.validity.valid") and modal.is_visible()
    alt.fill("Krajani za mizami na delavnici v Domu krajanov Golnik")
    modal.locator("form button[type=submit], form input[type=submit]").last.click()
    page.wait_for_function("() => !document.querySelector('.modal.in')")
    assert "Delavnica na Golniku" in image_field.inner_text()

    page.locator("button.action-secondary, [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation(wait_until="load"):
        page.locator("button[name=action-publish]").click()
    page.goto(portal_url + "/golnik/novice/", wait_until="load")
    with page.expect_navigation(wait_until="load"):
        page.locator("main a", has_text=title).first.click()
    image = page.locator("main img").first
    assert image.get_attribute("alt") == "Krajani za mizami na delavnici v Domu krajanov Golnik"
    assert "IMG_" not in (image.get_attribute("alt") or "")


def test_a_volunteers_week_in_the_admin(browser, portal_url):
    """Issue 17's "done when", as `ks-golnik` would do it: the dashboard shows a new
    booking request (its mail to the KS editors is in the outbox) and two of its three
    weekly dates are approved from there; a weekly event is created by typing its dates
    as the admin shows them, one date is skipped, it is published and the public page
    lists the same dates."""
    purpose = f"Vaja pevskega zbora {uuid.uuid4().hex[:6]}"
    resident = browser.new_context(locale="sl-SI")
    volunteer = browser.new_context(locale="sl-SI")
    municipal = browser.new_context(locale="sl-SI")
    try:
        first = ask_for_three_thursdays(resident.new_page(), portal_url, purpose)

        page = volunteer.new_page()
        log_in(page, portal_url, "/admin/")
        request = page.locator("li[id^=waiting-request-]", has_text=purpose)
        approve = request.get_by_role("button", name="Odobri", exact=True)
        assert approve.count() == 3
        for waiting in (2, 1):  # one click each, back on the dashboard
            with page.expect_navigation(wait_until="load"):
                approve.first.click()
            assert page.url == portal_url + "/admin/"
            assert approve.count() == waiting

        outbox = municipal.new_page()
        log_in_as(outbox, portal_url, "obcina", "/admin/outbox/")
        outbox.goto(f"{portal_url}/admin/outbox/?q=Skupnostni", wait_until="load")
        rows = outbox.inner_text("table.listing")
        assert "Nov zahtevek za uporabo prostora" in rows and "ks-golnik@example.org" in rows

        # A weekly event typed as the admin shows dates, one date skipped, published.
        start = first + datetime.timedelta(days=1)  # a Friday: the Thursdays are booked
        page.goto(portal_url + "/admin/pages/", wait_until="load")
        with page.expect_navigation(wait_until="load"):
            page.locator("a", has_text=re.compile(r"^\s*KS Golnik\s*$")).first.click()
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("link", name="Dodaj dogodek").first.click()
        title = f"Bralni krožek {uuid.uuid4().hex[:4]}"
        page.fill("#id_title", title)
        page.fill("#id_location", "Dom krajanov Golnik")
        for selector, text in (
            ("#id_start", f"{start:%d. %m. %Y} 17:00"),
            ("#id_end", f"{start:%d. %m. %Y} 18:30"),
        ):
            field = page.locator(selector)
            field.click()
            field.fill("")
            field.press_sequentially(text)
            field.press("Tab")
            assert field.input_value() == text.replace(". ", ".", 2), selector
        page.select_option("#id_frequency", "WEEKLY")
        page.select_option("#id_ends", "after")
        page.fill("#id_count", "4")
        skipped = start + datetime.timedelta(weeks=2)
        page.click("#id_excluded_dates-ADD")
        field = page.locator("#id_excluded_dates-0-date")
        field.click()
        field.press_sequentially(f"{skipped:%d. %m. %Y}")
        field.press("Tab")
        page.locator("[data-w-dropdown-target=toggle]").last.click()
        with page.expect_navigation(wait_until="load"):
            page.locator("button[name=action-publish]").click()
        override = page.locator("[name=publish_despite_clashes]")
        if "/edit/" not in page.url and override.count():
            override.first.check()
            page.locator("[data-w-dropdown-target=toggle]").last.click()
            with page.expect_navigation(wait_until="load"):
                page.locator("button[name=action-publish]").click()
        assert page.locator(".messages").inner_text().count("objavljen") or "objav" in (
            page.locator(".messages").inner_text()
        )

        public = resident.new_page()
        public.goto(portal_url + "/golnik/dogodki/", wait_until="load")
        with public.expect_navigation(wait_until="load"):
            public.locator("main a", has_text=title).first.click()
        listed = public.locator("time.event-dates__when").evaluate_all(
            "times => times.map(time => time.getAttribute('datetime'))"
        )
        expected = [start + datetime.timedelta(weeks=week) for week in (0, 1, 3)]
        assert [value[:16] for value in listed] == [f"{day.isoformat()}T17:00" for day in expected]
    finally:
        for context in (resident, volunteer, municipal):
            context.close()
