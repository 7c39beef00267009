"""Server-side cache of public pages for anonymous visitors, never stale after an edit.

Every stored page carries the content version it was rendered at. The version lives in
the database (`ContentVersion`, one row): any change to public content (publish,
unpublish, move or delete of a page; a change to a model registered with
`affects_public_pages`, view restrictions included) writes a new one in the same
transaction, so the change and its new version are committed together or not at all.
The shared `versions` cache keeps a copy for `CONTENT_VERSION_SECONDS`, so a request
costs one cache read, and a copy that missed a write (the cache was down) is replaced
from the database within those seconds. While the cache is down each process reads the
database at most once every `DATABASE_MEMO_SECONDS` and keeps serving what it holds in
its own memory under that version (docs/decisions/0018-content-version-in-the-database.md).

Pages also expire after `PAGE_CACHE_SECONDS`, so time-based listings ("upcoming events")
move on by themselves; a page whose content changes sooner says so with a shorter
`Cache-Control: max-age` (a space page's "open until 20.00" is kept until 20.00 at most)
and is kept only that long.

Only anonymous GET/HEAD requests (no session cookie) are served from the cache, and only
responses that are 200, set no cookie, and do not vary on the cookie are stored: nothing
personal, no CSRF token, no preview (previews live under the admin).

A page is kept under the query parameters it reads, and only those: each is declared
where it is defined (`declare_query_parameters`), and `request.GET` (`QueryReads`)
records which a page read. Others in the address (`?fbclid=…`) are left out of the key
and out of what the page sees of the query string as a whole (the links that repeat it);
a page that reads one of them by name, or leaves a declared one unread, is not kept.
"""

import functools
import hashlib
import logging
import time
import uuid
from contextvars import ContextVar
from urllib.parse import urlencode

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import QueryDict
from django.utils.cache import get_max_age
from django.utils.datastructures import MultiValueDict
from django.utils.encoding import escape_uri_path
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "portal:content-version"
# While the shared copy is missing (expired, or the cache is down) a process reads the
# version from the database at most this often.
DATABASE_MEMO_SECONDS = 1
logger = logging.getLogger(__name__)

# Within one request the version is read once however often it is asked for (page cache,
# menu, listings); outside a request (commands, shells) every call reads the shared cache.
_this_request = ContextVar("content_version_of_this_request", default=None)

# The version this process last read from the database, and when (time.monotonic()).
_from_database = {"version": None, "at": 0.0}


def content_version():
    """The current content version: this connection's own while it has changes not yet
    committed, else the shared copy, else the database's."""
    memo = _this_request.get()
    if memo:
        return memo["version"]
    change = uncommitted_change()
    version = change.seen if change else shared_copy() or committed_version()
    if memo is not None:
        memo["version"] = version
    return version


class content_version_per_request:
    """Context manager: `content_version()` reads the shared cache at most once inside."""

    def __enter__(self):
        self.token = _this_request.set({})

    def __exit__(self, *exc_info):
        _this_request.reset(self.token)


def shared_copy():
    try:
        return caches["versions"].get(VERSION_KEY)
    except Exception:
        logger.warning("Content version unavailable; the cache is down.", exc_info=True)
        return None


def content_version_model():
    # By its name, as Django looks up a model it cannot import: `portal.base.models`
    # imports this module (through `versioned`).
    return apps.get_model("base", "ContentVersion")


def committed_version():
    """The version in the database, shared again for `CONTENT_VERSION_SECONDS`."""
    ContentVersion = content_version_model()
    known = _from_database
    if known["version"] and time.monotonic() - known["at"] < DATABASE_MEMO_SECONDS:
        return known["version"]
    version = ContentVersion.objects.filter(pk=1).values_list("value", flat=True).first()
    if version is None:  # a database emptied since it was migrated
        version = uuid.uuid4().hex
        ContentVersion.objects.update_or_create(pk=1, defaults={"value": version})
    remember_committed(version, share=False)
    return version


def remember_committed(version, share=True):
    """`version` is committed: this process uses it while the shared copy is missing, and
    the copy holds it (`share`; a copy already there, possibly newer, is kept otherwise)."""
    _from_database.update(version=version, at=time.monotonic())
    cache = caches["versions"]
    seconds = settings.CONTENT_VERSION_SECONDS
    try:
        if share:
            cache.set(VERSION_KEY, version, seconds)
        else:
            cache.add(VERSION_KEY, version, seconds)
    except Exception:
        # The copy is renewed from the database once the cache is back; but say so.
        logger.exception("Could not share the content version; the cache is unavailable.")


