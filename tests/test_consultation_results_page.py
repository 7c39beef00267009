"""The public results page of a consultation (issue 19): what residents answered, online
and at the workshops, as charts and tables, the free texts editors approved, and what came
of it ("Kaj smo naredili")."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from portal.consultations.models import Answer, ConsultationOutcome, Offer, Response
from tests import builders
from tests.programme_helpers import programme
from tests.test_consultations import answer_data, workshop_url

pytestmark = pytest.mark.django_db


def results_url(page):
    return page.url + "rezultati/"


@pytest.fixture
def open_with_results(golnik_provisioned):
    return builders.consultation(
        golnik_provisioned, "Posvet o skupnostnem prostoru", results_public_while_open=True
    )


@pytest.fixture
def closed(golnik_provisioned):
    now = timezone.now()
    return builders.consultation(
        golnik_provisioned,
        "Delavnica potreb 2017",
        opens=now - datetime.timedelta(days=60),
        closes=now - datetime.timedelta(days=30),
    )


def shown(client, page):
    response = client.get(results_url(page))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def chart_of(html, heading):
    """The figure and the table that follow a question's heading."""
    title = html.find("h3", string=heading)
    assert title is not None, f"no heading {heading!r}"
    return title.find_next("figure"), title.find_next("table")


def bars(figure):
    """(label, total, online part drawn, workshop part drawn) of each bar of a chart."""
    svg = figure.find("svg")
    labels = [text.get_text() for text in svg.select("text.results-chart__label")]
    values = svg.select("text.results-chart__value")
    return [
        (label, value.get_text(), *parts(value))
        for label, value in zip(labels, values, strict=True)
    ]


def parts(value):
    """Whether the bar before a value's text has its online (solid) and workshop part."""
    drawn = []
    for sibling in value.find_previous_siblings():
        if sibling.name == "text" and "results-chart__value" in sibling.get("class", []):
            break
        if sibling.name == "rect":
            drawn.append(sibling["class"][0])
    return "results-chart__online" in drawn, "results-chart__workshop" in drawn


def rows(table):
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.find_all("tr")
    ]


def enter_workshop_notes(page, ks_editor, notes):
    volunteer = Client()
    volunteer.force_login(ks_editor)
    for theme, kind, text, people in notes:
        response = volunteer.post(
            workshop_url(page),
            {
                "workshop_date": "7. 11. 2017",
                "table": "Miza 1",
                "theme": theme,
                "note_type": kind,
                "text": text,
                "people_count": str(people),
            },
        )
        assert response.status_code == 302


def test_the_figures_of_chart_and_table_are_the_answers_sent(client, open_with_results, ks_editor):
    for choice in ("Da", "Da", "Morda"):
        sent = client.post(open_with_results.url, answer_data(**{"q-vrt": choice}))
        assert sent.status_code == 302
    # A paper questionnaire from a workshop table, five people agreeing: "Da".
    paper = Response.objects.create(
        consultation=open_with_results, source=Response.Source.WORKSHOP, people_count=5
    )
    Answer.objects.create(response=paper, question_id="vrt", option="Da")
    enter_workshop_notes(
        open_with_results,
        ks_editor,
        [
            ("food", "need", "Skupnostni vrt za blokom", 7),
            ("food", "idea", "Izmenjava semen", 3),
            ("energy", "need", "Energetsko svetovanje", 4),
        ],
    )

    html = shown(client, open_with_results)

    summary = html.select_one(".results-summary").get_text(" ", strip=True)
    assert summary == "3 odgovori na spletu, 4 zapisi z delavnic (19 udeležencev)."
    figure, table = chart_of(html, "Bi sodelovali v skupnostnem vrtu?")
    assert bars(figure) == [
        ("Da", "7", True, True),
        ("Morda", "1", True, False),
        ("Ne", "0", False, False),
    ]
    assert rows(table) == [
        ["Možnost", "Na spletu", "Z delavnic", "Skupaj"],
        ["Da", "2", "5", "7"],
        ["Morda", "1", "0", "1"],
        ["Ne", "0", "0", "0"],
    ]
    assert table.caption.get_text(strip=True) == "V številkah: Bi sodelovali v skupnostnem vrtu?"
    # Who answered the question: three online, five at a workshop table.
    count = html.find("h3", string="Bi sodelovali v skupnostnem vrtu?").find_next("p")
    assert count.get_text(strip=True) == "8 odgovorov"
    assert all(cell["scope"] == "col" for cell in table.thead.find_all("th"))
    assert all(row.th["scope"] == "row" for row in table.tbody.find_all("tr"))
    # The chart is an image named by its heading and caption; its parts are told apart
    # by a legend, not by colour alone.
    svg = figure.find("svg")
    assert svg["role"] == "img"
    names = [html.find(id=name).get_text(strip=True) for name in svg["aria-labelledby"].split()]
    assert names[0] == "Bi sodelovali v skupnostnem vrtu?"
    assert "črtast" in names[1]
    legend = [text.get_text() for text in svg.select("text.results-chart__legend")]
    assert legend == ["na spletu", "z delavnic"]
    assert svg.select_one("rect.results-chart__workshop")["fill"].startswith("url(#")

    # The workshop notes of a theme, weighted by the people who agreed.
    food = html.find("h2", string="Prehranska samooskrba in ekološko kmetovanje")
    notes_figure = food.find_next("figure")
    assert [(label, total) for label, total, *_ in bars(notes_figure)] == [
        ("Potreba", "7"),
        ("Zamisel", "3"),
        ("Ponudba", "0"),
    ]
    assert rows(food.find_next("table"))[1:] == [
        ["Potreba", "7"],
        ["Zamisel", "3"],
        ["Ponudba", "0"],
    ]
    # The scale shows its mean: three answers of 4 ("energija" in answer_data).
    scale = html.find("h3", string="Kako pomembno je energetsko svetovanje v KS?")
    assert "povprečna ocena 4,0 od 5" in scale.find_next("p").get_text()


