"""A volunteer types in five notes from the workshop tables (issue 19's workshop mode), in a
browser, as the demo's `ks-golnik`, in under two minutes: a consultation made in the
admin, then its workshop form, note after note."""

import datetime
import re
import time

import pytest

from tests.browser.test_admin_dates import log_in, spaced, type_date

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

NOTES = [
    ("food", "need", "Skupnostni vrt za blokom", "7"),
    ("food", "offer", "Semena iz domačega vrta", "2"),
    ("circular_economy", "idea", "Popravljalnica enkrat na mesec", "9"),
    ("energy", "need", "Energetsko svetovanje v domu krajanov", "4"),
    ("spatial_planning", "idea", "Varna pot v šolo", "5"),
]


def add_workshop_consultation(page, portal_url, title):
    """As the demo's `ks-golnik`, add a consultation of the week of 6 November 2017 in the
    admin and save it; its page id (the editor stays open)."""
    log_in(page, portal_url)
    api = portal_url + "/admin/api/main/pages/"
    found = page.request.get(api, params={"type": "communities.CommunityPage", "slug": "golnik"})
    golnik = found.json()["items"][0]["id"]
    page.goto(
        f"{portal_url}/admin/pages/add/consultations/consultationpage/{golnik}/",
        wait_until="load",
    )
    page.fill("#id_title", title)
    start = datetime.date(2017, 11, 6)
    type_date(page, "#id_opens_at", spaced(start, "17:00"))
    type_date(page, "#id_closes_at", spaced(start + datetime.timedelta(days=7), "20:00"))
    with page.expect_navigation(wait_until="load"):
        page.click("button.action-save")
    return re.search(r"/admin/pages/(\d+)/edit/", page.url).group(1)


def test_a_volunteer_enters_five_workshop_notes_in_under_two_minutes(page, portal_url):
    consultation = add_workshop_consultation(page, portal_url, "Delavnica potreb, november 2017")
    entry = f"{portal_url}/admin/consultations/{consultation}/workshop/"
    # The editor's header offers the workshop form (in its menu of more actions).
    assert (
        f'href="/admin/consultations/{consultation}/workshop/"' in page.request.get(page.url).text()
    )

    started = time.monotonic()
    page.goto(entry, wait_until="load")
    page.fill("#id_workshop_date", "7. 11. 2017")
    page.fill("#id_table", "Miza 1")
    page.fill("#id_round", "1")
    for theme, kind, text, people in NOTES:
        page.select_option("#id_theme", theme)
        page.check(f"input[name=note_type][value={kind}]")
        page.fill("#id_text", text)
        page.fill("#id_people_count", people)
        with page.expect_navigation(wait_until="load"):
            page.click("form.workshop-entry button[type=submit]")
        # The date, table and round stay for the next note; the text is empty again.
        assert page.locator("#id_table").input_value() == "Miza 1"
        assert page.locator("#id_text").input_value() == ""
    elapsed = time.monotonic() - started
    assert elapsed < 120, elapsed
    assert "Doslej vnesenih 5 zapisov z delavnic." in page.content()
