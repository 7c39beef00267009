"""axe-core finds no WCAG 2.0 or 2.1 level A or AA violation on any kind of public page."""

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.browser.portal_pages import every_page, open_page

# One test worker runs them all, so the server and the browser start once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(page):
    """Run axe-core on the whole page: its violations, and how many rules the page passed."""
    page.evaluate(AXE_SCRIPT)
    return page.evaluate(
        """async (options) => {
            const results = await axe.run(document, options);
            return {violations: results.violations, passes: results.passes.length};
        }""",
        {"runOnly": {"type": "tag", "values": WCAG_A_AA}, "resultTypes": ["violations"]},
    )


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"  - {target}")
            lines.append(f"    {node['html'][:160]}")
            for reason in node["failureSummary"].splitlines()[1:]:
                lines.append(f"    {reason.strip()}")
    return "\n".join(lines)


@every_page
def test_page_has_no_wcag_a_or_aa_violations(page, portal_url, portal_page):
    open_page(page, portal_url, portal_page)
    results = run_axe(page)
    assert results["passes"], "axe checked nothing: is the page empty?"
    assert not results["violations"], (
        f"WCAG A/AA violations on {portal_page.path}:\n{describe(results['violations'])}"
    )
