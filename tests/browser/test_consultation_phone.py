"""A resident answers Golnik's open consultation (the demo's "Posvet za pomlad 2027") on a
phone, without an account, and the API's count for the option they chose grows by one
(issue 19's "done when")."""

import pytest

from tests.browser.test_axe import describe, run_axe
from tests.browser.test_reflow import CLIPPED

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

PHONE = {"width": 375, "height": 812}
QUESTION = "vrt-gredica"
CHOICE = "Da, z društvom"


def results_api(page, portal_url):
    """The API address of the open consultation's results."""
    listing = page.request.get(
        portal_url + "/api/v2/consultations/", params={"state": "open"}
    ).json()
    (item,) = [
        item
        for item in listing["items"]
        if item["meta"]["html_url"].endswith("/golnik/posvet-pomlad-2027/")
    ]
    assert item["results"]["public"] is True
    return item["results"]["detail_url"]


def count_of(page, url):
    results = page.request.get(url)
    assert results.status == 200
    for theme in results.json()["themes"]:
        for question in theme["questions"]:
            if question["id"] == QUESTION:
                return next(bar["total"] for bar in question["counts"] if bar["key"] == CHOICE)
    raise AssertionError(f"{QUESTION} is not in the results")


def test_a_resident_answers_the_open_consultation_on_a_phone(page, portal_url):
    page.context.clear_cookies()
    page.set_viewport_size(PHONE)
    url = results_api(page, portal_url)
    before = count_of(page, url)

    page.goto(portal_url + "/golnik/posvet-pomlad-2027/", wait_until="load")
    results = run_axe(page)
    assert not results["violations"], describe(results["violations"])
    # Nothing wider than the phone, nothing cut off.
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"the form is {widths[0]} px wide on a 375 px phone"
    assert page.evaluate(CLIPPED) == []

    page.get_by_label(CHOICE, exact=True).check()
    page.get_by_label("Kolo", exact=True).check()
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Pošlji odgovor").click()

    assert page.locator("body.page-consultation-thanks").count() == 1
    assert "Vaš odgovor je shranjen" in page.locator("main").inner_text()
    results = run_axe(page)
    assert not results["violations"], describe(results["violations"])
    assert count_of(page, url) == before + 1
    page.context.clear_cookies()
