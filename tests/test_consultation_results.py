"""What a consultation's answers add up to (issue 19): counts per option and theme, online
and workshop answers told apart, a workshop note weighted by the people who agreed."""

import pytest

from portal.consultations.models import Answer, Response
from portal.consultations.results import results_of
from tests import builders
from tests.test_consultations import answer_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def golnik_consultation(golnik_provisioned):
    return builders.consultation(golnik_provisioned, "Posvet o skupnostnem prostoru")


def workshop_note(consultation, theme, note_type, text, people=1):
    response = Response.objects.create(
        consultation=consultation, source=Response.Source.WORKSHOP, people_count=people
    )
    Answer.objects.create(response=response, theme=theme, note_type=note_type, text=text)


def test_answers_sent_through_the_form_are_counted_per_option(client, golnik_consultation):
    for choice in ("Da", "Da", "Morda"):
        assert (
            client.post(golnik_consultation.url, answer_data(**{"q-vrt": choice})).status_code
            == 302
        )
    workshop_note(golnik_consultation, "food", "need", "Skupnostni vrt za blokom.", people=6)

    results = results_of(golnik_consultation)

    assert (results.online, results.workshop_notes, results.workshop_people) == (3, 1, 6)
    garden = results.question("vrt")
    assert [(bar.key, bar.online, bar.workshop) for bar in garden.bars] == [
        ("Da", 2, 0),
        ("Morda", 1, 0),
        ("Ne", 0, 0),
    ]
    food = next(theme for theme in results.themes if theme.key == "food")
    assert [(bar.key, bar.workshop) for bar in food.notes] == [
        ("need", 6),
        ("idea", 0),
        ("offer", 0),
    ]
    assert food.total == 6 + 3
    assert results.question("energija").mean == 4.0


def test_free_text_is_counted_but_shown_only_once_approved(client, golnik_consultation):
    client.post(golnik_consultation.url, answer_data(**{"q-potrebe": "Janez Novak bi rad vrt."}))
    client.post(golnik_consultation.url, answer_data(**{"q-potrebe": "Popravljalnica koles."}))

    assert results_of(golnik_consultation).question("potrebe").texts == []
    Answer.objects.filter(text="Popravljalnica koles.").update(approved_for_publication=True)
    texts = results_of(golnik_consultation).question("potrebe")
    assert (texts.answered, texts.texts) == (2, ["Popravljalnica koles."])
    assert "Janez" not in str(results_of(golnik_consultation).as_dict())
