"""At most `BOOKING_REQUESTS_PER_HOUR` sent requests from one client an hour. Failed
submissions are not counted: they save and send nothing."""

from django.conf import settings

from portal.base.ratelimit import Limit


def hourly_rate(group, request):
    return f"{settings.BOOKING_REQUESTS_PER_HOUR}/h"


# Without the cache, no limit rather than no form: a person reads every request, and the
# honeypot still keeps robots out.
SENT = Limit("bookings:sent", hourly_rate, fail_open=True)


def exceeded(request):
    return SENT.reached(request)


def count(request):
    SENT.hit(request)
