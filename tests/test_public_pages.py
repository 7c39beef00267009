"""What a resident sees on the public site, fetched as a browser would."""

import datetime
import re

import pytest
from wagtail.models import PageViewRestriction

from tests import builders

pytestmark = pytest.mark.django_db

# Queries for a whole page, navigation and footer included, whatever the number of KS.
HOME_QUERIES = 2
COMMUNITY_QUERIES = 2  # the page, its next dates (the rest is kept per content version)
# 17 + the longest event date, the listed events, the consultations, the events that take
# sign-ups (read once a content version: `event_tags.events_taking_signups`)
COMMUNITY_QUERIES_AFTER_A_CHANGE = 21
CALENDAR_QUERIES = 3
# The page, weekly hours, dates with other hours, events; its rooms, photos and
# programmes are kept per content version (see test_space_page.py for both counts).
SPACE_QUERIES = 4
# A repeating event's page; its schema.org `Event` (organisers, places, images, changed
# dates) is kept per content version and next date.
EVENT_QUERIES = 4


@pytest.fixture
def three_sections():
    return [builders.section(name) for name in ("Golnik", "Zlato polje", "Stražišče")]


def test_home_lists_every_ks_with_its_news_and_events(client, three_sections):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="sl"' in html
    for name in ("Golnik", "Zlato polje", "Stražišče"):
        assert name in html
        assert f"Novice iz KS {name}" in html
        assert f"Delavnica v KS {name}" in html


def test_home_query_count_does_not_grow_with_the_number_of_sections(
    client, three_sections, django_assert_num_queries
):
    client.get("/")  # warm the site lookup cache like any running server
    with django_assert_num_queries(HOME_QUERIES):
        client.get("/")
    builders.section("Primskovo")
    client.get("/")  # the first visit after a change works out the KS directory again
    with django_assert_num_queries(HOME_QUERIES):
        assert "Primskovo" in client.get("/").content.decode()


def test_ks_page_shows_its_own_space_news_and_event_only(client, three_sections):
    html = client.get("/golnik/").content.decode()
    assert "Skupnostni prostor Golnik" in html
    assert "Novice iz KS Golnik" in html
    assert "Delavnica v KS Golnik" in html
    assert "Zlato polje" in html  # in the navigation
    assert "Delavnica v KS Zlato polje" not in html
    assert "Novice iz KS Stražišče" not in html


def test_ks_page_query_count_is_pinned(client, three_sections, django_assert_num_queries):
    """Spaces, stakeholders with their programmes, programmes, events and news: the same
    number of queries however many of each a KS has."""
    from portal.stakeholders.models import Stakeholder
    from tests.programme_helpers import programme

    golnik = three_sections[0]

    def add_content(number):
        builders.space(golnik, f"Prostor {number}")
        organiser = Stakeholder.objects.create(
            name=f"Društvo {number}", sector="ngo", community=golnik
        )
        programme(f"Program {number}", "workshop", community=golnik, organisers=[organiser])

    # The first request after a change renders every section; later ones reuse the
    # sections kept per content version (spaces, programmes, stakeholders).
    client.get("/golnik/")  # what a process looks up once in its life (content types)
    add_content(1)
    with django_assert_num_queries(COMMUNITY_QUERIES_AFTER_A_CHANGE):
        assert client.get("/golnik/").status_code == 200
    with django_assert_num_queries(COMMUNITY_QUERIES):
        assert client.get("/golnik/").status_code == 200
    for number in range(2, 6):
        add_content(number)
    with django_assert_num_queries(COMMUNITY_QUERIES_AFTER_A_CHANGE):
        assert client.get("/golnik/").status_code == 200
    with django_assert_num_queries(COMMUNITY_QUERIES):
        assert client.get("/golnik/").status_code == 200


def test_empty_portal_speaks_to_people(client):
    html = client.get("/").content.decode()
    assert "None" not in html
    assert "Trenutno ni napovedanih dogodkov" in html
    assert "Novic še ni" in html


def test_drafts_and_private_pages_stay_hidden(client, three_sections):
    golnik = three_sections[0]
    cal = golnik.get_children().type(builders.EventCalendarPage).get().specific
    draft = builders.event(cal, "Skrivni osnutek")
    draft.unpublish()
    private = builders.event(cal, "Samo za svet KS")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for url in ("/", "/golnik/", "/golnik/dogodki/"):
        html = client.get(url).content.decode()
        assert "Skrivni osnutek" not in html
        assert "Samo za svet KS" not in html
    assert client.get(draft.url_path.removeprefix("/domov")).status_code == 404


