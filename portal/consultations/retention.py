"""How long a consultation keeps residents' personal data (`PERSONAL_DATA` in models.py):
until `CONSULTATION_RETENTION_MONTHS` months after it closes. Then the "consultations"
policy of `portal.base.retention` blanks the contact and description of each offer (and
marks it anonymised) and the free text of each answer. The counts stay, as do the texts an
editor approved for the public results (checked to name no one), and what the offers
became: a stakeholder or programme is the KS's own record, made with the resident's
consent.

The prize draw's addresses (`DrawEntry`) have a policy of their own: a draw deletes its
consultation's entries at once; a consultation closed more than
`CONSULTATION_DRAW_ENTRY_RETENTION_DAYS` days ago whose draw never came loses them here."""

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import Q

from portal.base import clock
from portal.base.retention import Policy
from portal.consultations.answers import PERSONAL_DATA, Answer, DrawEntry, Offer, Response


def cutoff(now=None):
    return (now or clock.now()) - relativedelta(months=settings.CONSULTATION_RETENTION_MONTHS)


def personal_answers():
    return Answer.objects.exclude(text="").filter(approved_for_publication=False)


def due(now=None):
    """Responses to consultations closed before the cutoff that still hold personal data."""
    return (
        Response.objects.filter(consultation__closes_at__lt=cutoff(now))
        .filter(
            Q(pk__in=Offer.objects.filter(anonymised_at__isnull=True).values("response"))
            | Q(pk__in=personal_answers().values("response"))
        )
        .order_by("pk")
    )


@transaction.atomic
def anonymise(pks, now=None):
    """Blank the personal data of the responses `pks`; how many responses it changed."""
    offers = Offer.objects.filter(response__in=pks, anonymised_at__isnull=True)
    answers = personal_answers().filter(response__in=pks)
    changed = set(offers.values_list("response", flat=True))
    changed |= set(answers.values_list("response", flat=True))
    offers.update(anonymised_at=now or clock.now(), **dict.fromkeys(PERSONAL_DATA[Offer], ""))
    answers.update(**dict.fromkeys(PERSONAL_DATA[Answer], ""))
    return len(changed)


policy = Policy(
    name="consultations",
    setting="CONSULTATION_RETENTION_MONTHS",
    due=due,
    anonymise=anonymise,
    rows="consultation responses",
    found="{count} consultation responses to consultations closed more than {period} months "
    "ago still hold personal data.",
)


def draw_entries_due(now=None):
    """Entries of consultations closed before the cutoff (a drawn one has none left)."""
    cutoff = (now or clock.now()) - datetime.timedelta(
        days=settings.CONSULTATION_DRAW_ENTRY_RETENTION_DAYS
    )
    return DrawEntry.objects.filter(consultation__closes_at__lt=cutoff).order_by("pk")


def delete_draw_entries(pks):
    """Delete the entries `pks`; the number deleted."""
    count, _by_model = DrawEntry.objects.filter(pk__in=pks).delete()
    return count


draw_entries = Policy(
    name="draw_entries",
    setting="CONSULTATION_DRAW_ENTRY_RETENTION_DAYS",
    due=draw_entries_due,
    anonymise=delete_draw_entries,
    rows="prize draw entries",
    found="{count} prize draw entries of consultations closed more than {period} days ago "
    "with no draw.",
)
