"""Server-side cache of public pages for anonymous visitors, never stale after an edit.

Every page is kept for the content version it was rendered at (`portal.base.caching`,
where the vocabulary is explained): any change to public content gives every page a new
key at once, so no page is stale after an edit.

Pages also expire after `PAGE_CACHE_SECONDS`, so time-based listings ("upcoming events")
move on by themselves; a page whose content changes sooner says so with a shorter
`Cache-Control: max-age` (a space page's "open until 20.00" is kept until 20.00 at most)
and is kept only that long. What a page shows from a part that changes without a publish
(places left on an event's dates) may ask the same while it renders: `expire_within(request,
seconds)` gives the response that `max-age` at most, whichever view rendered it.

Only anonymous GET/HEAD requests (no session cookie) are served from the cache, and only
responses that are 200, set no cookie, and do not vary on the cookie are stored: nothing
personal, no CSRF token, no preview (previews live under the admin). A kept answer with
an `ETag` or `Last-Modified` (a feed, the sitemap) answers a conditional request that
matches it with a 304, as its view does.

A page is kept under the query parameters it reads, and only those: each is declared
where it is defined (`declare_query_parameters`), and `request.GET` (`QueryReads`)
records which a page read. Others in the address (`?fbclid=…`) are left out of the key
and out of what the page sees of the query string as a whole (the links that repeat it);
a page that reads one of them by name, or leaves a declared one unread, is not kept.
"""

import functools
import hashlib
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.http import QueryDict
from django.utils.cache import get_conditional_response, get_max_age, patch_cache_control
from django.utils.datastructures import MultiValueDict
from django.utils.encoding import escape_uri_path
from django.utils.http import parse_http_date_safe

from portal.base.caching import (
    content_version_per_request,
    keep_response,
    kept_response,
    response_key,
)

logger = logging.getLogger(__name__)

# --- Query parameters -------------------------------------------------------------------

# Every query parameter that some public page reads, declared where it is defined.
QUERY_PARAMETERS = set()


def declare_query_parameters(*names):
    """`names` are query parameters a public page may read: a page is kept in the cache
    under their values. One it reads without a declaration keeps it out of the cache."""
    QUERY_PARAMETERS.update(names)


def parameters_fingerprint():
    """Changes whenever a parameter is declared: a page kept while a name was unknown,
    and so left out of its key, is never served once the name counts."""
    return fingerprint_of(frozenset(QUERY_PARAMETERS))


@functools.lru_cache(maxsize=4)
def fingerprint_of(names):
    return hashlib.sha256("&".join(sorted(names)).encode()).hexdigest()[:8]


def declared_query(request):
    """The request's declared query parameters, as a new QueryDict: what links to other
    pages of the same listing carry over (any other parameter is not in the page's key)."""
    query = QueryDict(request.META.get("QUERY_STRING", ""), mutable=True, encoding=request.encoding)
    for name in [name for name in dict.keys(query) if name not in QUERY_PARAMETERS]:
        del query[name]
    return query


def query_key(query):
    """The declared parameters of `query` with their values, in a fixed order (read
    without recording them)."""
    pairs = sorted(
        (name, values) for name, values in MultiValueDict.lists(query) if name in QUERY_PARAMETERS
    )
    return urlencode(pairs, doseq=True)


class QueryReads(QueryDict):
    """`request.GET` of a public page: it holds the declared parameters (`known`; None
    for every name, as the API, whose endpoints refuse any other), which is what the page
    sees of the query string as a whole (links that repeat it, `{% querystring %}`),
    answers a read of any other parameter by its name from the whole query string, and
    records the names the page read (`names`)."""

    def __init__(self, query_string=None, mutable=False, encoding=None, known=QUERY_PARAMETERS):
        self.names = set()
        self.fingerprint = parameters_fingerprint()
        self.whole = QueryDict(query_string, encoding=encoding)
        super().__init__(mutable=True, encoding=encoding)
        for name, values in MultiValueDict.lists(self.whole):
            if known is None or name in known:
                self.setlist(name, values)
        self._mutable = mutable

    def __getitem__(self, key):
        self.names.add(key)
        return self.whole[key]

    def __contains__(self, key):
        self.names.add(key)
        return key in self.whole

    def getlist(self, key, default=None):
        self.names.add(key)
        return self.whole.getlist(key, default)

    def read_all(self):
        self.names.update(dict.keys(self))

    def __iter__(self):
        self.read_all()
        return super().__iter__()

    def __len__(self):
        self.read_all()
        return super().__len__()

    def keys(self):
        self.read_all()
        return super().keys()

    def lists(self):
        self.read_all()
        return super().lists()

    def copy(self):
        self.read_all()
        copied = QueryDict(mutable=True, encoding=self.encoding)
        for name, values in MultiValueDict.lists(self):
            copied.setlist(name, list(values))
        return copied

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def unused(self):
        """Known parameters in the query string that the page did not read."""
        return set(dict.keys(self)) - self.names


