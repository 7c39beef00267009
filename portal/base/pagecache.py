"""Server-side cache of public pages for anonymous visitors, never stale after an edit.

Every stored page carries the content version it was rendered at. Any change to public
content (publish, unpublish, move or delete of a page; a change to a model registered
with `affects_public_pages`) sets a new version in the shared `versions` cache, so the
next request on every worker and every host renders afresh. Pages also expire after
`PAGE_CACHE_SECONDS`, so time-based listings ("upcoming events") move on by themselves.

Only anonymous GET/HEAD requests (no session cookie) are served from the cache, and only
responses that are 200, set no cookie, and do not vary on the cookie are stored: nothing
personal, no CSRF token, no preview (previews live under the admin).
"""

import hashlib
import logging
import time
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "portal:content-version"
logger = logging.getLogger(__name__)

# Within one request the version is read once however often it is asked for (page cache,
# menu, listings); outside a request (commands, shells) every call reads the shared cache.
_this_request = ContextVar("content_version_of_this_request", default=None)


def content_version():
    """The current content version; a fresh one (so: nothing cached) if the cache is down."""
    memo = _this_request.get()
    if memo:
        return memo["version"]
    try:
        version = caches["versions"].get(VERSION_KEY)
    except Exception:
        logger.warning("Content version unavailable; the cache is down.", exc_info=True)
        version = uuid.uuid4().hex
    if version is None:
        version = bump_content_version()
    if memo is not None:
        memo["version"] = version
    return version


class content_version_per_request:
    """Context manager: `content_version()` reads the shared cache at most once inside."""

    def __enter__(self):
        self.token = _this_request.set({})

    def __exit__(self, *exc_info):
        _this_request.reset(self.token)


def bump_content_version(**kwargs):
    """A new content version now, and again when the surrounding transaction commits: a
    request that reads the new version before the commit still sees the old rows and
    may cache them under it, so the version moves on once the rows are there for all."""
    version = set_new_version()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(set_new_version)
    return version


def set_new_version():
    version = uuid.uuid4().hex
    memo = _this_request.get()
    if memo is not None:
        memo["version"] = version  # what this request renders from now on is the new content
    try:
        caches["versions"].set(VERSION_KEY, version, timeout=None)
    except Exception:
        # The page cache is down too, so nothing stale can be served from it; but say so.
        logger.exception("Could not record a new content version; the cache is unavailable.")
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
        if not self.cacheable_request(request):
            return self.get_response(request)
        key = (
            f"portal:page:{content_version()}:{self.settings_key}:"
            f"{request.get_host()}:{request.get_full_path()}"
        )
        cached = self.lookup(key)
        if cached is not None:
            cached["X-Cache"] = "HIT"
            return cached
        response = self.get_response(request)
        if self.cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # One piece of content: a response written in many pieces (a feed writes one
            # per element) would be sent to every later visitor in as many writes.
            response.content = response.content
            self.store(key, response)
            response["X-Cache"] = "MISS"
        return response

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
        try:
            caches["local"].set(key, response, self.seconds)
            caches["default"].set(key, (time.time() + self.seconds, response), self.seconds)
        except Exception:
            logger.warning("Page cache unavailable; not storing.", exc_info=True)
