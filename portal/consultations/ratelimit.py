"""At most `CONSULTATION_ANSWERS_PER_HOUR` answers from one client an hour (a household
or a school behind one address may answer several times). Failed submissions are not
counted (views call `SENT.hit` only once one is saved): they save nothing."""

from portal.base.ratelimit import Limit, per_hour

# Without the cache, no limit rather than no form: the honeypot still keeps robots out.
SENT = Limit("consultations:sent", per_hour("CONSULTATION_ANSWERS_PER_HOUR"), fail_open=True)
