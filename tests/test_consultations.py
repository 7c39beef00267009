"""Residents answer a KS's consultation ("Posvet") through the form on its page (issue 19)."""

import datetime
import re

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from portal.consultations.models import Answer, ConsultationPage, Offer, Response
from tests import builders

pytestmark = pytest.mark.django_db

RESPONSES = "wagtailsnippets_consultations_response"


@pytest.fixture
def golnik_consultation(golnik_provisioned):
    return builders.consultation(golnik_provisioned, "Posvet o skupnostnem prostoru")


def answer_data(**fields):
    data = {
        "q-vrt": "Da",
        "q-kdaj": ["Popoldne", "Ob koncih tedna"],
        "q-energija": "4",
        "q-potrebe": "Popravljalnico koles.",
        "website": "",
    }
    data.update(fields)
    return {key: value for key, value in data.items() if value is not None}


def errors(response):
    html = response.content.decode()
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip()
        for text in re.findall(
            r'class="(?:form-field__error|notice__list)"[^>]*>(.*?)</(?:p|ul)>', html, re.S
        )
    ]


def test_a_ks_editor_may_add_a_consultation_under_their_ks_only(golnik_provisioned):
    assert ConsultationPage in golnik_provisioned.specific_class.allowed_subpage_models()
    assert ConsultationPage.allowed_parent_page_models() == [type(golnik_provisioned)]


def test_the_form_shows_a_fieldset_per_theme(client, golnik_consultation):
    response = client.get(golnik_consultation.url)
    assert response.status_code == 200
    html = response.content.decode()
    legends = re.findall(r'<legend class="form-section__title">(.*?)</legend>', html)
    assert legends == [
        "Splošna vprašanja",
        "Prehranska samooskrba in ekološko kmetovanje",
        "Lokalno krožno gospodarstvo in trajnostna potrošnja",
        "Energetska učinkovitost in lokalni obnovljivi viri energije",
        "Potrditev odgovora (neobvezno)",
    ]
    assert "Bi sodelovali v skupnostnem vrtu?" in html
    assert 'name="website"' in html
    assert "no-cache" in response["Cache-Control"]
    assert "<script" not in html.split("<main", 1)[-1].split("</main>")[0]


def test_an_answer_is_stored_as_countable_rows(client, golnik_consultation):
    data = answer_data(
        **{
            "q-ponudba-kinds": ["tools", "time"],
            "q-ponudba-text": "Popravim kolo ob sobotah.",
            "q-ponudba-name": "Ana Novak",
            "q-ponudba-email": "ana@example.org",
            "q-ponudba-consent": "on",
        }
    )
    response = client.post(golnik_consultation.url, data)
    assert response.status_code == 302
    assert response["Location"] == golnik_consultation.url + "hvala/"
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert "Hvala za vaš odgovor" in thanks.content.decode()
    assert "no-cache" in thanks["Cache-Control"]

    answer = Response.objects.get()
    assert answer.community_id == golnik_consultation.get_parent().pk
    assert answer.source == Response.Source.ONLINE
    assert answer.people_count == 1
    counts = dict(
        Answer.objects.filter(question_id="kdaj").values_list("option", "response__people_count")
    )
    assert counts == {"Popoldne": 1, "Ob koncih tedna": 1}
    assert Answer.objects.get(question_id="vrt").theme == "food"
    assert Answer.objects.get(question_id="energija").value == 4
    assert not Answer.objects.get(question_id="potrebe").approved_for_publication
    offer = Offer.objects.get()
    assert (offer.tools, offer.time, offer.money) == (True, True, False)
    assert offer.consent_to_contact and offer.consent_at
    assert offer.theme == "circular_economy"