def test_past_event_keeps_its_url_and_says_it_is_over(client):
    cal = builders.calendar(builders.community("Golnik"))
    workshop = builders.event(
        cal,
        "Delavnica o potrebah v KS Golnik",
        start=datetime.datetime(2017, 11, 6, 17, tzinfo=builders.LJUBLJANA),
    )
    response = client.get(workshop.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "6. novembra 2017" in html
    assert "Dogodek je že minil" in html
    assert "Delavnica o potrebah" not in client.get("/golnik/dogodki/").content.decode()


def test_calendar_and_news_index_page_through_their_items(client):
    ks = builders.community("Golnik")
    cal = builders.calendar(ks)
    for day in range(25):
        builders.event(cal, f"Srečanje {day:02d}", start=builders.at(day + 1))
    first = client.get("/golnik/dogodki/").content.decode()
    second = client.get("/golnik/dogodki/?page=2").content.decode()
    assert "Srečanje 00" in first and "Srečanje 24" not in first
    assert "Srečanje 24" in second and "Srečanje 00" not in second
    assert client.get("/golnik/dogodki/?page=nonsense").status_code == 200


def test_unknown_url_gets_the_sites_own_404(client, three_sections):
    response = client.get("/ni-take-strani/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Stran ne obstaja" in html
    assert "Stražišče" in html  # the usual navigation is there


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_public_pages_only(client, three_sections):
    cal = three_sections[0].get_children().type(builders.EventCalendarPage).get().specific
    builders.event(cal, "Osnutek").unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    xml = response.content.decode()
    assert "/golnik/</loc>" in xml
    assert "/strazisce/</loc>" in xml
    assert "osnutek" not in xml


def test_server_error_page_is_in_the_site_style_and_needs_no_database(
    rf, django_assert_num_queries
):
    from django.views.defaults import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="sl"' in html
    assert "Pri nas je šlo nekaj narobe" in html
    assert "/static/css/portal.css" in html


def test_ks_page_lists_its_stakeholders_by_sector_and_the_municipal_partners(client):
    from portal.stakeholders.models import Stakeholder

    golnik = builders.community("KS Golnik")
    strazisce = builders.community("KS Stražišče")
    for name, sector, ks in (
        ("Svet KS Golnik", "public", golnik),
        ("PGD Golnik", "ngo", golnik),
        ("Pekarna pod Kriško goro", "business", golnik),
        ("Društvo upokojencev Stražišče", "ngo", strazisce),
        ("Ljudska univerza Kranj", "public", None),
    ):
        Stakeholder.objects.create(name=name, sector=sector, community=ks)
    html = client.get(golnik.url).content.decode()
    for name in ("Svet KS Golnik", "PGD Golnik", "Pekarna pod Kriško goro"):
        assert name in html
    assert "Društvo upokojencev Stražišče" not in html
    public = html.index("Svet KS Golnik")
    assert html.index("Javni sektor") < public < html.index("Nevladna organizacija")
    assert html.index("PGD Golnik") < html.index("Gospodarstvo") < html.index("Pekarna")
    assert html.index("Partnerji v vsej občini") < html.index("Ljudska univerza Kranj")


def test_the_public_sees_the_published_version_not_a_newer_draft(client):
    ks = builders.community("KS Golnik")
    room = builders.space(ks, "Dvorana Golnik")
    room.title = "Dvorana Golnik (osnutek prenove)"
    room.intro = "Besedilo, ki še ni odobreno."
    room.save_revision()
    for url in (room.url, ks.url, "/iskanje/?q=osnutek"):
        html = client.get(url).content.decode()
        assert "osnutek prenove" not in html
        assert "še ni odobreno" not in html
    assert "Dvorana Golnik" in client.get(room.url).content.decode()


def test_the_menu_marks_the_section_you_are_in(client, three_sections):
    def marked(url):
        html = client.get(url).content.decode()
        menu = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
        return re.findall(r'href="([^"]+)" aria-current="(page|true)"', menu)

    assert marked("/golnik/") == [("/golnik/", "page")]
    assert marked("/strazisce/") == [("/strazisce/", "page")]
    space = three_sections[0].get_children().type(builders.SpacePage).first()
    assert marked(space.url) == [("/golnik/", "true")]
    assert marked("/golnik/") == [("/golnik/", "page")]
    assert marked("/") == [("/", "page")]


def test_a_page_made_private_leaves_the_listings_at_once(client, three_sections):
    calendar = three_sections[0].get_children().type(builders.EventCalendarPage).get().specific
    meeting = builders.event(calendar, "Seja sveta KS")
    assert "Seja sveta KS" in client.get("/golnik/dogodki/").content.decode()
    PageViewRestriction.objects.create(page=meeting, restriction_type="login")
    assert "Seja sveta KS" not in client.get("/golnik/dogodki/").content.decode()
    assert "Seja sveta KS" not in client.get("/").content.decode()


def test_private_pages_and_their_aliases_ask_visitors_to_sign_in(client, three_sections):
    golnik = three_sections[0]
    calendar = golnik.get_children().type(builders.EventCalendarPage).get().specific
    meeting = builders.event(calendar, "Seja sveta KS")
    assert client.get(meeting.url).status_code == 200
    PageViewRestriction.objects.create(page=calendar, restriction_type="login")
    response = client.get(meeting.url)
    assert response.status_code == 302 and "/login/" in response["Location"]

    # An alias is as private as its original, even under a public page and when the
    # original was made private after the alias was made.
    minutes = builders.news(builders.NewsIndexPage.objects.child_of(golnik).get(), "Zapisnik")
    alias = minutes.create_alias(parent=three_sections[1], update_slug="zapisnik-golnik")
    assert client.get(alias.url).status_code == 200
    PageViewRestriction.objects.create(page=minutes, restriction_type="login")
    response = client.get(alias.url)
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_public_page_is_served_without_reading_view_restrictions(
    client, three_sections, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/golnik/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/golnik/").status_code == 200
    assert not [q for q in queries.captured_queries if "pageviewrestriction" in q["sql"]]


def test_breadcrumbs_follow_a_renamed_ks_at_once(client, three_sections):
    golnik = three_sections[0]
    space = golnik.get_children().type(builders.SpacePage).get()

    def crumbs():
        html = client.get(space.url).content.decode()
        trail = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
        return re.findall(r">([^<>]+)</a>", trail)

    assert crumbs() == ["Domov", "Golnik", space.title]
    golnik.title = "KS Golnik pod Storžičem"
    golnik.save_revision().publish()
    assert crumbs() == ["Domov", "KS Golnik pod Storžičem", space.title]


def test_a_page_deep_in_the_tree_takes_no_more_queries_than_a_shallow_one(
    client, three_sections, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.base.models import ContentPage

    golnik = three_sections[0]
    shallow = builders.publish(golnik, ContentPage(title="Hišni red", body="<p>Red.</p>"))
    middle = builders.publish(shallow, ContentPage(title="Kuhinja", body="<p>Red.</p>"))
    deep = builders.publish(middle, ContentPage(title="Pomivalni stroj", body="<p>Red.</p>"))

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert deep.url == "/golnik/hisni-red/kuhinja/pomivalni-stroj/"
    assert queries(deep.url) == queries(shallow.url)


def test_a_live_page_under_a_draft_section_is_still_served(client, three_sections):
    from portal.base.models import ContentPage

    golnik = three_sections[0]
    folder = builders.publish(golnik, ContentPage(title="Arhiv"))
    page = builders.publish(folder, ContentPage(title="Zapisnik 2017", body="<p>Seja.</p>"))
    folder.unpublish()
    assert client.get("/golnik/arhiv/").status_code == 404
    assert client.get(page.url_path.removeprefix("/domov")).status_code == 200


def test_listings_of_dates_keep_their_query_counts_as_events_repeat(
    client, three_sections, django_assert_num_queries
):
    """The calendar, home, KS, space and event pages list the dates of repeating events in
    the same number of queries however many events and dates there are."""
    golnik = three_sections[0]
    calendar = golnik.get_children().type(builders.EventCalendarPage).get().specific
    room = golnik.get_children().type(builders.SpacePage).get().specific
    weekly = builders.event(calendar, "Tedensko srečanje", space=room, frequency="WEEKLY")
    pages = {
        "/": HOME_QUERIES,
        "/golnik/": COMMUNITY_QUERIES,
        "/golnik/dogodki/": CALENDAR_QUERIES,
        room.url: SPACE_QUERIES,
        weekly.url: EVENT_QUERIES,
    }
    for url in pages:
        client.get(url)  # what a process looks up once per content version
    for url, queries in pages.items():
        with django_assert_num_queries(queries):
            assert "Tedensko srečanje" in client.get(url).content.decode()
    for number in range(10):
        builders.event(
            calendar, f"Srečanje {number}", space=room, frequency="DAILY", start=builders.at(1)
        )
    for url in pages:
        client.get(url)
    for url, queries in pages.items():
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200


def test_long_listings_link_the_ends_and_the_pages_around_the_current_one(client, monkeypatch):
    from portal.news.models import NewsIndexPage

    monkeypatch.setattr(NewsIndexPage, "per_page", 1)
    index = builders.news_index(builders.community("Golnik"))
    for number in range(12):
        builders.news(index, f"Novica {number:02d}")
    html = client.get("/golnik/novice/?page=6").content.decode()
    pages = re.findall(r'<span class="visually-hidden">Stran </span>(\d+)</a>', html)
    assert pages == ["1", "4", "5", "6", "7", "8", "12"]
    assert html.count('class="pagination__gap"') == 2
    assert 'aria-current="page"><span class="visually-hidden">Stran </span>6<' in html
