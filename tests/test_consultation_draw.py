"""The prize draw of a consultation ("Nagradno žrebanje", issue 19): residents enter it on
the answer form, the editor draws the winners once the consultation closes, the winners
get a mail, the draw is logged and the entries are deleted."""

import datetime
import re
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.consultations.draw import draw_winners
from portal.consultations.models import Answer, Draw, DrawEntry, Response
from tests import builders
from tests.test_consultations import answer_data, errors

pytestmark = pytest.mark.django_db

PRIZE = "Košara lokalnih dobrot"
ADDRESSES = [f"oseba{number}@example.org" for number in range(1, 9)]


@pytest.fixture
def prize_consultation(golnik_provisioned):
    golnik_provisioned.email = "ks.golnik@example.org"
    golnik_provisioned.save_revision().publish()
    return builders.consultation(
        golnik_provisioned,
        "Posvet o skupnostnem prostoru",
        closes=timezone.now() + datetime.timedelta(hours=1),
        draw_prize=PRIZE,
    )


def enter(consultation, address, **fields):
    return Client().post(
        consultation.url, answer_data(draw_entry="on", draw_email=address, **fields)
    )


def after_closing(consultation):
    return time_machine.travel(consultation.closes_at + datetime.timedelta(hours=1), tick=False)


def draw_url(consultation):
    return reverse("consultation_draw", args=[consultation.pk])


def editor_client(user):
    client = Client()
    client.force_login(user)
    return client


# --- Entering on the answer form ------------------------------------------------------


def test_the_form_offers_the_draw_only_with_a_prize(client, golnik_provisioned):
    plain = builders.consultation(golnik_provisioned, "Posvet brez nagrade")
    assert 'name="draw_entry"' not in client.get(plain.url).content.decode()
    with_prize = builders.consultation(golnik_provisioned, "Posvet z nagrado", draw_prize=PRIZE)
    html = client.get(with_prize.url).content.decode()
    assert "Nagradno žrebanje" in html
    assert PRIZE in html
    assert 'name="draw_entry"' in html and 'name="draw_email"' in html


def test_a_resident_enters_the_draw_apart_from_the_answer(prize_consultation):
    response = enter(prize_consultation, " Ana.Novak@Example.org ")
    assert response.status_code == 302
    entry = DrawEntry.objects.get()
    assert entry.consultation_id == prize_consultation.pk
    assert entry.email == "ana.novak@example.org"
    assert entry.entered_on == timezone.localdate()
    # The answer is saved as ever and carries no trace of the address.
    answer = Response.objects.get()
    assert not any(field.related_model is DrawEntry for field in Response._meta.get_fields())
    assert "ana.novak" not in str(list(Answer.objects.filter(response=answer).values()))


def test_an_answer_without_the_box_ticked_enters_nothing(prize_consultation):
    response = Client().post(prize_consultation.url, answer_data(draw_email="ana@example.org"))
    assert response.status_code == 302
    assert Response.objects.exists()
    assert not DrawEntry.objects.exists()


def test_the_box_ticked_needs_an_address(prize_consultation):
    response = enter(prize_consultation, "", **{"q-potrebe": "Klopi ob poti."})
    assert response.status_code == 400
    assert "Za sodelovanje v nagradnem žrebanju napišite svoj e-poštni naslov" in " ".join(
        errors(response)
    )
    html = response.content.decode()
    assert "Klopi ob poti." in html
    assert re.search(r'name="draw_entry"[^>]*checked|checked[^>]*name="draw_entry"', html)
    assert not Response.objects.exists() and not DrawEntry.objects.exists()


def test_a_second_entry_of_an_address_is_the_same_entry(prize_consultation):
    assert enter(prize_consultation, "ana@example.org").status_code == 302
    second = enter(prize_consultation, "ANA@example.org")
    assert second.status_code == 302
    assert second["Location"] == prize_consultation.url + "hvala/"
    assert DrawEntry.objects.count() == 1
    assert Response.objects.count() == 2


# --- The draw --------------------------------------------------------------------------


