"""The requester's signed link to cancel their request: no account needed, and it
stops working after `BOOKING_CANCEL_LINK_DAYS` days."""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing

from portal.bookings.models import BookingRequest
from portal.bookings.routes import CANCEL_ROUTE

SALT = "portal.bookings.cancel"
TOKEN_PARAMETER = "kljuc"


def cancel_token(booking):
    return signing.dumps(booking.pk, salt=SALT, compress=True)


def booking_for_token(token):
    """The request the token names, or None if it is forged, expired or gone."""
    try:
        pk = signing.loads(
            token, salt=SALT, max_age=settings.BOOKING_CANCEL_LINK_DAYS * 24 * 60 * 60
        )
    except signing.BadSignature:
        return None
    return BookingRequest.objects.select_related("space").filter(pk=pk).first()


def cancel_url(booking):
    path = booking.space.get_url() + booking.space.reverse_subpage(CANCEL_ROUTE)
    return f"{path}?{urlencode({TOKEN_PARAMETER: cancel_token(booking)})}"
