"""Every kind of public page of the demo portal, and how to open one in the browser."""

import contextlib
import datetime
from dataclasses import dataclass
from http import HTTPStatus

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests import builders


@dataclass(frozen=True)
class PortalPage:
    path: str
    # A selector that only this kind of page has: proves that the check ran on the right page.
    shows: str
    status: int = 200
    # A form to fill in and send once the page is open ({field name: value}; True ticks a
    # checkbox): the check runs on the answer.
    submit: dict | None = None


# The demo's repair cafés and meet-ups fill the month after the one the tests run in.
NEXT_MONTH = (builders.today().replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
# A booking request that ends before it starts, next week: every other field is filled in.
BOOKING_WITH_ERRORS = {
    "name": "Ana Novak",
    "email": "ana@example.org",
    "purpose": "Vaja pevskega zbora",
    "visibility": "public",
    "attendance": "20",
    "date": f"{builders.today() + datetime.timedelta(days=7):%d. %m. %Y}",
    "start": "19:00",
    "end": "17:00",
    # The demo space has house rules: the form asks to accept them (issue 17).
    "house_rules": True,
    "consent": True,
}

# The demo's event that takes sign-ups with questions (`portal/demo/signups.py`).
SIGNUP_EVENT = "/strazisce/dogodki/popravljalnica-koles/"

# How long a page may take to show its marker after `load`: the widget page's preview
# reads the API first.
SHOWS_TIMEOUT_MS = 5000

PAGES = {
    "home": PortalPage("/", "body.page-home .hero"),
    "ks": PortalPage("/golnik/", "body.page-community .card--space"),
    # The whole space page: today's status, rooms, opening hours, photos.
    "space": PortalPage(
        "/golnik/skupnostni-prostor/",
        "body.page-space:has(.space-status):has(.data-table):has(.opening-hours)"
        ":has(.gallery__image) .page-header__image",
    ),
    "space-availability": PortalPage(
        "/golnik/skupnostni-prostor/zasedenost/", "body.page-space-availability .week .stretch"
    ),
    "space-availability-invalid": PortalPage(
        "/golnik/skupnostni-prostor/zasedenost/?teden=2026-W99",
        "body.page-space-availability .notice--error",
        400,
    ),
    "booking-form": PortalPage(
        "/golnik/skupnostni-prostor/rezervacija/", "body.page-booking-form form.booking-form"
    ),
    "booking-form-errors": PortalPage(
        "/golnik/skupnostni-prostor/rezervacija/",
        "body.page-booking-form .notice--error + form .form-field--error",
        400,
        submit=BOOKING_WITH_ERRORS,
    ),
    "booking-sent": PortalPage(
        "/golnik/skupnostni-prostor/rezervacija/poslano/", "body.page-booking-sent .notice"
    ),
    "event": PortalPage("/golnik/dogodki/popravljalnica/", "body.page-event"),
    # An event taking sign-ups on the portal (issue 20): Stražišče's bicycle repair café,
    # many places left and two questions (`portal/demo/signups.py`), with a link to its form.
    "event-signups": PortalPage(SIGNUP_EVENT, "body.page-event a[href*='prijava/']"),
    "signup-form": PortalPage(f"{SIGNUP_EVENT}prijava/", "body.page-signup-form form.booking-form"),
    "signup-sent": PortalPage(f"{SIGNUP_EVENT}prijava/poslano/", "body.page-signup-sent .notice"),
    "signup-cancel-invalid": PortalPage(
        f"{SIGNUP_EVENT}prijava/preklic/?kljuc=ponarejen",
        "body.page-signup-cancel .notice--error",
        404,
    ),
    "calendar": PortalPage("/golnik/dogodki/", "body.page-calendar .event-item"),
    "calendar-month": PortalPage(
        f"/dogodki/mesec/{NEXT_MONTH.year}/{NEXT_MONTH.month}/",
        "body.page-calendar table.calendar-grid .calendar-grid__event",
    ),
    "calendar-filtered": PortalPage(
        "/dogodki/?q=popravljalnica&free=on",
        "body.page-calendar .filters-disclosure ~ .calendar-day",
    ),
    "calendar-past": PortalPage("/dogodki/preteklo/", "body.page-calendar .label--past"),
    "calendar-invalid": PortalPage(
        "/dogodki/?theme=nekaj&from=2026-13-01", "body.page-calendar .notice--error", 400
    ),
    "news-index": PortalPage("/golnik/novice/", "body.page-news-index .news-item"),
    "news-filtered": PortalPage(
        "/golnik/novice/?tag=popravljalnica&year=", "body.page-news-index .news-item"
    ),
    "news-invalid": PortalPage(
        "/golnik/novice/?year=1999", "body.page-news-index .notice--error", 400
    ),
    # A news item with a quote, an image and a document among its text.
    "news": PortalPage(
        "/golnik/novice/popravljalnica-isce-prostovoljce/",
        "body.page-news .news-quote + .news-figure + .news-document",
    ),
    "news-municipal": PortalPage("/novice/", "body.page-news-index .news-item .label"),
    "content-page": PortalPage("/o-projektu/", "body.page-content"),
    "programme": PortalPage("/golnik/programi/popravljalnica/", "body.page-programme .facts"),
    "programme-list": PortalPage("/programi/", "body.page-programmes .card--programme"),
    "programme-list-filtered": PortalPage(
        "/programi/?theme=nekaj&type=repair_cafe", "body.page-programmes .notice--error", 400
    ),
    "search-results": PortalPage("/iskanje/?q=popravljalnica", "body.page-search .search-result"),
    "search-no-results": PortalPage(
        "/iskanje/?q=nekaj+cesar+ni", "body.page-search .empty-state[role=status]"
    ),
    # Golnik's open consultation: its form, fieldset per theme (issue 19).
    "consultation": PortalPage(
        "/golnik/posvet-pomlad-2027/", "body.page-consultation form fieldset.form-section"
    ),
    # An offer sent with a telephone number of letters and no name: the form again, with
    # what was typed.
    "consultation-errors": PortalPage(
        "/golnik/posvet-pomlad-2027/",
        "body.page-consultation #form-errors ~ form .form-field--error",
        400,
        submit={
            "q-vrt-gredica": "Morda",
            "q-predlogi": "Tečaj kvačkanja ob sredah.",
            "q-ponudba-text": "Pomagam pri presajanju sadik.",
            "q-ponudba-phone": "pokličite me",
        },
    ),
    "consultation-thanks": PortalPage(
        "/golnik/posvet-pomlad-2027/hvala/", "body.page-consultation-thanks .notice"
    ),
    # A closed one: what it asked and a link to its results, no form.
    "consultation-closed": PortalPage(
        "/golnik/delavnica-potreb-2017/", "body.page-consultation .notice a[href$='rezultati/']"
    ),
    # A closed consultation's results: charts, tables, approved texts, "what we did" (the
    # demo's needs workshop of November 2017).
    "consultation-results": PortalPage(
        "/golnik/delavnica-potreb-2017/rezultati/",
        "body.page-consultation-results:has(.results-quotes blockquote):has(#what-we-did)"
        " svg.results-chart__svg[role=img] ~ figcaption",
    ),
    "not-found": PortalPage("/ta-stran-ne-obstaja/", "main h1", status=404),
    "api-documentation": PortalPage("/api/", "body.page-api #endpoint-events table"),
    # The widget's page, its live preview showing Golnik's events (in a shadow root).
    "embed-documentation": PortalPage(
        "/api/vticnik/", "body.page-embed .embed-preview__frame li.item a[href]"
    ),
}

every_page = pytest.mark.parametrize("portal_page", PAGES.values(), ids=PAGES.keys())

# Lazy images load only when scrolled to: load them all, so that every request is made.
# Answers the images that did not load.
LOAD_EVERY_IMAGE = """
async () => {
    await Promise.all([...document.images].map((img) => {
        img.loading = "eager";
        return img.complete ? null : new Promise((done) => {
            img.addEventListener("load", done);
            img.addEventListener("error", done);
        });
    }));
    return [...document.images].filter((img) => !img.naturalWidth).map((img) => img.src);
}
"""


def open_page(page, base_url, portal_page):
    """Load a page whole, images included, and check that it is the page we mean to test."""
    url = base_url + portal_page.path
    response = page.goto(url, wait_until="load")
    if portal_page.submit:
        response = submit_form(page, portal_page.submit)
    assert response.status == portal_page.status, f"{portal_page.path} answered {response.status}"
    # What a script shows comes a moment after `load` (the events widget's preview).
    with contextlib.suppress(PlaywrightTimeout):
        page.locator(portal_page.shows).first.wait_for(timeout=SHOWS_TIMEOUT_MS)
    assert page.locator(portal_page.shows).count(), (
        f"{portal_page.path} does not show {portal_page.shows!r}: not the page we mean to test"
        f" (what the page reported: {getattr(page, 'problems', [])})"
    )
    broken = page.evaluate(LOAD_EVERY_IMAGE)
    assert not broken, f"images that do not load on {portal_page.path}: {broken}"
    # The browser logs a 4xx of the page itself: that answer is the one we asked for.
    if portal_page.status >= 400:
        status = HTTPStatus(portal_page.status)
        page.expected_problems = [
            "console error: Failed to load resource: the server responded with a status of"
            f" {status.value} ({status.phrase}) ({url})"
        ]


def submit_form(page, values):
    """Fill in the page's form as a visitor would and send it; the answer's response."""
    for name, value in values.items():
        if value is True:
            page.check(f"[name={name}]")
        elif page.locator(f"input[type=radio][name={name}]").count():
            page.check(f"input[type=radio][name={name}][value='{value}']")
        elif page.locator(f"select[name={name}]").count():
            page.select_option(f"select[name={name}]", value)
        else:
            page.fill(f"[name={name}]", value)
    with page.expect_navigation(wait_until="load") as navigation:
        page.click("main form button[type=submit]")
    return navigation.value
