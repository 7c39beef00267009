"""The utilisation report in the admin, as a municipal editor sees it in a browser: no WCAG
A/AA violation that axe-core finds on the whole page (the admin's menu and header
included), its filters and downloads reachable with the keyboard, each showing focus, and
(the `page` fixture) no Content-Security-Policy violation or console error.
"""

import pytest

from tests.browser.test_axe import describe, run_axe
from tests.browser.test_keyboard import HELPERS

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

REPORT = "/admin/reports/space-utilisation/"
# The demo's municipal editor (portal/demo/accounts.py).
EDITOR, PASSWORD = "obcina", "demo12345"


def log_in_and_open(page, base_url):
    """Open the report as the municipal editor. The browser profile is shared by the
    browser tests, and another may have logged in as someone else: start logged out."""
    page.context.clear_cookies()
    page.goto(base_url + REPORT, wait_until="load")
    if "/admin/login/" in page.url:
        page.fill("[name=username]", EDITOR)
        page.fill("[name=password]", PASSWORD)
        with page.expect_navigation(wait_until="load"):
            page.click("form button[type=submit]")
    assert page.url.endswith(REPORT), page.url


@pytest.mark.parametrize("one_space", [False, True], ids=["all-spaces", "one-space"])
def test_the_report_has_no_wcag_a_or_aa_violations(page, portal_url, one_space):
    log_in_and_open(page, portal_url)
    if one_space:
        space = page.locator("#id_space option").nth(1).get_attribute("value")
        page.goto(f"{portal_url}{REPORT}?space={space}", wait_until="load")
        assert page.locator(".utilisation-report tfoot").count() == 1
    assert page.locator(".utilisation-report svg.usage-chart[role=img]").count() == 1
    # Every table says what it holds (the hours, and people reached by programme once
    # attendance is recorded: the demo's course in Zlato polje).
    tables = page.locator(".utilisation-report table").count()
    assert tables >= 1
    assert page.locator(".utilisation-report table caption").count() == tables
    results = run_axe(page)
    assert results["passes"], "axe checked nothing: is the page empty?"
    assert not results["violations"], (
        f"WCAG A/AA violations on the report:\n{describe(results['violations'])}"
    )


def test_a_refused_period_is_explained_accessibly(page, portal_url):
    log_in_and_open(page, portal_url)
    page.fill("#id_start", "2020-01")
    page.fill("#id_end", "2026-12")
    with page.expect_navigation(wait_until="load") as navigation:
        page.click(".utilisation-report__filters button[type=submit]")
    assert navigation.value.status == 400
    alert = page.locator(".utilisation-report [role=alert]")
    assert "Izberete lahko največ 24 mesecev hkrati." in alert.inner_text()
    page.expected_problems = [
        "console error: Failed to load resource: the server responded with a status of"
        f" 400 (Bad Request) ({page.url})"
    ]
    results = run_axe(page)
    assert not results["violations"], describe(results["violations"])


def test_the_filters_and_downloads_are_reached_with_the_keyboard(page, portal_url):
    log_in_and_open(page, portal_url)
    page.evaluate(HELPERS)
    page.focus(".utilisation-report__definitions summary")
    reached = []
    for _ in range(8):
        reached.append(
            page.evaluate(
                """() => {
                    const el = document.activeElement;
                    return {
                        what: el.id || el.textContent.trim().replace(/\\s+/g, " "),
                        shown: el.matches(":focus-visible")
                            && (getComputedStyle(el).outlineStyle !== "none"
                                || getComputedStyle(el).boxShadow !== "none"),
                    };
                }"""
            )
        )
        page.keyboard.press("Tab")
    assert [item["what"] for item in reached] == [
        "Kako so podatki šteti",
        "id_start",
        "id_end",
        "id_community",
        "id_space",
        "Pokaži",
        "CSV",
        "Excel (XLSX)",
    ]
    hidden = [item["what"] for item in reached if not item["shown"]]
    assert not hidden, f"no visible focus on: {hidden}"
