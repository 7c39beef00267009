"""How often one client may try a password or ask for a password reset (counted by
`portal.base.ratelimit`); why each fails closed: docs/decisions/0016-client-address.md."""

from portal.base.ratelimit import Limit

# A page's or a collection's password is shared and often short: this limit is all that
# stands between a guesser and it, so while the counts cannot be read, none is checked.
# Counted per view restriction (the secret), not per page: any page id goes in the URL.
VIEW_PASSWORD = Limit("access:view-password", "10/15m", fail_open=False)

# Reset mails, per client and per address mailed (so that many clients cannot flood one
# inbox). A reset is never urgent enough to send mail that nothing counts.
RESET_PER_CLIENT = Limit("access:password-reset", "5/h", fail_open=False)
RESET_PER_EMAIL = Limit("access:password-reset-email", "3/h", fail_open=False, per_client=False)