def test_the_draw_is_refused_while_the_consultation_is_open(prize_consultation, ks_editor):
    for address in ADDRESSES[:3]:
        enter(prize_consultation, address)
    editor = editor_client(ks_editor)
    page = editor.get(draw_url(prize_consultation))
    assert page.status_code == 200
    assert "Nagrajence izžrebate, ko se posvet zapre." in page.content.decode()
    assert 'name="winners_count"' not in page.content.decode()
    refused = editor.post(draw_url(prize_consultation), {"winners_count": "1"})
    assert refused.status_code == 409
    assert not Draw.objects.exists()
    assert DrawEntry.objects.count() == 3


def test_the_editor_draws_the_winners_after_closing(prize_consultation, ks_editor, sent_mail):
    for address in ADDRESSES:
        assert enter(prize_consultation, address).status_code == 302
    edit = editor_client(ks_editor).get(
        reverse("wagtailadmin_pages:edit", args=[prize_consultation.pk])
    )
    assert draw_url(prize_consultation) in edit.content.decode()

    with after_closing(prize_consultation):
        editor = editor_client(ks_editor)
        form = editor.get(draw_url(prize_consultation))
        assert form.status_code == 200
        assert "8 naslovov je prijavljenih v žrebanje." in form.content.decode()
        response = editor.post(draw_url(prize_consultation), {"winners_count": "3", "seed": ""})
        assert response.status_code == 302
        log = editor.get(response["Location"]).content.decode()
        drawn_at = timezone.now()
        mails = sent_mail()

    draw = Draw.objects.get(consultation=prize_consultation)
    assert (draw.entries_count, draw.winners_count) == (8, 3)
    assert draw.drawn_by == ks_editor
    assert draw.drawn_at == drawn_at
    assert re.fullmatch(r"[0-9a-f]{16}", draw.seed)
    assert not DrawEntry.objects.exists()

    winners = draw_winners(ADDRESSES, draw.seed, 3)
    assert sorted(address for mail in mails for address in mail.to) == sorted(winners)
    mail = mails[0]
    assert "Posvet o skupnostnem prostoru" in mail.subject
    assert PRIZE in mail.body
    assert "KS Golnik" in mail.body
    assert "ks.golnik@example.org" in mail.body
    # The log: who, when, the seed, the counts; the winners masked only.
    assert draw.seed in log
    assert "ks-golnik" in log
    assert draw.winners == ["o***@example.org"] * 3
    assert not any(address in log for address in winners)
    assert "Nagrajenci tega posveta so že izžrebani" not in log


def test_the_draw_is_held_once(prize_consultation, ks_editor, sent_mail):
    for address in ADDRESSES[:4]:
        enter(prize_consultation, address)
    with after_closing(prize_consultation):
        editor = editor_client(ks_editor)
        first = editor.post(draw_url(prize_consultation), {"winners_count": "1", "seed": "prvi"})
        assert first.status_code == 302
        enter_late = enter(prize_consultation, "pozen@example.org")
        assert enter_late.status_code == 403
        again = editor.post(draw_url(prize_consultation), {"winners_count": "1", "seed": "drugi"})
        assert again.status_code == 409
        assert "prvi" in again.content.decode()
        assert len(sent_mail()) == 1
    assert Draw.objects.get().seed == "prvi"


def test_the_number_of_winners_is_between_one_and_the_entries(prize_consultation, ks_editor):
    for address in ADDRESSES[:2]:
        enter(prize_consultation, address)
    with after_closing(prize_consultation):
        editor = editor_client(ks_editor)
        for count in ("0", "3", "veliko"):
            response = editor.post(draw_url(prize_consultation), {"winners_count": count})
            assert response.status_code == 400
            assert "winners_count" in response.content.decode()
    assert not Draw.objects.exists()
    assert DrawEntry.objects.count() == 2


def test_a_closed_consultation_without_entries_has_nothing_to_draw(prize_consultation, ks_editor):
    with after_closing(prize_consultation):
        editor = editor_client(ks_editor)
        page = editor.get(draw_url(prize_consultation))
        assert "V žrebanje se ni prijavil nihče" in page.content.decode()
        assert editor.post(draw_url(prize_consultation), {"winners_count": "1"}).status_code == 409
    assert not Draw.objects.exists()


