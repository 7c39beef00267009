"""Residents find pages whether or not they type Slovenian letters."""

import re

import pytest
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
def test_on_postgresql_a_search_reads_the_index_not_every_page(client, sections):
    """The match Wagtail's backend makes is served by `sitesearch`'s expression index
    (with a few pages the planner would read the table anyway: tell it not to)."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert "Stražišče" in client.get("/iskanje/", {"q": "strazisce"}).content.decode()
    matches = [q["sql"] for q in queries if "@@" in q["sql"]]
    assert matches, "no full-text query was made"
    plans = []
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        for sql in matches:
            cursor.execute("EXPLAIN " + sql)
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    assert not [plan for plan in plans if "Seq Scan on wagtailsearch_indexentry" in plan]
    assert [plan for plan in plans if "sitesearch_entry_title_body_gin" in plan], plans
