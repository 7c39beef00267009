"""The prize draw of a consultation (issue 19), in a browser, as the people would do it: the
demo's `ks-golnik` publishes a consultation with a prize that closes within a minute and a half,
three residents answer it and enter the draw, and once it closes the editor draws two
winners with a seed of their own. The log shows who drew, when, with which seed, from how
many entries, and the winners masked; they are the ones `draw_winners` picks for the same
addresses and seed (the draw is reproducible), a second draw is not offered, and the
municipality's editor sees the winners' mails in the outbox."""

import datetime
import re
import time
import urllib.parse
import zoneinfo

import pytest

from portal.consultations.draw import draw_winners
from tests.browser.test_admin_dates import log_in, spaced, type_date
from tests.browser.test_booking_decisions import log_in as log_in_as

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

LJUBLJANA = zoneinfo.ZoneInfo("Europe/Ljubljana")
TITLE = "Nagradni posvet o kolesarskih poteh"
QUESTION = "Katera pot v šolo je za otroke najbolj nevarna?"
PRIZE = "Košara dobrot z Golnika"
RESIDENTS = ["ana.kern@primer.si", "bojan.zupan@posta.si", "cvetka.rozman@mail.si"]
SEED = "golnik-2026"
# The admin takes a closing time to the minute: the first full minute at least this many
# seconds ahead, enough for publishing and three answers on a busy machine.
OPEN_AT_LEAST = 25


def closing_time():
    """The first full minute OPEN_AT_LEAST seconds from now, local time, as the editor
    types it, and that moment."""
    soon = datetime.datetime.now(LJUBLJANA) + datetime.timedelta(seconds=OPEN_AT_LEAST)
    moment = soon.replace(second=0, microsecond=0) + datetime.timedelta(minutes=1)
    return spaced(moment.date(), f"{moment:%H:%M}"), moment


def add_prize_consultation(page, portal_url):
    """As `ks-golnik`, add and publish a consultation with a prize and one question, open
    since yesterday and closing at the first full minute
    OPEN_AT_LEAST seconds ahead; its page id and closing time."""
    log_in(page, portal_url)
    api = portal_url + "/admin/api/main/pages/"
    found = page.request.get(api, params={"type": "communities.CommunityPage", "slug": "golnik"})
    golnik = found.json()["items"][0]["id"]
    page.goto(
        f"{portal_url}/admin/pages/add/consultations/consultationpage/{golnik}/",
        wait_until="load",
    )
    page.fill("#id_title", TITLE)
    # One question: a short text.
    page.locator("[data-contentpath=questions] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Kratko besedilo").click()
    page.locator("[name='questions-0-value-question']").fill(QUESTION)
    page.fill("#id_draw_prize", PRIZE)
    yesterday = datetime.datetime.now(LJUBLJANA).date() - datetime.timedelta(days=1)
    type_date(page, "#id_opens_at", spaced(yesterday, "08:00"))
    typed, closes = closing_time()
    type_date(page, "#id_closes_at", typed)
    with page.expect_navigation(wait_until="load"):
        page.click("button.action-save")
    consultation = re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1)
    page.click("footer [data-w-dropdown-target=toggle], footer .w-dropdown__toggle")
    with page.expect_navigation(wait_until="load"):
        page.click("footer button[name=action-publish]")
    assert "/edit/" not in page.url, page.url  # published: back in the explorer
    return consultation, closes


def answer(browser, url, address):
    """A resident without an account answers and enters the draw."""
    resident = browser.new_context(locale="sl-SI")
    try:
        page = resident.new_page()
        page.goto(url, wait_until="load")
        assert "Posvet je zaključen" not in page.content(), "closed before the residents answered"
        page.get_by_label(QUESTION).fill("Čez železniški prehod pri pošti.")
        page.get_by_label("Sodelujem v nagradnem žrebanju.").check()
        page.get_by_label("E-pošta za nagradno žrebanje").fill(address)
        with page.expect_navigation(wait_until="load"):
            page.get_by_role("button", name="Pošlji odgovor").click()
        assert "Vaš odgovor je shranjen" in page.locator("main").inner_text()
    finally:
        resident.close()


