"""Residents find pages whether or not they type Slovenian letters."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import connection

from tests import builders

pytestmark = pytest.mark.django_db


def results_of(html):
    """The list of results on a search page, without the menu around it."""
    match = re.search(r'<ol class="search-results">(.*?)</ol>', html, re.S)
    return match.group(1) if match else ""


@pytest.fixture
def sections():
    return [builders.section(name) for name in ("Golnik", "Zlato polje", "Stražišče")]


@pytest.mark.parametrize("query", ["strazisce", "Stražišče", "STRAZISCE", "stražisce"])
def test_search_finds_strazisce_however_it_is_typed(client, sections, query):
    results = results_of(client.get("/iskanje/", {"q": query}).content.decode())
    assert 'href="/strazisce/"' in results
    assert 'href="/golnik/"' not in results


def test_search_finds_text_inside_events_and_news(client, sections):
    results = results_of(client.get("/iskanje/", {"q": "novice iz ks golnik"}).content.decode())
    assert "Novice iz KS Golnik" in results
    assert "Novice iz KS Zlato polje" not in results


def test_search_leaves_out_drafts(client, sections):
    cal = sections[0].get_children().type(builders.EventCalendarPage).get().specific
    builders.event(cal, "Zaupni sestanek").unpublish()
    html = client.get("/iskanje/", {"q": "zaupni sestanek"}).content.decode()
    assert "Zaupni sestanek" not in html
    assert "Ni zadetkov" in html


def test_empty_and_oversized_queries_get_a_clean_page(client, sections):
    assert client.get("/iskanje/").status_code == 200
    assert client.get("/iskanje/", {"q": "x" * 5000}).status_code == 200
    response = client.get("/iskanje/", {"q": "<script>alert(1)</script>"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an index of PostgreSQL's")
def test_on_postgresql_the_match_a_search_makes_has_an_index(client, sections):
    """Search matches the words on Wagtail's `autocomplete` column (`portal.base.matching`,
    the last word as a beginning); Wagtail's GIN index on it serves that match, prefix
    included (with a few rows the planner reads the table anyway: tell it not to, to see
    that it can use the index)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert "Stražišče" in client.get("/iskanje/", {"q": "strazisce"}).content.decode()
    match = '"wagtailsearch_indexentry"."autocomplete" @@'
    assert [q for q in queries if match in q["sql"]], "the search no longer matches so"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry WHERE autocomplete @@ "
            "to_tsquery('simple', 'strazisce:*')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "wagtailsear_autocom_476c89_gin" in plan, plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="an index of PostgreSQL's")
