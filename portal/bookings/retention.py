"""How long a request keeps the requester's personal data: until `BOOKING_RETENTION_MONTHS`
months after its last date. Then `anonymise_bookings` removes the name, e-mail, phone and
free text (the reasons given for declined dates too, which may name people); what the
space was used for, when and by how many stays for the KS's records
(the purpose only of public bookings: a private one's may name people). Registered as
the "bookings" policy of `portal.base.retention` (see `apps.py`)."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Max
from django.utils.translation import gettext as _

from portal.base import clock
from portal.base.retention import Policy
from portal.bookings.models import BookingDate, BookingRequest


def cutoff(now=None):
    return (now or clock.now()) - relativedelta(months=settings.BOOKING_RETENTION_MONTHS)


def due(now=None):
    """Requests whose personal data is due for removal, not yet removed."""
    return (
        BookingRequest.objects.filter(anonymised_at__isnull=True)
        .annotate(last_end=Max("dates__end"))
        .filter(last_end__lt=cutoff(now))
        .order_by("pk")
    )


def anonymise(pks, now=None):
    """Remove the personal data of the requests `pks`; the number changed."""
    rows = BookingRequest.objects.filter(pk__in=pks, anonymised_at__isnull=True)
    BookingDate.objects.filter(request__in=rows).exclude(reason="").update(reason="")
    cleared = {
        "name": "",
        "email": "",
        "phone": "",
        "description": "",
        "decision_message": "",
        "anonymised_at": now or clock.now(),
    }
    count = rows.filter(is_public=True).update(**cleared)
    count += rows.filter(is_public=False).update(purpose=_("private use"), **cleared)
    return count


policy = Policy(
    name="bookings",
    setting="BOOKING_RETENTION_MONTHS",
    due=due,
    anonymise=anonymise,
    rows="booking requests",
    found="{count} booking requests ended more than {period} months ago and still hold "
    "personal data.",
)
