"""Every page works with the keyboard alone, and the keyboard user always sees where they are."""

import re

import pytest

from tests.browser.portal_pages import every_page, open_page

# One test worker runs them all, so the server and the browser start once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# Helpers in the page: how to name an element in a message, and how it shows focus.
HELPERS = r"""
() => {
    // Every element in document order, those in open shadow roots (the events widget's
    // preview) in their host's place: Tab goes through them there.
    const everything = (root) => [...root.querySelectorAll("*")].flatMap(
        (el) => el.shadowRoot ? [el, ...everything(el.shadowRoot)] : [el]
    );
    const order = new Map(everything(document).map((el, index) => [el, index]));
    const parentOf = (node) => node.parentElement || node.getRootNode().host || null;
    const transparent = (colour) => colour === "transparent" || /^rgba\(.*, 0\)$/.test(colour);
    // The colour seen behind an element: its own background, or what shows through it.
    const backdrop = (el) => {
        for (let node = el; node; node = parentOf(node)) {
            const colour = getComputedStyle(node).backgroundColor;
            if (!transparent(colour)) return colour;
        }
        return "rgb(255, 255, 255)";
    };
    window.__describe = (el) => {
        const style = getComputedStyle(el), box = el.getBoundingClientRect();
        const classes = el.classList.length ? "." + [...el.classList].join(".") : "";
        const text = (el.innerText || el.value || el.getAttribute("aria-label") || "")
            .replace(/\s+/g, " ").trim();
        return {
            index: order.get(el),
            name: `${el.tagName.toLowerCase()}${classes} "${text.slice(0, 40)}"`,
            inFooter: !!el.closest("footer"),
            inViewport: box.width >= 1 && box.height >= 1 && box.bottom > 0 && box.right > 0
                && box.top < window.innerHeight && box.left < window.innerWidth,
            focusVisible: el.matches(":focus-visible"),
            outline: [style.outlineStyle, style.outlineWidth, style.outlineColor],
            boxShadow: style.boxShadow,
            background: backdrop(el),
            // Only borders that are drawn: a colour change of no border shows nothing.
            border: ["Top", "Right", "Bottom", "Left"].map((side) => {
                const width = parseFloat(style[`border${side}Width`]);
                const drawn = style[`border${side}Style`] !== "none" && width > 0;
                return drawn ? `${width}px ${style[`border${side}Color`]}` : "none";
            }).join(", "),
        };
    };
    window.__shadowRoots = () => everything(document).filter((el) => el.shadowRoot)
        .map((el) => el.shadowRoot);
    // What a keyboard user can reach with Tab, in document order (no positive tabindex here).
    const focusable = "a[href], area[href], button, input, select, textarea, summary, iframe,"
        + " [tabindex], [contenteditable]";
    // Inside a closed <details> only its summary is reached (the calendar's folded filters).
    const folded = (el) => {
        const details = el.closest("details:not([open])");
        return details && !details.querySelector(":scope > summary")?.contains(el);
    };
    // Tab stops once in a group of radio buttons: on the checked one, else the first.
    const radioStop = (el) => {
        if (el.type !== "radio" || !el.name) return true;
        const group = [...(el.form || document).querySelectorAll("input[type=radio]")]
            .filter((radio) => radio.name === el.name);
        return el === (group.find((radio) => radio.checked) || group[0]);
    };
    window.__tabbable = () => everything(document).filter((el) => el.matches(focusable)
        && el.tabIndex >= 0 && !el.disabled && el.type !== "hidden"
        && !el.closest("[inert]") && !folded(el) && el.getClientRects().length
        && getComputedStyle(el).visibility === "visible" && radioStop(el));
}
"""

# Notes every element that receives focus, and when focus leaves the document.
RECORD_FOCUS = """
() => {
    window.__focusLog = [];
    // Focus that moves inside a shadow root is told only there: each root records its own.
    const record = (event) => __focusLog.push(__describe(event.composedPath()[0]));
    document.addEventListener("focusin", (event) => {
        if (event.composedPath()[0].getRootNode() === document) record(event);
    });
    for (const root of __shadowRoots()) root.addEventListener("focusin", record);
    document.addEventListener("focusout", (event) => {
        if (!event.relatedTarget) __focusLog.push("left");
    });
}
"""


def transparent(colour):
    return colour == "transparent" or re.fullmatch(r"rgba\(.*, 0\)", colour) is not None