def test_free_text_shows_only_once_approved(client, open_with_results, ks_editor):
    for text in ("Janez Novak bi rad vrt.", "Popravljalnica koles.", "Knjigobežnica."):
        sent = client.post(open_with_results.url, answer_data(**{"q-potrebe": text}))
        assert sent.status_code == 302
    enter_workshop_notes(
        open_with_results,
        ks_editor,
        [("food", "need", "Vrt za Marijo Kranjc", 3), ("food", "idea", "Semenoteka", 2)],
    )
    Answer.objects.filter(text__in=["Popravljalnica koles.", "Semenoteka"]).update(
        approved_for_publication=True
    )

    page = client.get(results_url(open_with_results)).content.decode()

    assert "Popravljalnica koles." in page
    assert "Semenoteka" in page
    for unapproved in ("Janez", "Knjigobežnica", "Marijo"):
        assert unapproved not in page
    html = BeautifulSoup(page, "html.parser")
    texts = html.find("h3", string="Kaj v KS najbolj pogrešate?").find_parent("div")
    assert "3 odgovori" in texts.get_text()
    assert [quote.get_text(strip=True) for quote in texts.select("blockquote")] == [
        "Popravljalnica koles."
    ]


def test_hidden_before_it_opens_and_while_open_unless_allowed(client, golnik_provisioned):
    now = timezone.now()
    upcoming = builders.consultation(
        golnik_provisioned,
        "Pomladni posvet",
        opens=now + datetime.timedelta(days=30),
        closes=now + datetime.timedelta(days=60),
        results_public_while_open=True,
    )
    open_ = builders.consultation(golnik_provisioned, "Jesenski posvet")
    client.post(open_.url, answer_data())

    assert client.get(results_url(upcoming)).status_code == 404
    hidden = client.get(results_url(open_))
    assert hidden.status_code == 404
    assert "odgovor" not in hidden.content.decode().split("<main", 1)[-1].lower()
    assert "rezultati/" not in client.get(open_.url).content.decode()
    thanks = client.get(open_.url + "hvala/").content.decode()
    assert "rezultati/" not in thanks
    assert "Rezultati bodo objavljeni" in thanks


def test_the_consultation_and_thank_you_pages_link_to_visible_results(
    client, open_with_results, closed
):
    for page in (open_with_results, closed):
        assert f'href="{results_url(page)}"' in client.get(page.url).content.decode()
        thanks = client.get(page.url + "hvala/").content.decode()
        assert f'href="{results_url(page)}"' in thanks


