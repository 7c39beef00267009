"""No WCAG 2.2 level A or AA violation on any kind of public page, on a desktop and a phone.

axe-core checks the rules it can; what WCAG 2.2 adds and axe does not check, focus not
obscured (2.4.11), is checked here too, on the same page load.
"""

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.browser.portal_pages import every_page, open_page

# One test worker runs them all, so the server and the browser start once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# WCAG 2.0, 2.1 and 2.2 at levels A and AA. axe 4.12 has no rule tagged wcag22a; its one
# wcag22aa rule is target-size (2.5.8), off by default but run when asked for by tag.
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# The browser context's desktop window, then a phone's (or 1280 px zoomed to 400 %). The
# page loads once: the window narrows and the checks run again on what it then shows.
WIDTHS = {"desktop": None, "320 px": {"width": 320, "height": 640}}


def run_axe(page):
    """Run axe-core on the whole page: its violations, and how many rules the page passed."""
    if not page.evaluate("() => typeof axe === 'object'"):
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


# WCAG 2.4.11, Focus Not Obscured (Minimum): each element Tab reaches, once focused (which
# scrolls it into view), is not entirely hidden by the page's own content, a sticky header
# say. Answers the hidden ones and what hides them.
FOCUS_OBSCURED = r"""
() => {
    const everything = (root) => [...root.querySelectorAll("*")].flatMap(
        (el) => el.shadowRoot ? [el, ...everything(el.shadowRoot)] : [el]
    );
    const focusable = "a[href], area[href], button, input, select, textarea, summary, iframe,"
        + " [tabindex], [contenteditable]";
    const name = (el) => !el ? "nothing (out of the window)"
        : [el.tagName.toLowerCase(), ...el.classList].join(".");
    // Inside a closed <details> only its summary can take focus (the calendar's filters).
    const folded = (el) => {
        const details = el.closest("details:not([open])");
        return details && !details.querySelector(":scope > summary")?.contains(el);
    };
    const hidden = [];
    for (const el of everything(document)) {
        if (!el.matches(focusable) || el.tabIndex < 0 || el.disabled || el.type === "hidden"
            || el.closest("[inert]") || folded(el) || !el.getClientRects().length
            || getComputedStyle(el).visibility !== "visible") continue;
        el.focus();
        const root = el.getRootNode();
        // The middle of the part of each box inside the window: a box taller than the
        // window (a table that scrolls) shows its top once focused, not its middle.
        const hits = [...el.getClientRects()].map((box) => {
            const left = Math.max(box.left, 0), right = Math.min(box.right, innerWidth);
            const top = Math.max(box.top, 0), bottom = Math.min(box.bottom, innerHeight);
            return left < right && top < bottom
                ? root.elementFromPoint((left + right) / 2, (top + bottom) / 2) : null;
        });
        const shows = hits.some((hit) => hit && (el.contains(hit)
            || [...(el.labels || [])].some((label) => label.contains(hit))));
        if (!shows) {
            const text = (el.innerText || el.value || el.getAttribute("aria-label") || "")
                .replace(/\s+/g, " ").trim().slice(0, 40);
            hidden.push(`${name(el)} "${text}" is hidden by ${name(hits.find(Boolean))}`);
        }
    }
    document.activeElement.blur();
    window.scrollTo(0, 0);
    return hidden;
}
"""


@every_page
def test_page_has_no_wcag_a_or_aa_violations_on_a_desktop_or_a_phone(page, portal_url, portal_page):
    open_page(page, portal_url, portal_page)
    problems = []
    for width, viewport in WIDTHS.items():
        if viewport:
            page.set_viewport_size(viewport)
        results = run_axe(page)
        assert results["passes"], f"axe checked nothing at {width}: is the page empty?"
        if results["violations"]:
            problems.append(f"at {width}:\n{describe(results['violations'])}")
        obscured = page.evaluate(FOCUS_OBSCURED)
        if obscured:
            problems.append(
                f"at {width}, focus obscured (WCAG 2.4.11):\n  " + "\n  ".join(obscured)
            )
    assert not problems, f"WCAG A/AA violations on {portal_page.path}, " + "\n".join(problems)