def test_on_postgresql_each_match_finds_its_page_through_an_index(client, sections):
    """The backend joins its entries to the pages on `object_id = page.id::varchar(50)`;
    without an index on that cast, each search read every page (with a few rows the
    planner would anyway: tell it to look each page up, to see that it can)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert "Stražišče" in client.get("/iskanje/", {"q": "strazisce"}).content.decode()
    join = '"wagtailsearch_indexentry"."object_id" = ("wagtailcore_page"."id")::varchar(50)'
    assert [q for q in queries if join in q["sql"]], "the search no longer joins so"
    with connection.cursor() as cursor:
        for plan_kind in ("seqscan", "hashjoin", "mergejoin"):  # a few rows: force the lookup
            cursor.execute(f"SET LOCAL enable_{plan_kind} = off")
        cursor.execute(
            "EXPLAIN SELECT wagtailcore_page.id FROM wagtailsearch_indexentry JOIN "
            "wagtailcore_page ON wagtailsearch_indexentry.object_id = "
            "(wagtailcore_page.id)::varchar(50) WHERE (wagtailsearch_indexentry.title || body) @@ "
            "to_tsquery('strazisce')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "sitesearch_page_id_as_object_id" in plan, plan


def test_many_results_are_counted_and_paged(client, sections):
    """Results are ranked once and counted from that ranking: the count and the pages
    must agree."""
    cal = sections[0].get_children().type(builders.EventCalendarPage).get().specific
    for number in range(12):
        builders.event(cal, f"Kolesarski izlet {number}", intro="Izlet po Gorenjski.")
    builders.event(cal, "Kolesarski izlet, kolesarski servis in kolesarska tura", intro="Izlet.")
    first = client.get("/iskanje/", {"q": "kolesarski izlet"}).content.decode()
    assert "13 zadetkov za »kolesarski izlet«" in first
    assert "Stran 1 od 2" in first
    second = client.get("/iskanje/", {"q": "kolesarski izlet", "page": 2}).content.decode()
    titles = re.findall(r"Kolesarski izlet[^<]*", results_of(first) + results_of(second))
    assert len(set(titles)) == 13


def test_the_next_page_of_results_ranks_nothing_again(client, sections, django_assert_num_queries):
    cal = sections[0].get_children().type(builders.EventCalendarPage).get().specific
    for number in range(12):
        builders.event(cal, f"Kolesarski izlet {number}")
    client.get("/iskanje/", {"q": "kolesarski izlet"})
    # The second page: its pages as their own types and the events' next dates, no
    # ranking, no programmes.
    with django_assert_num_queries(3):
        second = client.get("/iskanje/", {"q": "kolesarski izlet", "page": 2}).content.decode()
    assert len(re.findall("Kolesarski izlet", results_of(second))) == 2


def test_a_publish_shows_in_the_next_search(client, sections):
    """The ranking is kept until the next publish, never past it."""
    cal = sections[0].get_children().type(builders.EventCalendarPage).get().specific
    builders.event(cal, "Kolesarski izlet na Jošta")
    assert (
        "Kolesarski izlet na Jošta" in client.get("/iskanje/", {"q": "kolesarski"}).content.decode()
    )
    builders.event(cal, "Kolesarski servis")
    html = client.get("/iskanje/", {"q": "kolesarski"}).content.decode()
    assert "Kolesarski servis" in results_of(html)
    assert "2 zadetka za »kolesarski«" in html
    cal.get_children().get(title="Kolesarski izlet na Jošta").unpublish()
    html = client.get("/iskanje/", {"q": "kolesarski"}).content.decode()
    assert "Kolesarski izlet na Jošta" not in html
    assert "1 zadetek za »kolesarski«" in html


def test_an_event_called_so_comes_before_a_ks_page_that_mentions_the_word(client, sections):
    """The demo's Golnik: its KS page tells of the repair café (popravljalnica) again and
    again; its event and programme are called so, and come first, the event with its next
    date."""
    from tests.programme_helpers import programme

    golnik = sections[0]
    golnik.body = (
        "<p>V KS Golnik deluje popravljalnica. Na popravljalnici popravimo kolo, oblačilo ali "
        "aparat; popravljalnica je brezplačna. Pridite na popravljalnico!</p>"
    )
    golnik.save_revision().publish()
    cal = golnik.get_children().type(builders.EventCalendarPage).get().specific
    builders.event(cal, "Popravljalnica na Golniku", start=builders.at(3, 9), intro="Vabljeni.")
    programme("Popravljalnica Golnik", community=golnik)

    for query in ("popravljalnica", "Popravljalnic"):
        page = BeautifulSoup(client.get("/iskanje/", {"q": query}).content, "html.parser")
        lists = page.select("ol.search-results")
        programmes, pages = lists if len(lists) == 2 else ([], lists[0])
        assert [a.get_text() for a in programmes.select(".search-result__title a")] == [
            "Popravljalnica Golnik"
        ]
        results = pages.select(".search-result")
        titles = [result.select_one(".search-result__title a").get_text() for result in results]
        assert titles[0] == "Popravljalnica na Golniku", titles
        assert "Golnik" in titles[1:], titles
        when = results[0].select_one(".search-result__when")
        expected = builders.at(3, 9).astimezone(builders.LJUBLJANA)
        assert when.time["datetime"] == expected.isoformat()
        assert when.get_text(" ", strip=True).startswith("Naslednji termin:")
        assert when.get_text(strip=True).endswith(", 09.00")
        assert results[1].select_one(".search-result__when") is None
