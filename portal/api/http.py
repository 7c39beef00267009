"""HTTP for the API under `/api/`: read-only methods, CORS for the origins in
`API_CORS_ORIGINS` (and for any origin on the event dates, which the embeddable widget
reads: `OPEN_TO_ANY_ORIGIN`), `ETag`/`Last-Modified` with 304 on revalidation, `Cache-Control` for
clients and CDNs, and a cache of answers in this server.

An answer is kept for the content version (`portal.base.caching`): a publish, move or
delete anywhere gives every answer a new key and a new ETag at once. It is kept for
`API_CACHE_SECONDS` at most, so lists that move with the clock ("from now") move on too.
The HTML page cache leaves `/api/` alone: its entries would carry one caller's CORS
headers to another and outlive the API's `max-age`.

An answer that follows more than published content (a consultation's counts grow with
each answer, and answers publish nothing) says so with `Cache-Control: LIVE`: it is never
kept here, and clients and CDNs revalidate it each time; its ETag still spares them the
body while it has not changed.
"""

import hashlib
import logging

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _

from portal.base.caching import (
    content_version,
    first_seen,
    keep_response,
    kept_response,
    response_key,
)
from portal.base.pagecache import QueryReads

PREFIX = "/api/"
SAFE_METHODS = ("GET", "HEAD")
ALLOWED = "GET, HEAD, OPTIONS"
# Request headers a cross-origin script may send (besides the CORS-safelisted ones).
ALLOWED_HEADERS = ["Accept", "Accept-Language", "If-None-Match", "If-Modified-Since"]
# Response headers a cross-origin script may read (besides the safelisted ones).
EXPOSED_HEADERS = ["ETag", "Last-Modified"]
PREFLIGHT_MAX_AGE = 24 * 60 * 60
# Readable by scripts of any site: the events widget (`portal.embed`) runs on sites the
# portal's admin never listed. Public data, the same for every caller, and answered
# `Access-Control-Allow-Origin: *`, which browsers never combine with credentials
# (docs/decisions/0014-embeddable-events-widget.md).
OPEN_TO_ANY_ORIGIN = ("/api/v2/events/",)
# The `Cache-Control` of an answer that may change without a publish (see above).
LIVE = "public, no-cache"

logger = logging.getLogger(__name__)


class ApiHttpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Allow"] = ALLOWED
            return with_cors(request, response, preflight=True)
        if request.method not in SAFE_METHODS:
            response = JsonResponse({"message": _("The API only reads: use GET.")}, status=405)
            response["Allow"] = ALLOWED
            return with_cors(request, response)
        return with_cors(request, self.answer(request))

    def answer(self, request):
        stored = self.lookup(request)
        if stored is None:
            request.GET = reads = QueryReads(
                request.META.get("QUERY_STRING", ""), encoding=request.encoding, known=None
            )
            response = self.get_response(request)
            if not is_storable(response):
                if response.status_code == 404 and not is_json(response):
                    response = JsonResponse(
                        {"message": _("There is no such address in the API.")}, status=404
                    )
                return response
            live = response.get("Cache-Control") == LIVE
            stored = self.make_entry(response, live)
            # An endpoint reads every parameter (and refuses those it does not take); an
            # answer that leaves some unread would be kept once for every junk address.
            cache_state = None if reads.unused() or live else "MISS"
            if cache_state:
                self.store(request, stored)
        else:
            cache_state = "HIT"
        response = from_entry(stored)
        if self.seconds() and cache_state:
            response["X-Cache"] = cache_state
        return get_conditional_response(
            request,
            etag=stored["etag"],
            last_modified=stored["last_modified"],
            response=response,
        )

    # --- The cache of answers ------------------------------------------------------------

    @staticmethod
    def seconds():
        """How long answers are kept here; the page cache's switch turns this off too."""
        if settings.PAGE_CACHE_SECONDS <= 0:
            return 0
        return settings.API_CACHE_SECONDS

    @staticmethod
    def key(request):
        # The address is hashed: a key stays short whatever query a client sends.
        asked = f"{request.scheme}:{request.get_host()}:{request.get_full_path()}"
        return response_key("api", hashlib.sha256(asked.encode()).hexdigest()[:40])

    def lookup(self, request):
        if not self.seconds():
            return None
        return kept_response(self.key(request))

    def store(self, request, entry):
        keep_response(self.key(request), entry, self.seconds())

    @staticmethod
    def make_entry(response, live=False):
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        body = response.content
        etag = (
            '"' + hashlib.sha256(content_version().encode() + b"\n" + body).hexdigest()[:32] + '"'
        )
        return {
            "body": body,
            "content_type": response["Content-Type"],
            "etag": etag,
            "last_modified": first_seen(f"api:{etag}"),
            "live": live,
        }


def is_storable(response):
    return response.status_code == 200 and not response.streaming and not response.cookies


def is_json(response):
    return response.get("Content-Type", "").startswith("application/json")


def from_entry(entry):
    response = HttpResponse(entry["body"], content_type=entry["content_type"])
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["last_modified"])
    response["Cache-Control"] = (
        LIVE if entry.get("live") else f"public, max-age={settings.API_CACHE_SECONDS}"
    )
    return response


# --- CORS ---------------------------------------------------------------------------------


def allowed_origin(request):
    """What `Access-Control-Allow-Origin` answers: `*` on the paths open to any origin,
    the request's origin if `API_CORS_ORIGINS` lets it read the API, else None."""
    if request.path in OPEN_TO_ANY_ORIGIN:
        return "*"
    origin = request.headers.get("Origin")
    origins = settings.API_CORS_ORIGINS
    if not origin or not origins:
        return None
    if "*" in origins or origin in origins:
        return origin
    return None


def with_cors(request, response, preflight=False):
    origin = allowed_origin(request)
    if origin != "*":
        # Caches keep answers to different origins apart (and from answers without one).
        patch_vary_headers(response, ["Origin"])
    if origin is None:
        return response
    if preflight:
        method = request.headers.get("Access-Control-Request-Method", "")
        if method not in SAFE_METHODS:
            return response
        response["Access-Control-Allow-Methods"] = ALLOWED
        response["Access-Control-Allow-Headers"] = ", ".join(ALLOWED_HEADERS)
        response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
        patch_vary_headers(
            response, ["Access-Control-Request-Method", "Access-Control-Request-Headers"]
        )
    else:
        response["Access-Control-Expose-Headers"] = ", ".join(EXPOSED_HEADERS)
    response["Access-Control-Allow-Origin"] = origin
    return response
