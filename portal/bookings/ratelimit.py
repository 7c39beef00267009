"""At most `BOOKING_REQUESTS_PER_HOUR` sent requests from one client an hour. Failed
submissions are not counted (views call `SENT.hit` only once one is saved): they save and
send nothing."""

from portal.base.ratelimit import Limit, per_hour

# Without the cache, no limit rather than no form: a person reads every request, and the
# honeypot still keeps robots out.
SENT = Limit("bookings:sent", per_hour("BOOKING_REQUESTS_PER_HOUR"), fail_open=True)