def test_the_editor_draws_two_winners_once_the_consultation_closes(page, browser, portal_url):
    started = time.monotonic()
    consultation, closes = add_prize_consultation(page, portal_url)
    edit_url = f"{portal_url}/admin/pages/{consultation}/edit/"
    draw_url = f"{portal_url}/admin/consultations/{consultation}/draw/"
    detail = page.request.get(f"{portal_url}/admin/api/main/pages/{consultation}/").json()
    public_url = portal_url + urllib.parse.urlsplit(detail["meta"]["html_url"]).path

    for address in RESIDENTS:
        answer(browser, public_url, address)

    # Before it closes, the draw is refused with the time to come back.
    page.goto(draw_url, wait_until="load")
    refused = page.locator("main").inner_text()
    assert "Nagrajence izžrebate, ko se posvet zapre." in refused
    assert f"{closes:%H.%M}" in refused

    # Wait until the public page says it is closed.
    while "Posvet je zaključen" not in page.request.get(public_url).text():
        assert datetime.datetime.now(LJUBLJANA) < closes + datetime.timedelta(seconds=10)
        time.sleep(1)

    # From the consultation's editor, through its header's menu of more actions.
    page.goto(edit_url, wait_until="load")
    link = page.get_by_role("link", name="Izžrebaj nagrajence", exact=True)
    if not link.is_visible():
        page.locator("header [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation(wait_until="load"):
        link.click()
    assert page.url == draw_url
    main = page.locator("main")
    assert "3 naslovi so prijavljeni v žrebanje." in main.inner_text()
    page.get_by_label("število nagrajencev").fill("2")
    page.get_by_label("seme (neobvezno)").fill(SEED)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Izžrebaj nagrajence").click()

    assert f"Nagrajenci so izžrebani (seme {SEED})" in page.content()
    log = page.locator("dl.draw-log").inner_text()
    assert "Urednik KS Golnik" in log, log
    assert SEED in log
    drawn = datetime.datetime.now(LJUBLJANA)
    assert f"{drawn.day}. " in log and f"{drawn:%Y}" in log, log
    winners = draw_winners(RESIDENTS, SEED, 2)
    masked = [f"{address[0]}***@{address.split('@')[1]}" for address in winners]
    assert f"2: {', '.join(masked)}" in log, log
    entries = page.locator("dl.draw-log dt", has_text="Prijave").locator(
        "xpath=following-sibling::dd[1]"
    )
    assert entries.inner_text().strip() == "3"
    for address in RESIDENTS:
        assert address not in page.content()
    # No admin screen lists the entries; the page says they are gone.
    assert "Prijave so bile ob žrebanju izbrisane" in main.inner_text()

    # A second draw is not offered, and a second POST is refused.
    assert page.get_by_role("button", name="Izžrebaj nagrajence").count() == 0
    again = page.request.post(
        draw_url,
        form={"winners_count": "1", "seed": "x"},
        headers={"X-CSRFToken": csrf(page)},
    )
    assert again.status == 409
    assert f"<code>{SEED}</code>" in again.text()  # the one draw's log, unchanged

    # The municipality's editor sees the two winners' mails in the outbox, and only theirs.
    municipal = browser.new_context(locale="sl-SI")
    try:
        outbox = municipal.new_page()
        log_in_as(outbox, portal_url, "obcina", "/admin/outbox/")
        outbox.goto(f"{portal_url}/admin/outbox/?q=Zadeli", wait_until="load")
        rows = outbox.inner_text("table.listing")
        for address in winners:
            assert address in rows
        (loser,) = set(RESIDENTS) - set(winners)
        assert loser not in rows
        assert rows.count(f"Zadeli ste v nagradnem žrebanju: {TITLE}") == 2
    finally:
        municipal.close()

    # Up to 85 s of it is waiting for the closing minute.
    assert time.monotonic() - started < 120


def csrf(page):
    return next(
        cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken"
    )
