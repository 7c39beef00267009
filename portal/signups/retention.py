"""How long a sign-up keeps the person's personal data: until `SIGNUP_RETENTION_MONTHS`
months after its date. Then `remove_expired_personal_data` blanks the name, e-mail, phone,
answers and the cancel key; the status, places and attendance stay, so the utilisation
report still counts the people reached. Registered as the "signups" policy of
`portal.base.retention` (see `apps.py`)."""

from dateutil.relativedelta import relativedelta
from django.conf import settings

from portal.base import clock
from portal.base.retention import Policy
from portal.signups.models import SignUp


def cutoff(now=None):
    return (now or clock.now()) - relativedelta(months=settings.SIGNUP_RETENTION_MONTHS)


def due(now=None):
    """Sign-ups whose date started before the cutoff, still holding personal data."""
    return SignUp.objects.filter(anonymised_at__isnull=True, date__start__lt=cutoff(now)).order_by(
        "pk"
    )


def anonymise(pks, now=None):
    """Remove the personal data of the sign-ups `pks`; the number changed."""
    return SignUp.objects.filter(pk__in=pks, anonymised_at__isnull=True).update(
        name="",
        email="",
        phone="",
        answers={},
        cancel_key="",
        anonymised_at=now or clock.now(),
    )


policy = Policy(
    name="signups",
    setting="SIGNUP_RETENTION_MONTHS",
    due=due,
    anonymise=anonymise,
    rows="event sign-ups",
    found="{count} event sign-ups for dates more than {period} months ago still hold "
    "personal data.",
)
