"""At 320 CSS pixels wide (a phone, or 1280 px zoomed to 400 %) nothing scrolls sideways."""

import pytest

from tests.browser.portal_pages import every_page, open_page

# One test worker runs them all, so the server and the browser start once.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

# What sticks out past the right edge of the window: the innermost elements whose box or
# content (text that does not wrap, say) ends beyond it.
OVERFLOWING = """
() => {
    const width = window.innerWidth;
    const reach = (el) => {
        const box = el.getBoundingClientRect();
        const spills = getComputedStyle(el).overflowX === "visible";
        return Math.max(box.right, spills ? box.left + el.scrollWidth : 0);
    };
    const overflows = (el) => reach(el) > width + 0.5;
    return [...document.body.querySelectorAll("*")]
        .filter((el) => overflows(el) && ![...el.children].some(overflows))
        .slice(0, 10)
        .map((el) => {
            const classes = el.classList.length ? "." + [...el.classList].join(".") : "";
            return `${el.tagName.toLowerCase()}${classes} reaches ${Math.round(reach(el))} px`;
        });
}
"""

# Boxes that cut off their own content (overflow hidden or clipped) at this width.
CLIPPED = """
() => [...document.body.querySelectorAll("*")]
    .filter((el) => {
        const style = getComputedStyle(el);
        // What a closed <details> folds away is not shown, so it is not cut off either.
        const details = el.closest("details:not([open])");
        if (details && !details.querySelector(":scope > summary")?.contains(el)) return false;
        return ["hidden", "clip"].includes(style.overflowX)
            && style.position !== "absolute"
            && el.clientWidth > 1
            && el.scrollWidth > el.clientWidth + 1;
    })
    .slice(0, 10)
    .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}:`
        + ` content ${el.scrollWidth} px in ${el.clientWidth} px`)
"""


@every_page
def test_page_reflows_at_320_css_pixels_without_horizontal_scrolling(page, portal_url, portal_page):
    page.set_viewport_size({"width": 320, "height": 640})
    open_page(page, portal_url, portal_page)
    scroll_width, window_width = page.evaluate(
        "() => [document.documentElement.scrollWidth, window.innerWidth]"
    )
    assert scroll_width <= window_width, (
        f"{portal_page.path} is {scroll_width} px wide in a {window_width} px window;"
        f" too wide: {page.evaluate(OVERFLOWING)}"
    )
    clipped = page.evaluate(CLIPPED)
    assert not clipped, f"{portal_page.path} cuts off content at 320 px: {clipped}"