def focus_indicator(focused, unfocused):
    """How focus shows on an element: what changed from its unfocused look, if visible."""
    style, width, colour = focused["outline"]
    signs = []
    if (
        style != "none"
        and float(width.removesuffix("px")) >= 1
        and not transparent(colour)
        and focused["outline"] != unfocused["outline"]
    ):
        signs.append(f"outline {style} {width} {colour}")
    if focused["boxShadow"] not in ("none", unfocused["boxShadow"]):
        signs.append(f"box-shadow {focused['boxShadow']}")
    if focused["background"] != unfocused["background"]:
        signs.append(f"background {focused['background']}")
    if focused["border"] != unfocused["border"]:
        signs.append(f"border {focused['border']}")
    return signs


@every_page
def test_first_tab_focuses_the_skip_link_which_moves_focus_to_the_content(
    page, portal_url, portal_page
):
    open_page(page, portal_url, portal_page)
    page.keyboard.press("Tab")
    skip = page.evaluate(
        """() => {
            const el = document.activeElement, box = el.getBoundingClientRect();
            return {text: el.textContent.trim(), href: el.getAttribute("href"),
                    visible: box.top >= 0 && box.left >= 0 && box.height >= 16
                        && box.bottom <= window.innerHeight};
        }"""
    )
    assert skip["text"] == "Skoči na vsebino" and skip["href"] == "#main", (
        f"the first Tab must focus the skip link, not {skip}"
    )
    assert skip["visible"], "the focused skip link must show inside the window"

    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.matches('main#main')"), (
        "activating the skip link must move focus to main#main"
    )
    assert page.evaluate(
        """() => {
            const top = document.querySelector("main#main").getBoundingClientRect().top;
            const bottom = document.documentElement.scrollHeight - window.innerHeight;
            return Math.abs(top) <= 1 || window.scrollY >= bottom - 1;
        }"""
    ), "activating the skip link must scroll to the start of the content"
    page.keyboard.press("Tab")
    assert page.evaluate(
        """() => {
            const main = document.querySelector("main#main"), el = document.activeElement;
            return main.contains(el)
                || !!(main.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        }"""
    ), "after the skip link, Tab must go on from the content, not from the header"


@every_page
def test_tab_reaches_everything_then_the_footer_links_then_leaves_the_page(
    page, portal_url, portal_page
):
    open_page(page, portal_url, portal_page)
    page.evaluate(HELPERS)
    tabbable = page.evaluate("() => __tabbable().map(__describe)")
    page.evaluate(RECORD_FOCUS)
    # One Tab for each element, and one more to leave the page.
    for _ in range(len(tabbable) + 1):
        page.keyboard.press("Tab")
    log = page.evaluate("() => __focusLog")

    focused = [entry for entry in log if entry != "left"]
    names = [entry["name"] for entry in focused]
    assert log and log[-1] == "left", (
        f"after {len(tabbable) + 1} Tabs focus is still on {portal_page.path}, having gone"
        f" through {names}: a keyboard trap?"
    )
    assert page.evaluate("() => document.activeElement === document.body")
    assert [entry["index"] for entry in focused] == [element["index"] for element in tabbable], (
        f"Tab on {portal_page.path} skips, repeats or reorders elements:\n"
        f"  focused:  {names}\n  expected: {[element['name'] for element in tabbable]}"
    )
    footer_links = page.locator("footer a[href]").count()
    assert footer_links >= 3, "the footer has its contact and portal links"
    assert [entry["inFooter"] for entry in focused[-footer_links:]] == [True] * footer_links, (
        f"the footer links must be the last stops on {portal_page.path}: {names}"
    )


@every_page
def test_every_focusable_element_shows_a_visible_focus_indicator(page, portal_url, portal_page):
    open_page(page, portal_url, portal_page)
    page.evaluate(HELPERS)
    unfocused = page.evaluate("() => __tabbable().map(__describe)")
    # After a real Tab the browser is in keyboard mode: focus moved by script then shows as
    # it would for Tab (:focus-visible), so every element can be checked in one go.
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => __tabbable().map((el) => { el.focus(); return __describe(el); })"
    )
    assert [element["index"] for element in focused] == [e["index"] for e in unfocused]
    not_in_keyboard_mode = [element["name"] for element in focused if not element["focusVisible"]]
    assert not not_in_keyboard_mode, f"not :focus-visible: {not_in_keyboard_mode}"

    invisible = [
        element["name"]
        for element, before in zip(focused, unfocused, strict=True)
        if not focus_indicator(element, before)
    ]
    assert not invisible, f"no visible focus indicator on {portal_page.path}: {invisible}"
    out_of_sight = [element["name"] for element in focused if not element["inViewport"]]
    assert not out_of_sight, f"focused but out of sight on {portal_page.path}: {out_of_sight}"
