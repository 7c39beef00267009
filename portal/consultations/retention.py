"""How long the addresses of a prize draw are kept: a draw deletes its consultation's
entries at once; a consultation closed more than `CONSULTATION_DRAW_ENTRY_RETENTION_DAYS`
days ago whose draw never came loses them here (`due`, then `delete`)."""

import datetime

from django.conf import settings

from portal.base import clock
from portal.consultations.models import DrawEntry


def cutoff(now=None):
    return (now or clock.now()) - datetime.timedelta(
        days=settings.CONSULTATION_DRAW_ENTRY_RETENTION_DAYS
    )


def due(now=None):
    """Entries of consultations closed before the cutoff (a drawn one has none left)."""
    return DrawEntry.objects.filter(consultation__closes_at__lt=cutoff(now)).order_by("pk")


def delete(pks):
    """Delete the entries `pks`; the number deleted."""
    count, _by_model = DrawEntry.objects.filter(pk__in=pks).delete()
    return count
