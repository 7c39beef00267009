"""The volunteer of KS Golnik (the demo's `ks-golnik`) publishes a workshop note for the
results page (issue 19), in a browser: from the consultation's editor to "Odgovori", a
tick and "Objavi izbrane"."""

import pytest

from tests.browser.test_consultation_workshop import add_workshop_consultation

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


def test_the_volunteer_publishes_a_workshop_note(page, portal_url):
    consultation = add_workshop_consultation(page, portal_url, "Posvet o skupnostnem vrtu")
    edit_url = page.url
    page.goto(f"{portal_url}/admin/consultations/{consultation}/workshop/", wait_until="load")
    page.fill("#id_workshop_date", "7. 11. 2017")
    page.fill("#id_table", "Miza 1")
    for text in ("Skupnostni vrt za blokom", "Menjalnica semen"):
        page.select_option("#id_theme", "food")
        page.check("input[name=note_type][value=need]")
        page.fill("#id_text", text)
        page.fill("#id_people_count", "6")
        with page.expect_navigation(wait_until="load"):
            page.click("form.workshop-entry button[type=submit]")

    # From the consultation's editor, through its header's menu of more actions.
    page.goto(edit_url, wait_until="load")
    link = page.get_by_role("link", name="Odgovori", exact=True)
    if not link.is_visible():
        page.locator("header [data-w-dropdown-target=toggle]").last.click()
    with page.expect_navigation(wait_until="load"):
        link.click()
    assert page.url.endswith(f"/admin/consultations/{consultation}/answers/")

    row = page.locator("tr", has_text="Skupnostni vrt za blokom")
    assert "čaka na odobritev" in row.text_content()
    assert "z delavnice, 7. 11. 2017" in row.text_content()
    row.get_by_role("checkbox").check()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Objavi izbrane").click()

    assert "Objavljen je 1 odgovor." in page.content()
    assert "objavljeno" in page.locator("tr", has_text="Skupnostni vrt za blokom").text_content()
    other = page.locator("tr", has_text="Menjalnica semen").text_content()
    assert "čaka na odobritev" in other
