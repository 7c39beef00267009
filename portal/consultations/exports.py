"""A consultation's answers as files for its editors: one row per response (when, online or
from a workshop, confirmed, how many people, the workshop's date, table and round, then a
column per question: the chosen options joined with "; ", the scale's value, the text) and
one row per offer (the kinds of help, the description, the contact and the consent, and
the stakeholder or programme it became). CSV (one file each) and XLSX (one sheet each).

Every cell a person typed goes through `portal.base.spreadsheets.neutralise`, so a text
that starts with `=`, `+`, `-` or `@` is text in the spreadsheet, never a formula. The CSV
files start with a byte order mark so that Excel reads č, š and ž right. Bounded like the
"Odgovori" view: only an editor who may edit the consultation page gets them.
"""

from django.utils import timezone
from django.utils.text import capfirst, slugify
from django.utils.translation import gettext as _

from portal.base.spreadsheets import csv_response, xlsx_response
from portal.consultations.blocks import OFFER_KINDS
from portal.consultations.models import Offer, Response
from portal.consultations.moderation import consultation_for_editor


def local(moment):
    """A naive local datetime, as a spreadsheet cell holds one, or None."""
    return timezone.make_naive(moment) if moment else None


def yes_no(flag):
    return _("yes") if flag else _("no")


def response_table(consultation):
    """(headings, rows) of the consultation's responses, oldest first; two queries."""
    questions = [block for block in consultation.questions if block.block.kind != "offer"]
    headings = [
        _("response"),
        _("received"),
        _("source"),
        _("confirmed by e-mail"),
        _("number of people"),
        _("workshop date"),
        _("table"),
        _("round"),
        _("workshop note: theme"),
        _("workshop note: type"),
        _("workshop note: text"),
        *(block.value["question"] for block in questions),
    ]
    rows = []
    responses = (
        Response.objects.filter(consultation=consultation)
        .order_by("submitted_at", "pk")
        .prefetch_related("answers")
    )
    for response in responses:
        by_question = {}
        note = None
        for answer in sorted(response.answers.all(), key=lambda answer: answer.pk):
            if not answer.question_id:
                note = answer
                continue
            cell = answer.option or answer.text or answer.value
            by_question.setdefault(answer.question_id, []).append(cell)
        row = [
            response.pk,
            local(response.submitted_at),
            response.get_source_display(),
            local(response.confirmed_at),
            response.people_count,
            response.workshop_date,
            response.workshop_table,
            response.workshop_round,
            capfirst(note.get_theme_display()) if note else "",
            note.get_note_type_display() if note else "",
            note.text if note else "",
        ]
        for block in questions:
            cells = by_question.get(block.id, [])
            row.append(cells[0] if len(cells) == 1 else "; ".join(str(cell) for cell in cells))
        rows.append(row)
    return headings, rows


def offer_table(consultation):
    """(headings, rows) of the consultation's offers, oldest first; one query."""
    headings = [
        _("response"),
        _("received"),
        _("theme"),
        _("kinds of help"),
        _("what and when"),
        _("name and surname"),
        _("e-mail"),
        _("phone"),
        _("consents to be contacted"),
        _("consent given"),
        _("stakeholder"),
        _("programme"),
    ]
    offers = (
        Offer.objects.filter(response__consultation=consultation)
        .select_related("response", "stakeholder", "programme")
        .order_by("response__submitted_at", "pk")
    )
    rows = [
        [
            offer.response_id,
            local(offer.response.submitted_at),
            capfirst(offer.get_theme_display()),
            "; ".join(str(label) for kind, label in OFFER_KINDS if getattr(offer, kind)),
            offer.description,
            offer.name,
            offer.email,
            offer.phone,
            yes_no(offer.consent_to_contact),
            local(offer.consent_at),
            offer.stakeholder.name if offer.stakeholder else "",
            offer.programme.title if offer.programme else "",
        ]
        for offer in offers
    ]
    return headings, rows


def filename(consultation, suffix=""):
    """E.g. `posvet-skupnostni-prostor-odgovori`: ASCII, whatever letters the slug has."""
    return f"posvet-{slugify(consultation.slug)}{suffix}"


def responses_csv(request, page_id):
    consultation = consultation_for_editor(request, page_id)
    return csv_response(response_table(consultation), filename(consultation, "-odgovori"))


def offers_csv(request, page_id):
    consultation = consultation_for_editor(request, page_id)
    return csv_response(offer_table(consultation), filename(consultation, "-ponudbe"))


def workbook(request, page_id):
    consultation = consultation_for_editor(request, page_id)
    sheets = [
        (_("Answers"), response_table(consultation)),
        (_("Offers"), offer_table(consultation)),
    ]
    return xlsx_response(sheets, filename(consultation))
