"""The signed link in every mail that cancels one sign-up, without an account.

The token signs the sign-up's pk and its random `cancel_key`; the key is blanked when the
sign-up is cancelled (or anonymised), so a link works once, and a signature names one row
only: no link can be turned into another person's. It expires after
`SIGNUP_CANCEL_LINK_DAYS` days."""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare

from portal.signups.models import SignUp
from portal.signups.routes import CANCEL_ROUTE, route_url

SALT = "portal.signups.cancel"
TOKEN_PARAMETER = "kljuc"


def cancel_token(signup):
    return signing.dumps({"s": signup.pk, "k": signup.cancel_key}, salt=SALT, compress=True)


def signup_for_token(token, event=None):
    """The sign-up the token names, if the token is genuine, unexpired, still unused and
    (given `event`) for that event; else None."""
    try:
        data = signing.loads(
            token, salt=SALT, max_age=settings.SIGNUP_CANCEL_LINK_DAYS * 24 * 60 * 60
        )
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int):
        return None
    signup = SignUp.objects.select_related("date__event").filter(pk=data["s"]).first()
    if signup is None or (event is not None and signup.date.event_id != event.pk):
        return None
    key = data.get("k")
    if not signup.cancel_key or not isinstance(key, str):
        return signup if signup.status == SignUp.Status.CANCELLED else None
    if not constant_time_compare(key, signup.cancel_key):
        return None
    return signup


def cancel_url(signup):
    """The cancel link of `signup` (a path: mails make it absolute)."""
    path = route_url(signup.date.event, CANCEL_ROUTE)
    return f"{path}?{urlencode({TOKEN_PARAMETER: cancel_token(signup)})}"
