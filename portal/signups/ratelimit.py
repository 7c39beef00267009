"""At most `SIGNUPS_PER_HOUR` sign-ups from one client an hour, and as many for one e-mail
address from anywhere (so no one is mail-bombed with confirmations). Failed submissions
are not counted: views call `hit` only once a sign-up is saved."""

from portal.base.ratelimit import Limit, per_hour

# Without the cache, no limit rather than no form: the honeypot still keeps robots out.
SENT = Limit("signups:sent", per_hour("SIGNUPS_PER_HOUR"), fail_open=True)
PER_ADDRESS = Limit(
    "signups:address", per_hour("SIGNUPS_PER_HOUR"), fail_open=True, per_client=False
)


def address_scope(email):
    return email.strip().lower()
