"""At most `CONSULTATION_ANSWERS_PER_HOUR` answers from one client an hour (a household
or a school behind one address may answer several times). Failed submissions are not
counted: they save nothing."""

from django.conf import settings

from portal.base.ratelimit import Limit


def hourly_rate(group, request):
    return f"{settings.CONSULTATION_ANSWERS_PER_HOUR}/h"


# Without the cache, no limit rather than no form: the honeypot still keeps robots out.
SENT = Limit("consultations:sent", hourly_rate, fail_open=True)


def exceeded(request):
    return SENT.reached(request)


def count(request):
    SENT.hit(request)