def test_errors_are_slovenian_keep_the_input_and_say_400(client, golnik_consultation):
    data = answer_data(
        **{
            "q-vrt": None,
            "q-potrebe": "Več klopi ob poti.",
            "q-ponudba-text": "Lahko pomagam pri vrtu.",
        }
    )
    response = client.post(golnik_consultation.url, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vaš odgovor ni bil poslan" in html
    assert "Več klopi ob poti." in html
    assert "Lahko pomagam pri vrtu." in html
    found = errors(response)
    assert "Na to vprašanje je treba odgovoriti." in found
    assert "Napišite svoje ime, da bomo vedeli, koga poklicati." in found
    assert any("e-poštni naslov ali telefonsko številko" in error for error in found)
    assert any("Označite, da vas krajevna skupnost lahko pokliče" in error for error in found)
    assert not Response.objects.exists()


def test_an_empty_answer_is_refused(client, golnik_consultation):
    golnik_consultation.questions = builders.CONSULTATION_QUESTIONS[1:]
    golnik_consultation.save_revision().publish()
    response = client.post(golnik_consultation.url, {"website": ""})
    assert response.status_code == 400
    assert "Odgovorite vsaj na eno vprašanje, preden pošljete obrazec." in errors(response)


def test_too_long_text_is_refused_with_its_limit(client, golnik_consultation):
    response = client.post(golnik_consultation.url, answer_data(**{"q-potrebe": "a" * 3001}))
    assert response.status_code == 400
    assert any("3000" in error for error in errors(response))
    assert not Response.objects.exists()


def test_an_unknown_option_is_refused(client, golnik_consultation):
    response = client.post(golnik_consultation.url, answer_data(**{"q-vrt": "Mogoče <b>"}))
    assert response.status_code == 400
    assert not Response.objects.exists()


def test_the_honeypot_saves_nothing(client, golnik_consultation):
    response = client.post(golnik_consultation.url, answer_data(website="http://spam.example"))
    assert response.status_code == 302
    assert not Response.objects.exists()


def test_a_second_answer_from_the_device_is_welcome_with_a_notice(client, golnik_consultation):
    notice = "Na ta posvet ste s te naprave že odgovorili"
    assert notice not in client.get(golnik_consultation.url).content.decode()
    assert client.post(golnik_consultation.url, answer_data()).status_code == 302
    again = client.get(golnik_consultation.url)
    assert notice in again.content.decode()
    assert 'name="q-vrt"' in again.content.decode()
    assert client.post(golnik_consultation.url, answer_data(**{"q-vrt": "Ne"})).status_code == 302
    assert Response.objects.count() == 2
    # A forged cookie is not read.
    client.cookies["posvet"] = "[1,2,3]"
    assert notice not in client.get(golnik_consultation.url).content.decode()


@override_settings(CONSULTATION_ANSWERS_PER_HOUR=2)
def test_too_many_answers_from_one_address_get_a_429(client, limit_clock, golnik_consultation):
    for _ in range(2):
        assert client.post(golnik_consultation.url, answer_data()).status_code == 302
    response = client.post(golnik_consultation.url, answer_data())
    assert response.status_code == 429
    assert "Preveč odgovorov" in response.content.decode()
    assert Response.objects.count() == 2
    other = client.post(golnik_consultation.url, answer_data(), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_a_closed_consultation_has_no_form_and_refuses_answers(client, golnik_provisioned):
    now = timezone.now()
    closed = builders.consultation(
        golnik_provisioned,
        "Delavnica potreb 2017",
        opens=now - datetime.timedelta(days=60),
        closes=now - datetime.timedelta(days=30),
    )
    html = client.get(closed.url).content.decode()
    assert "Posvet je zaključen" in html
    assert "<form" not in html.split("<main", 1)[-1]
    response = client.post(closed.url, answer_data())
    assert response.status_code == 403
    assert not Response.objects.exists()


def test_a_consultation_not_yet_open_says_when_it_opens(client, golnik_provisioned):
    now = timezone.now()
    upcoming = builders.consultation(
        golnik_provisioned,
        "Pomladni posvet",
        opens=now + datetime.timedelta(days=30),
        closes=now + datetime.timedelta(days=60),
    )
    html = client.get(upcoming.url).content.decode()
    assert "Posvet še ni odprt" in html
    assert client.post(upcoming.url, answer_data()).status_code == 403


def test_closing_before_opening_is_refused_in_the_admin_model(golnik_provisioned):
    from django.core.exceptions import ValidationError

    page = builders.consultation(golnik_provisioned)
    page.closes_at = page.opens_at - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError):
        page.full_clean()


def test_an_answer_does_not_renew_the_content_version(client, golnik_consultation):
    from portal.base.caching import content_version

    before = content_version()
    assert client.post(golnik_consultation.url, answer_data()).status_code == 302
    assert content_version() == before


def test_editors_see_only_their_own_ks_responses(
    client, golnik_consultation, strazisce_provisioned, ks_editor
):
    foreign = builders.consultation(strazisce_provisioned, "Posvet v Stražišču")
    assert client.post(golnik_consultation.url, answer_data()).status_code == 302
    assert Client().post(foreign.url, answer_data()).status_code == 302
    own = Response.objects.get(consultation=golnik_consultation)
    other = Response.objects.get(consultation=foreign)

    editor = Client()
    editor.force_login(ks_editor)
    listing = editor.get(reverse(f"{RESPONSES}:list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert reverse(f"{RESPONSES}:inspect", args=[own.pk]) in html
    assert reverse(f"{RESPONSES}:inspect", args=[other.pk]) not in html
    page = editor.get(reverse(f"{RESPONSES}:inspect", args=[own.pk]))
    assert page.status_code == 200
    assert "Popravljalnico koles." in page.content.decode()
    assert editor.get(reverse(f"{RESPONSES}:inspect", args=[other.pk])).status_code == 404
    assert editor.get(reverse(f"{RESPONSES}:add")).status_code in (302, 403, 404)


def workshop_url(page):
    return reverse("consultation_workshop_entry", args=[page.pk])


NOTES = [
    ("food", "need", "Skupnostni vrt za blokom", 7),
    ("food", "offer", "Semena iz domačega vrta", 2),
    ("circular_economy", "idea", "Popravljalnica enkrat na mesec", 9),
    ("energy", "need", "Energetsko svetovanje v domu krajanov", 4),
    ("spatial_planning", "idea", "Varna pot v šolo", 5),
]


def test_a_volunteer_enters_workshop_notes_one_after_another(golnik_consultation, ks_editor):
    volunteer = Client()
    volunteer.force_login(ks_editor)
    edit = volunteer.get(reverse("wagtailadmin_pages:edit", args=[golnik_consultation.pk]))
    assert workshop_url(golnik_consultation) in edit.content.decode()
    next_url = workshop_url(golnik_consultation)
    for theme, kind, text, people in NOTES:
        form = volunteer.get(next_url)
        assert form.status_code == 200
        assert "Odgovori z delavnice" in form.content.decode()
        response = volunteer.post(
            workshop_url(golnik_consultation),
            {
                "workshop_date": "7. 11. 2017",
                "table": "Miza 2",
                "round": "1",
                "theme": theme,
                "note_type": kind,
                "text": text,
                "people_count": str(people),
            },
        )
        assert response.status_code == 302
        next_url = response["Location"]
        assert "Miza+2" in next_url and "07.+11.+2017" in next_url
    notes = Response.objects.from_workshops().filter(consultation=golnik_consultation)
    assert notes.count() == 5
    assert sum(note.people_count for note in notes) == 27
    first = notes.get(answers__text="Varna pot v šolo")
    assert (first.workshop_date, first.workshop_table, first.workshop_round) == (
        datetime.date(2017, 11, 7),
        "Miza 2",
        1,
    )
    assert first.entered_by == ks_editor
    assert first.community_id == golnik_consultation.get_parent().pk
    assert Answer.objects.filter(note_type="need").count() == 2
    sticky = volunteer.get(next_url).content.decode()
    assert 'value="Miza 2"' in sticky
    assert "5 zapisov z delavnic" in sticky


def test_a_workshop_note_with_errors_says_400_and_keeps_the_text(golnik_consultation, ks_editor):
    volunteer = Client()
    volunteer.force_login(ks_editor)
    response = volunteer.post(
        workshop_url(golnik_consultation),
        {"workshop_date": "32. 11. 2017", "theme": "food", "text": "Vrt", "people_count": "0"},
    )
    assert response.status_code == 400
    assert "Vrt" in response.content.decode()
    assert not Response.objects.exists()


def test_another_ks_editor_never_reaches_the_workshop_form(
    golnik_consultation, strazisce_provisioned
):
    editor = Client()
    editor.force_login(builders.ks_editor(strazisce_provisioned, "ks-strazisce"))
    assert editor.get(workshop_url(golnik_consultation)).status_code == 404
    post = editor.post(
        workshop_url(golnik_consultation),
        {
            "workshop_date": "7. 11. 2017",
            "theme": "food",
            "note_type": "need",
            "text": "Vrt",
            "people_count": "3",
        },
    )
    assert post.status_code == 404
    assert not Response.objects.exists()
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[golnik_consultation.pk]))
    assert workshop_url(golnik_consultation) not in edit.content.decode()


def test_an_answer_confirmed_by_e_mail(client, golnik_consultation, sent_mail):
    data = answer_data(confirm_email="ana@example.org")
    assert client.post(golnik_consultation.url, data).status_code == 302
    answer = Response.objects.get()
    assert answer.confirmed_at is None
    [mail] = sent_mail()
    assert mail.to == ["ana@example.org"]
    assert "Potrdite svoj odgovor" in mail.subject
    # The mail carries none of the answer, only the consultation and the link.
    assert "Popravljalnico koles." not in mail.body
    link = re.search(r"https?://\S+/potrditev/\?kljuc=\S+", mail.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    page = Client().get("/" + path)
    assert page.status_code == 200
    assert "no-cache" in page["Cache-Control"]
    # Opening the link (as a mail scanner does) confirms nothing; the button does.
    answer.refresh_from_db()
    assert answer.confirmed_at is None
    confirmed = Client().post("/" + path)
    assert confirmed.status_code == 200
    assert "Vaš odgovor je potrjen" in confirmed.content.decode()
    answer.refresh_from_db()
    assert answer.confirmed_at is not None
    # The address is kept nowhere.
    assert not Offer.objects.filter(email="ana@example.org").exists()


def test_a_forged_confirmation_link_is_refused(client, golnik_consultation):
    url = golnik_consultation.url + "potrditev/"
    for token in ("", "abc", "1:xyz:zzz", "x" * 5000):
        response = client.post(url + "?kljuc=" + token)
        assert response.status_code == 404
        assert "Ta povezava ne deluje" in response.content.decode()


@override_settings(CONSULTATION_CONFIRMATIONS_PER_ADDRESS=2)
def test_one_address_gets_few_confirmation_mails(
    client, limit_clock, golnik_consultation, sent_mail
):
    for _ in range(4):
        data = answer_data(confirm_email="Ana@Example.org")
        assert client.post(golnik_consultation.url, data).status_code == 302
    assert Response.objects.count() == 4
    assert len(sent_mail()) == 2


def test_the_admin_of_consultations_speaks_slovenian(golnik_consultation, ks_editor):
    """The crawl of tests/test_admin_language.py on the demo portal, which has no
    consultation yet: here on the consultation's editor, its workshop form and its
    responses."""
    from tests.test_admin_language import NOT_WORDS, VisibleText, english_words

    assert Client().post(golnik_consultation.url, answer_data()).status_code == 302
    editor = Client()
    editor.force_login(ks_editor)
    golnik = golnik_consultation.get_parent()
    response = Response.objects.get()
    urls = [
        reverse("wagtailadmin_pages:edit", args=[golnik_consultation.pk]),
        reverse("wagtailadmin_pages:add", args=["consultations", "consultationpage", golnik.pk]),
        workshop_url(golnik_consultation),
        reverse(f"{RESPONSES}:list"),
        reverse(f"{RESPONSES}:inspect", args=[response.pk]),
    ]
    english = english_words()
    found = {}
    for url in urls:
        page = editor.get(url)
        assert page.status_code == 200, url
        parser = VisibleText()
        parser.feed(page.content.decode())
        text = NOT_WORDS.sub(" ", " ".join(parser.parts))
        for match in re.finditer(r"[^\W\d_]+", text):
            if match.group().lower() in english:
                found[match.group()] = f"{text[match.start() - 40 : match.end() + 40]} on {url}"
    assert found == {}