# --- The page cache ---------------------------------------------------------------------


def answered_conditionally(request, response):
    """`response`, or a 304 if the request's `If-None-Match` or `If-Modified-Since`
    matches its `ETag` or `Last-Modified` (as Django's `ConditionalGetMiddleware`)."""
    etag = response.get("ETag")
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    if not (etag or last_modified):
        return response
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


def expire_within(request, seconds):
    """The page being rendered for `request` may be kept `seconds` at most, by browsers
    and by this cache (the middleware sets its `Cache-Control: max-age`)."""
    if request is None:
        return
    asked = getattr(request, "expire_within", None)
    request.expire_within = seconds if asked is None else min(asked, seconds)


def expire_as_asked(request, response):
    """Give `response` the `max-age` its page asked for (`expire_within`), or a shorter
    one it has already."""
    asked = getattr(request, "expire_within", None)
    if asked is None:
        return response
    known = get_max_age(response)
    patch_cache_control(response, max_age=asked if known is None else min(known, asked))
    return response


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PAGE_CACHE_SECONDS
        self.skip_prefixes = tuple(settings.PAGE_CACHE_SKIP_PREFIXES)

    def cacheable_request(self, request):
        return (
            self.seconds > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.path.startswith(self.skip_prefixes)
        )

    @staticmethod
    def cacheable_response(response):
        return (
            response.status_code == 200
            and not response.cookies
            and not response.streaming
            and "cookie" not in response.get("Vary", "").lower()
            and "private" not in response.get("Cache-Control", "")
            and "no-cache" not in response.get("Cache-Control", "")
        )

    def __call__(self, request):
        with content_version_per_request():
            return self.respond(request)

    def respond(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.skip_prefixes):
            return self.get_response(request)
        query_string = request.META.get("QUERY_STRING", "")
        request.GET = reads = QueryReads(query_string, encoding=request.encoding)
        if not self.cacheable_request(request):
            return expire_as_asked(request, self.get_response(request))
        cached = self.lookup(self.key(request, reads))
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return answered_conditionally(request, cached)
        response = self.get_response(request)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()  # what it shows may ask for a shorter max-age
        expire_as_asked(request, response)
        if self.cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if not self.keyable(request, reads):
                return response
            # One piece of content: a response written in many pieces (a feed writes one
            # per element) would be sent to every later visitor in as many writes.
            response.content = response.content
            self.store(self.key(request, reads), response)
            response["X-Cache"] = "MISS"
        return response

    def key(self, request, query):
        return response_key(
            "page",
            parameters_fingerprint(),
            request.get_host(),
            f"{escape_uri_path(request.path)}?{query_key(query)}",
        )

    @staticmethod
    def keyable(request, reads):
        """Whether the page follows from its path and declared parameters alone."""
        undeclared = reads.names - QUERY_PARAMETERS
        if undeclared:
            logger.warning(
                "%s reads undeclared query parameters (%s): not cached. Declare them with "
                "`declare_query_parameters`.",
                request.path,
                ", ".join(sorted(undeclared)),
            )
        # A parameter declared during the request (its module was first imported to serve
        # it) may be missing from what the page saw and from the key: not kept this once.
        if reads.fingerprint != parameters_fingerprint():
            return False
        # A declared parameter the page does not read would only multiply its copies.
        return not (undeclared or reads.unused())

    @staticmethod
    def lookup(key):
        return kept_response(key)

    def store(self, key, response):
        seconds = self.seconds
        max_age = get_max_age(response)
        if max_age is not None:
            seconds = min(seconds, max_age)
        keep_response(key, response, seconds)
