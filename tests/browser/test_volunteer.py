"""What a KS volunteer does in the admin, in a browser, as the demo's `ks-golnik`: the
calendar's add button says what it adds, the repeat settings show once an event repeats,
and a photo uploaded with its alternative text shows that text on the public page."""

import io
import re

import pytest
from PIL import Image

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

EDITOR, PASSWORD = "ks-golnik", "demo12345"


def log_in(page, base_url, path):
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