class VersionChange:
    """The content changes of one transaction: their version is written to the database
    at the first change and shared once the transaction commits (`on_commit`). Until
    then only this connection sees its changes, under a version of its own (`seen`) that
    moves on at every change and that no other request ever uses."""

    def __init__(self, committed):
        self.committed = committed
        self.seen = uuid.uuid4().hex
        self.done = False

    def __call__(self):
        self.done = True
        remember_committed(self.committed)


def uncommitted_change():
    """This connection's `VersionChange` while its transaction is open. Django drops the
    callbacks of a transaction, or savepoint, that rolls back: so does this."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return None
    for _savepoints, callback, _robust in connection.run_on_commit:
        if isinstance(callback, VersionChange) and not callback.done:
            return callback
    return None


def bump_content_version(**kwargs):
    """A new content version for a change to public content: one database write per
    transaction, however many rows it changes."""
    ContentVersion = content_version_model()
    change = uncommitted_change()
    if change is not None:
        change.seen = uuid.uuid4().hex
        version = change.seen
    else:
        committed = uuid.uuid4().hex
        if not ContentVersion.objects.filter(pk=1).update(value=committed):
            ContentVersion.objects.update_or_create(pk=1, defaults={"value": committed})
        if transaction.get_connection().in_atomic_block:
            change = VersionChange(committed)
            transaction.on_commit(change)
            version = change.seen
        else:
            remember_committed(committed)
            version = committed
    memo = _this_request.get()
    if memo is not None:
        memo["version"] = version  # what this request renders from now on is the new content
    return version


def affects_public_pages(model):
    """Saving or deleting a row of `model`, or changing its many-to-many links, changes
    what public pages show."""
    post_save.connect(bump_content_version, sender=model, weak=False)
    post_delete.connect(bump_content_version, sender=model, weak=False)
    for field in model._meta.many_to_many:
        m2m_changed.connect(bump_content_version, sender=field.remote_field.through, weak=False)
    return model


def connect_page_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, weak=False)
    post_delete.connect(page_deleted, weak=False)
    post_save.connect(alias_created, weak=False)


def alias_created(sender, instance, created, **kwargs):
    """Wagtail sends no signal when it creates an alias, which shares its original's view
    restrictions (`portal.base.privacy` keeps a list of aliases per version)."""
    from wagtail.models import Page

    if created and isinstance(instance, Page) and instance.alias_of_id:
        bump_content_version()


def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        bump_content_version()


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


def settings_fingerprint():
    values = [getattr(settings, name, None) for name in settings.PAGE_CACHE_VARY_ON_SETTINGS]
    return hashlib.sha256(repr(values).encode()).hexdigest()[:12]


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.seconds = settings.PAGE_CACHE_SECONDS
        self.skip_prefixes = tuple(settings.PAGE_CACHE_SKIP_PREFIXES)
        self.settings_key = settings_fingerprint()

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
            return self.get_response(request)
        cached = self.lookup(self.key(request, reads))
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
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
        return (
            f"portal:page:{content_version()}:{self.settings_key}:{parameters_fingerprint()}:"
            f"{request.get_host()}:{escape_uri_path(request.path)}?{query_key(query)}"
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

    # Each process keeps the pages it served in memory too ("local"), so most hits cost no
    # round trip to the shared cache. The content version in the key keeps that safe: a
    # publish anywhere gives every worker a new key at once. The shared entry carries its
    # expiry, so a local copy never outlives it.

    def lookup(self, key):
        try:
            response = caches["local"].get(key)
            if response is not None:
                return response
            entry = caches["default"].get(key)
        except Exception:
            # Without the cache the site is slower, not down.
            logger.warning("Page cache unavailable; rendering without it.", exc_info=True)
            return None
        if entry is None:
            return None
        expires_at, response = entry
        remaining = expires_at - time.time()
        if remaining <= 0:
            return None
        caches["local"].set(key, response, remaining)
        return response

    def store(self, key, response):
        seconds = self.seconds
        max_age = get_max_age(response)
        if max_age is not None:
            seconds = min(seconds, max_age)
        if seconds <= 0:
            return
        try:
            caches["local"].set(key, response, seconds)
            caches["default"].set(key, (time.time() + seconds, response), seconds)
        except Exception:
            logger.warning("Page cache unavailable; not storing.", exc_info=True)
