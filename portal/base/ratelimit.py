"""The portal's one way to limit how often something may be done: django-ratelimit,
counting in the shared `ratelimit` cache (Redis in production, so every worker and host
counts together), per client (`clientaddress.counted_address`) or per a key a limit names.

Each limit says what happens when that cache cannot count: `fail_open` lets the request
through; otherwise `Unavailable` is raised and the view answers 503. Why:
docs/decisions/0016-client-address.md.
"""

import logging

from django.conf import settings
from django_ratelimit.core import get_usage
from redis.exceptions import RedisError

from portal.base.clientaddress import counted_address

logger = logging.getLogger(__name__)


class Unavailable(Exception):
    """The counts cannot be read, and the limit does not let requests through unchecked."""


def client_key(group, request):
    # Requests whose address cannot be told share one count.
    return counted_address(request) or "unknown"


def scope_only(group, request):
    # The scope is part of the group already.
    return ""


class Limit:
    """At most `rate` ("10/15m", or a callable(group, request) giving one) per client, or,
    with `per_client=False`, per scope alone; a `scope` (a restriction, an e-mail address)
    keeps separate counts. Scopes are hashed into the cache key, never stored as given."""

    def __init__(self, group, rate, *, fail_open, per_client=True):
        self.group = group
        self.rate = rate
        self.fail_open = fail_open
        self.key = client_key if per_client else scope_only

    def reached(self, request, scope=""):
        """Whether one more would go over the limit; counts nothing."""
        usage = self._usage(request, scope, increment=False)
        return usage is not None and usage["count"] >= usage["limit"]

    def hit(self, request, scope=""):
        """Counts one; whether it went over the limit."""
        usage = self._usage(request, scope, increment=True)
        return usage is not None and usage["should_limit"]

    def _usage(self, request, scope, increment):
        try:
            return get_usage(
                request,
                group=f"{self.group}:{scope}",
                key=self.key,
                rate=self.rate,
                increment=increment,
            )
        except RedisError:
            logger.warning("Redis is unavailable; the rate limit %s cannot count.", self.group)
            if self.fail_open:
                return None
            raise Unavailable(self.group) from None


def per_hour(setting):
    """A rate of so many an hour, read from the setting named `setting` when a request is
    counted (so tests and deployments may change it): `Limit(…, per_hour("X_PER_HOUR"))`."""

    def rate(group, request):
        return f"{getattr(settings, setting)}/h"

    return rate