def test_nobody_answered_yet(client, closed):
    html = shown(client, closed)
    assert html.select_one(".results-summary").get_text(strip=True) == "Nihče še ni odgovoril."
    assert not html.select("svg.results-chart__svg")
    assert not html.find(id="what-we-did")


def test_what_we_did_lists_public_programmes_and_live_pages_only(
    client, closed, golnik_provisioned
):
    live = programme("Popravljalnica Golnik", community=golnik_provisioned)
    draft = programme("Semenoteka Golnik", community=golnik_provisioned, publish=False)
    answer = Response.objects.create(consultation=closed)
    for made in (live, live, draft):  # two offers became the same programme
        Offer.objects.create(response=answer, question_id="ponudba", tools=True, programme=made)
    space = builders.space(golnik_provisioned, "Dom krajanov Golnik")
    unpublished = builders.space(golnik_provisioned, "Skladišče orodja")
    unpublished.unpublish()
    ConsultationOutcome.objects.create(
        consultation=closed, page=space, note="Odprli smo ga ob torkih zvečer."
    )
    ConsultationOutcome.objects.create(consultation=closed, page=unpublished, note="Skrito")
    closed.outcome = "<p>Iz odgovorov sta nastala dva programa.</p>"
    closed.save_revision().publish()

    html = shown(client, closed)

    section = html.find(id="what-we-did").find_parent("section")
    assert "Iz odgovorov sta nastala dva programa." in section.get_text()
    items = [re.sub(r"\s+", " ", item.get_text(" ", strip=True)) for item in section.select("li")]
    assert items == [
        "Popravljalnica Golnik program, ki je nastal iz ponudbe krajana",
        "Dom krajanov Golnik Odprli smo ga ob torkih zvečer.",
    ]
    links = {link.get_text(strip=True): link["href"] for link in section.select("li a")}
    assert links["Popravljalnica Golnik"] == live.get_url()
    assert links["Dom krajanov Golnik"] == space.url
    assert "Semenoteka" not in str(html)
    assert "Skladišče" not in str(html)


def test_kept_a_minute_at_most_and_refuses_writing(client, closed, settings):
    settings.PAGE_CACHE_SECONDS = 300
    response = client.get(results_url(closed))
    cache_control = response["Cache-Control"]
    assert "max-age=60" in cache_control
    assert "public" in cache_control
    # The same for every visitor: the page cache keeps it (for its max-age).
    assert client.get(results_url(closed))["X-Cache"] == "HIT"
    assert client.post(results_url(closed)).status_code == 405


def test_counted_in_a_constant_number_of_queries(
    client, closed, ks_editor, django_assert_max_num_queries
):
    enter_workshop_notes(closed, ks_editor, [("food", "need", "Vrt", 3)])
    client.get(results_url(closed))  # warm: the site, the section directory
    # Thirteen when written (the answers are eight of them); none grows with the answers.
    with django_assert_max_num_queries(15):
        assert client.get(results_url(closed)).status_code == 200
    for _ in range(20):
        paper = Response.objects.create(consultation=closed, source=Response.Source.WORKSHOP)
        Answer.objects.create(response=paper, theme="energy", note_type="idea", text="Sonce")
    with django_assert_max_num_queries(15):
        assert client.get(results_url(closed)).status_code == 200


def test_what_residents_and_editors_wrote_is_shown_escaped(client, golnik_provisioned):
    option = '"><svg onload=alert(1)>'
    questions = [
        {
            "type": "single_choice",
            "id": "izbira",
            "value": {
                "theme": "",
                "question": "Kaj izberete? <b>",
                "help_text": "",
                "required": False,
                "options": [option, "Nič"],
            },
        },
        {
            "type": "long_text",
            "id": "besedilo",
            "value": {"theme": "", "question": "Kaj še?", "help_text": "", "required": False},
        },
    ]
    page = builders.consultation(
        golnik_provisioned, "Posvet", questions=questions, results_public_while_open=True
    )
    text = "<script>alert(1)</script>"
    sent = client.post(page.url, {"q-izbira": option, "q-besedilo": text, "website": ""})
    assert sent.status_code == 302
    Answer.objects.filter(text=text).update(approved_for_publication=True)

    html = client.get(results_url(page)).content.decode()

    assert option not in html and text not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    table = BeautifulSoup(html, "html.parser").select_one(".results-table")
    assert rows(table)[1] == [option, "1", "0", "1"]
