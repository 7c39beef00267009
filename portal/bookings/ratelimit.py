"""At most `BOOKING_REQUESTS_PER_HOUR` requests from one address an hour, counted in the
shared cache (so every worker and host counts together)."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 60 * 60


def key(request):
    return f"portal:bookings:sent:{get_client_ip_address(request) or 'unknown'}"


def exceeded(request):
    try:
        return (cache.get(key(request)) or 0) >= settings.BOOKING_REQUESTS_PER_HOUR
    except Exception:
        # Without the cache, no limit rather than no form.
        return False


def count(request):
    try:
        if not cache.add(key(request), 1, WINDOW_SECONDS):
            cache.incr(key(request))
    except Exception:
        pass
