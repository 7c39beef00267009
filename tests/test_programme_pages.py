"""Programmes on the public site: their pages under each KS, listings with filters, and
where else they show (the KS page, a space, a stakeholder's entry, search, the sitemap)."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.test import override_settings

from portal.stakeholders.models import Stakeholder
from programmes.models import Audience, Theme
from tests import builders
from tests.programme_helpers import programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def repair_cafe(golnik_section):
    room = golnik_section.get_children().type(builders.SpacePage).get().specific
    organiser = Stakeholder.objects.create(
        name="Društvo upokojencev Golnik", sector="ngo", community=golnik_section
    )
    item = programme(
        "Popravljalnica na Golniku",
        "repair_cafe",
        community=golnik_section,
        space=room,
        organisers=[organiser],
        themes=[Theme.objects.get(key="circular_economy")],
        status="running",
        details={
            "repair_categories": ["bicycles", "textiles"],
            "tools_available": ["spajkalnik", "šivalni stroj"],
            "volunteers_needed": True,
            "volunteer_skills": "elektrika",
        },
        contact_email="popravljalnica@example.org",
    )
    item.audiences.set([Audience.objects.get(key="seniors")])
    item.save()  # a ParentalManyToManyField is written when the programme is saved
    return item


def text_of(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_a_programme_has_its_page_under_its_community(client, repair_cafe):
    assert repair_cafe.get_url() == "/golnik/programi/popravljalnica-na-golniku/"
    response = client.get(repair_cafe.get_url())
    assert response.status_code == 200
    page = text_of(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text(strip=True) == "Popravljalnica na Golniku"
    assert "Poteka" in page  # the status, in Slovenian
    assert "Društvo upokojencev Golnik" in page  # its organiser
    assert "Skupnostni prostor Golnik" in page  # where it usually runs
    assert "spajkalnik" in page  # the repair café plugin's own section
    crumbs = [(a.get_text(strip=True), a["href"]) for a in soup.select(".breadcrumbs a")]
    assert crumbs == [
        ("Domov", "/"),
        ("Golnik", "/golnik/"),
        ("Programi", "/golnik/programi/"),
        ("Popravljalnica na Golniku", "/golnik/programi/popravljalnica-na-golniku/"),
    ]
    assert soup.select_one(".breadcrumbs [aria-current=page]")["href"] == repair_cafe.get_url()


def test_a_programme_is_not_found_under_another_community_or_as_a_draft(
    client, repair_cafe, strazisce_section
):
    assert client.get("/strazisce/programi/popravljalnica-na-golniku/").status_code == 404
    assert client.get("/programi/popravljalnica-na-golniku/").status_code == 404
    draft = programme(
        "Vrtnarska skupina",
        "community_garden",
        community=repair_cafe.community,
        details={"plots_total": 10, "plots_free": 2},
        publish=False,
    )
    assert client.get(f"/golnik/programi/{draft.slug}/").status_code == 404
    assert "Vrtnarska skupina" not in text_of(client.get("/golnik/programi/"))


def test_municipality_wide_programmes_live_at_the_home_page(client, golnik_section):
    item = programme("Energetsko svetovanje", "energy_advice", community=None)
    assert item.get_url() == "/programi/energetsko-svetovanje/"
    assert client.get(item.get_url()).status_code == 200
    assert "Energetsko svetovanje" in text_of(client.get("/programi/"))


def test_the_municipal_listing_shows_every_community_and_filters_by_community(
    client, repair_cafe, strazisce_section
):
    garden = programme(
        "Skupnostni vrt Stražišče",
        "community_garden",
        community=strazisce_section,
        details={"plots_total": 12, "plots_free": 3},
    )
    everything = text_of(client.get("/programi/"))
    assert "Popravljalnica na Golniku" in everything
    assert "Skupnostni vrt Stražišče" in everything
    only_strazisce = text_of(client.get("/programi/", {"community": strazisce_section.pk}))
    assert "Skupnostni vrt Stražišče" in only_strazisce
    assert "Popravljalnica na Golniku" not in only_strazisce
    # A KS's own listing shows only its own programmes.
    assert garden.title not in text_of(client.get("/golnik/programi/"))


@pytest.mark.parametrize(
    ("filters", "shown"),
    [
        ({"theme": "circular_economy"}, True),
        ({"theme": "food"}, False),
        ({"audience": "seniors"}, True),
        ({"audience": "children"}, False),
        ({"type": "repair_cafe"}, True),
        ({"type": "workshop"}, False),
        ({"q": "popravljalnica"}, True),
        ({"q": "popravljalnica golnik"}, True),
        ({"q": "vrtnarjenje"}, False),
        ({"theme": "circular_economy", "type": "workshop"}, False),
    ],
)
def test_listing_filters_combine_and_live_in_the_url(client, repair_cafe, filters, shown):
    response = client.get("/golnik/programi/", filters)
    assert response.status_code == 200
    assert ("Popravljalnica na Golniku" in text_of(response)) is shown
    form = BeautifulSoup(response.content, "html.parser").select_one("form.filters")
    assert form["method"] == "get"
    for name, value in filters.items():
        field = form.select_one(f"[name={name}]")
        chosen = (
            field.get("value")
            if field.name == "input"
            else field.select_one("option[selected]")["value"]
        )
        assert chosen == value  # the form shows the filters it applied


def test_an_unknown_filter_value_is_explained_not_an_error(client, repair_cafe):
    response = client.get("/golnik/programi/", {"theme": "<script>alert(1)</script>"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert "Nekaterih filtrov ni bilo mogoče uporabiti" in page
    assert "Popravljalnica na Golniku" in page  # the list is still there, unfiltered


def test_pages_of_the_listing_keep_the_filters(client, golnik_section):
    for number in range(14):
        programme(f"Delavnica {number:02}", "workshop", community=golnik_section)
    response = client.get("/golnik/programi/", {"type": "workshop"})
    soup = BeautifulSoup(response.content, "html.parser")
    next_link = soup.select_one("a[rel=next]")["href"]
    assert "type=workshop" in next_link and "page=2" in next_link
    assert "Delavnica 13" in text_of(client.get("/golnik/programi/" + next_link))


def test_the_ks_page_the_space_and_the_stakeholder_show_their_programmes(client, repair_cafe):
    ks_page = BeautifulSoup(client.get("/golnik/").content, "html.parser")
    programme_links = [a["href"] for a in ks_page.select("#programmes-heading ~ ul a")]
    assert repair_cafe.get_url() in programme_links
    assert ks_page.select_one('a[href="/golnik/programi/"]')
    stakeholder_card = next(
        card
        for card in ks_page.select(".card--stakeholder")
        if "Društvo upokojencev Golnik" in card.get_text()
    )
    assert stakeholder_card.select_one(f'a[href="{repair_cafe.get_url()}"]')
    space_page = text_of(client.get(repair_cafe.space.get_url()))
    assert "Popravljalnica na Golniku" in space_page


def test_site_search_finds_programmes(client, repair_cafe):
    page = text_of(client.get("/iskanje/", {"q": "popravljalnica golnik"}))
    assert "Popravljalnica na Golniku" in page
    assert "Program" in page


def test_the_sitemap_lists_programme_pages(client, repair_cafe):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/golnik/programi/popravljalnica-na-golniku/" in sitemap
    assert "/golnik/programi/</loc>" in sitemap


def test_a_turned_off_type_disappears_from_the_public_site_and_comes_back(client, repair_cafe):
    others = ["community_garden", "intergenerational", "energy_advice", "workshop"]
    with override_settings(PROGRAMME_PLUGINS=others):
        assert client.get(repair_cafe.get_url()).status_code == 404
        for url in ("/golnik/", "/golnik/programi/", "/programi/", repair_cafe.space.get_url()):
            response = client.get(url)
            assert response.status_code == 200, url
            assert "Popravljalnica na Golniku" not in text_of(response), url
        # A kept link to the type's programmes lists none, and is no error.
        listing = client.get("/programi/", {"type": "repair_cafe"})
        assert listing.status_code == 200
        assert "Popravljalnica na Golniku" not in text_of(listing)
    assert client.get(repair_cafe.get_url()).status_code == 200


LISTING_QUERIES = 2
LISTING_QUERIES_RENDERING_CARDS = 2 + 4  # their KS, themes, audiences, organisers


def test_listing_query_count_does_not_grow_with_programmes(
    client, golnik_section, django_assert_num_queries
):
    organiser = Stakeholder.objects.create(name="LUK", sector="public", community=None)
    for number in range(2):
        programme(f"Program {number}", "workshop", community=golnik_section, organisers=[organiser])

    def check():
        client.get("/programi/")  # once-per-version lookups (KS directory, site) warm
        with django_assert_num_queries(LISTING_QUERIES):
            assert client.get("/programi/").status_code == 200
        # A worker that has not rendered these cards yet reads what they show (KS,
        # space, image, themes, audiences, organisers) once for all of them.
        caches["local"].clear()
        with django_assert_num_queries(LISTING_QUERIES_RENDERING_CARDS):
            assert client.get("/programi/").status_code == 200

    check()
    for number in range(2, 12):
        programme(
            f"Program {number}", "repair_cafe", community=golnik_section, organisers=[organiser]
        )
    check()


def test_what_one_can_still_join_is_listed_first(client, golnik_section):
    programme("Arhiv delavnic", "workshop", community=golnik_section, status="ended")
    programme(
        "Zeliščni vrt",
        "community_garden",
        community=golnik_section,
        status="planned",
        details={"plots_total": 4, "plots_free": 4},
    )
    programme("Bralni krožek", "intergenerational", community=golnik_section, status="paused")
    soup = BeautifulSoup(client.get("/golnik/programi/").content, "html.parser")
    titles = [a.get_text(strip=True) for a in soup.select(".card--programme .card__title a")]
    assert titles == ["Zeliščni vrt", "Arhiv delavnic", "Bralni krožek"]


# The route's page, the programme, its next dates; rendered afresh also its KS, space,
# themes, audiences and organisers (its image too when it has one).
PROGRAMME_QUERIES = 3
PROGRAMME_QUERIES_RENDERED_AFRESH = 3 + 5


def test_a_programme_page_reads_what_it_shows_once_a_content_version(
    client, repair_cafe, django_assert_num_queries
):
    url = repair_cafe.get_url()
    client.get(url)  # once-per-version lookups (KS directory, site) warm
    caches["local"].clear()  # a worker that has not shown this programme yet
    with django_assert_num_queries(PROGRAMME_QUERIES_RENDERED_AFRESH):
        assert "Društvo upokojencev Golnik" in text_of(client.get(url))
    with django_assert_num_queries(PROGRAMME_QUERIES):
        assert "Društvo upokojencev Golnik" in text_of(client.get(url))

    repair_cafe.contact_email = "servis@example.org"
    repair_cafe.summary = "Vsako drugo soboto."
    repair_cafe.save_revision().publish()
    text = text_of(client.get(url))
    assert "servis@example.org" in text
    assert "Vsako drugo soboto." in text
    assert "popravljalnica@example.org" not in text