def test_the_same_seed_draws_the_same_winners():
    winners = draw_winners(ADDRESSES, "posvet-2017", 3)
    assert len(set(winners)) == 3 and set(winners) <= set(ADDRESSES)
    # Whatever order and spelling the entries came in.
    shuffled = [address.upper() for address in reversed(ADDRESSES)]
    assert draw_winners(shuffled, "posvet-2017", 3) == winners
    others = {tuple(draw_winners(ADDRESSES, f"seme-{number}", 3)) for number in range(10)}
    assert len(others) > 1


def test_the_seed_reproduces_a_held_draw(prize_consultation, ks_editor, sent_mail):
    for address in ADDRESSES:
        enter(prize_consultation, address)
    with after_closing(prize_consultation):
        response = editor_client(ks_editor).post(
            draw_url(prize_consultation), {"winners_count": "2", "seed": "Kranj 2017"}
        )
        assert response.status_code == 302
        received = sorted(address for mail in sent_mail() for address in mail.to)
    assert received == sorted(draw_winners(ADDRESSES, "Kranj 2017", 2))


def test_another_ks_editor_never_reaches_the_draw(
    prize_consultation, strazisce_provisioned, sent_mail
):
    for address in ADDRESSES[:3]:
        enter(prize_consultation, address)
    with after_closing(prize_consultation):
        stranger = editor_client(builders.ks_editor(strazisce_provisioned, "ks-strazisce"))
        assert stranger.get(draw_url(prize_consultation)).status_code == 404
        refused = stranger.post(draw_url(prize_consultation), {"winners_count": "1"})
        assert refused.status_code == 404
        edit = stranger.get(reverse("wagtailadmin_pages:edit", args=[prize_consultation.pk]))
        assert draw_url(prize_consultation) not in edit.content.decode()
    assert not Draw.objects.exists()
    assert DrawEntry.objects.count() == 3
    assert sent_mail() == []


def test_entries_are_deleted_when_no_draw_came_in_time(prize_consultation, settings):
    """By the one retention command, run daily (`remove_expired_personal_data`)."""
    settings.CONSULTATION_DRAW_ENTRY_RETENTION_DAYS = 30
    enter(prize_consultation, "ana@example.org")
    closed = prize_consultation.closes_at

    with time_machine.travel(closed + datetime.timedelta(days=29), tick=False):
        assert "0 prize draw entries" in run_retention()
    assert DrawEntry.objects.count() == 1
    with time_machine.travel(closed + datetime.timedelta(days=31), tick=False):
        report = run_retention()
    assert "1 prize draw entries of consultations closed more than 30 days ago" in report
    assert not DrawEntry.objects.exists()


def run_retention():
    out = StringIO()
    call_command("remove_expired_personal_data", "--only=draw_entries", stdout=out)
    return out.getvalue()


def test_the_draw_speaks_slovenian(prize_consultation, ks_editor):
    """The crawl of tests/test_admin_language.py on the draw's page in each of its states
    and on the editor of a consultation with a prize."""
    from tests.test_admin_language import NOT_WORDS, VisibleText, english_words

    english = english_words()
    found = {}

    def crawl(editor, url):
        page = editor.get(url)
        assert page.status_code == 200, url
        parser = VisibleText()
        parser.feed(page.content.decode())
        text = NOT_WORDS.sub(" ", " ".join(parser.parts))
        for match in re.finditer(r"[^\W\d_]+", text):
            if match.group().lower() in english:
                found[match.group()] = f"{text[match.start() - 40 : match.end() + 40]} on {url}"

    for address in ADDRESSES[:3]:
        enter(prize_consultation, address)
    editor = editor_client(ks_editor)
    crawl(editor, reverse("wagtailadmin_pages:edit", args=[prize_consultation.pk]))
    crawl(editor, draw_url(prize_consultation))
    with after_closing(prize_consultation):
        editor = editor_client(ks_editor)
        crawl(editor, draw_url(prize_consultation))
        editor.post(draw_url(prize_consultation), {"winners_count": "2", "seed": "seme"})
        crawl(editor, draw_url(prize_consultation))
    assert found == {}
