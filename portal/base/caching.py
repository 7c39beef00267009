"""The portal's one caching layer. Everything the portal caches goes through here, on
Django's cache framework, in one vocabulary:

**content version**
    One value that every change to public content renews: publish, unpublish, move or
    delete of a page, and a save or delete of a model registered with
    `affects_public_pages` (view restrictions included). It lives in the database
    (`ContentVersion`, one row), written in the same transaction as the change, so a
    change and its new version are committed together or not at all; the shared
    `versions` cache holds a copy for `CONTENT_VERSION_SECONDS` (decision 0018).

**kept** (for the content version)
    A value worked out from public content, stored under its *name*, a *key* and the
    current content version. Nothing kept is ever deleted or "invalidated": the next
    content version simply looks under other keys, and the old entries expire. So a kept
    value is never stale after an edit, and never read by other code either: the shared
    caches' keys begin with the code revision (`portal/settings/revision.py`).

**where it is kept**
    *In this process* (every gunicorn worker for itself: no round trip, still there while
    Redis is down) and, for what is costly to build, *shared* (`caches["default"]`, Redis
    in production: every worker and host builds it once a version). In this process, a
    few values of a name are kept as the objects they are (`kept`, at most `limit` keys);
    many small ones (HTML of listed items, `kept_html`; rows of a listing, `kept_many`)
    and whole responses go to `caches["local"]`, bounded in bytes (`LOCAL_CACHE_MB`).

**for how long**
    Until the content version changes, and at most a day (`KEPT_SECONDS`); responses at
    most as long as they may be cached (`keep_response`): lists "from now" move on with
    the clock.

**revalidated** (by clients)
    A feed or the sitemap tells readers, calendar applications and caches in between how
    long they may keep it (`Cache-Control`) and how to ask again: its `ETag` follows the
    content version, its `Last-Modified` is when any process first gave that ETag. A
    request that names what the client has gets a 304, without the view rendering
    anything (Django's `condition`); so does one the page cache answers.

The functions:

- `kept(name, build, key=None, shared=False, limit=64)`: `build()` once a version;
- `kept_many(name, keys, build)`: the values for `keys`, building only the missing ones;
- `kept_html(name, key, render)`: HTML rendered once a version (per language);
- `kept_response(key)` / `keep_response(key, value, seconds)`: whole answers (the page
  cache, `portal.base.pagecache`, and the API's, `portal.api.http`), in this process
  and shared, with their expiry;
- `first_seen(name)`: when any process first saw `name` (an API answer's `Last-Modified`);
- `revalidated(view)`: `ETag`, `Last-Modified`, `Cache-Control` and 304s for a view;
- `content_version()`, `bump_content_version()`, `affects_public_pages(model)`.

The cache backends themselves (Redis failing open, the process's memory bounded in
bytes) are `portal/base/cache_backends.py`; rate-limit counts and sessions are not
content and keep their own caches (settings).
"""

import datetime
import functools
import hashlib
import logging
import time
import uuid
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

KEPT_SECONDS = 24 * 60 * 60


# --- The content version ------------------------------------------------------------------

VERSION_KEY = "portal:content-version"
# While the shared copy is missing (expired, or the cache is down) a process reads the
# version from the database at most this often.
DATABASE_MEMO_SECONDS = 1

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
    # imports this module.
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


def is_page(instance):
    return isinstance(instance, apps.get_model("wagtailcore", "Page"))


def alias_created(sender, instance, created, **kwargs):
    """Wagtail sends no signal when it creates an alias, which shares its original's view
    restrictions (`portal.base.privacy` keeps a list of aliases per version)."""
    if created and is_page(instance) and instance.alias_of_id:
        bump_content_version()


def page_deleted(sender, instance, **kwargs):
    if is_page(instance):
        bump_content_version()


def forget_this_process():
    """Forget what this process keeps of its own (values and the version it last read
    from the database): the next use reads the shared caches and the database again.
    For tests, whose databases all start at the same version."""
    _in_this_process.clear()
    _from_database.update(version=None, at=0.0)


# --- Kept values ------------------------------------------------------------------------

# name -> (version, {key: value}): what `kept` holds in this process, the current
# version's values only.
_in_this_process = {}


def kept(name, build, key=None, *, shared=False, limit=64):
    """`build()` for `name` and `key` under the current content version, kept in this
    process (at most `limit` keys of a name a version, so keys from requests, such as
    host names, cannot grow the memory) and, if `shared`, in the shared cache: what is
    costly to build is then built once a version, not once a worker. While the shared
    cache is down, the value is built (slower, still right)."""
    version = content_version()
    known = _in_this_process.get(name)
    if known is None or known[0] != version:
        known = _in_this_process[name] = (version, {})
    values = known[1]
    if key in values:
        return values[key]
    value = kept_shared(f"portal:{name}:{version}:{key}", build) if shared else build()
    if len(values) < limit:
        values[key] = value
    return value


def kept_shared(cache_key, build):
    cache = caches["default"]
    try:
        value = cache.get(cache_key)
    except Exception:
        return build()
    if value is None:
        value = build()
        cache.set(cache_key, value, KEPT_SECONDS)
    return value


def language_prefix(name):
    return f"portal:{name}:{content_version()}:{get_language()}:"


def kept_many(name, keys, build):
    """Values of public content for `keys` (in that order), kept in this process under
    the current content version and language: `build(missing)` makes those not kept, as
    a list in the order of `missing`. A listing that shows the same items as the one
    before then reads none of their rows."""
    local = caches["local"]
    prefix = language_prefix(name)
    found = local.get_many([prefix + str(key) for key in keys])
    missing = [key for key in keys if prefix + str(key) not in found]
    if missing:
        made = {
            prefix + str(key): value for key, value in zip(missing, build(missing), strict=True)
        }
        local.set_many(made, KEPT_SECONDS)
        found.update(made)
    return [found[prefix + str(key)] for key in keys]


def kept_html(name, key, render):
    """HTML that `render()` makes of public content, kept in this process under the
    current content version, language and `key`: what every listing that shows the same
    item renders the same way, rendered once a version instead of on every page."""
    local = caches["local"]
    cache_key = language_prefix(name) + str(key)
    html = local.get(cache_key)
    if html is None:
        html = str(render())
        local.set(cache_key, html, KEPT_SECONDS)
    return mark_safe(html)


# --- Kept responses -----------------------------------------------------------------------

# Each process keeps the answers it served in memory too, so most hits cost no round trip
# to the shared cache. The content version in their keys (the caller's) keeps that safe:
# a publish anywhere gives every worker new keys at once. The shared entry carries its
# expiry, so a copy in this process never outlives it.


def response_key(kind, *parts):
    """The key of a kept response: its kind (`page`, `api`), the content version, the
    settings that change what public pages show, and what else tells its answers apart."""
    return ":".join(["portal", kind, content_version(), settings_fingerprint(), *map(str, parts)])


def settings_fingerprint():
    """Answers are kept apart per value of `PAGE_CACHE_VARY_ON_SETTINGS`, so a restart
    with another value never serves answers kept under the old one."""
    values = repr([getattr(settings, name, None) for name in settings.PAGE_CACHE_VARY_ON_SETTINGS])
    return fingerprint(values)


@functools.lru_cache(maxsize=16)
def fingerprint(text):
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def kept_response(key):
    """The value kept under `key` by `keep_response`, or None (also while the cache is
    down: without it the site is slower, not down)."""
    try:
        value = caches["local"].get(key)
        if value is not None:
            return value
        entry = caches["default"].get(key)
    except Exception:
        logger.warning("Cache unavailable; answering without it.", exc_info=True)
        return None
    if entry is None:
        return None
    expires_at, value = entry
    remaining = expires_at - time.time()
    if remaining <= 0:
        return None
    caches["local"].set(key, value, remaining)
    return value


def keep_response(key, value, seconds):
    """Keep `value` under `key` for `seconds`, in this process and shared."""
    if seconds <= 0:
        return
    try:
        caches["local"].set(key, value, seconds)
        caches["default"].set(key, (time.time() + seconds, value), seconds)
    except Exception:
        logger.warning("Cache unavailable; not keeping the answer.", exc_info=True)


def first_seen(name):
    """When `name` (an answer's ETag, say) was first seen by any process, in whole
    seconds: every worker and host then gives the same time (`Last-Modified`). Remembered
    for `KEPT_SECONDS`; while the shared cache is down, now."""
    now = int(time.time())
    try:
        return caches["default"].get_or_set(f"portal:first-seen:{name}", now, KEPT_SECONDS)
    except Exception:
        return now


# --- Revalidated answers ------------------------------------------------------------------

# How long a reader, a calendar application or a cache in between may keep a feed or the
# sitemap before asking again (as long as the page cache keeps it: an edit shows as soon).
REVALIDATE_SECONDS = 5 * 60


def version_etag(request, *args, **kwargs):
    """The ETag of what `request` asks for under the current content version. Weak: two
    answers with one ETag hold the same content, not always the same bytes (a calendar
    says when it was written). The date is in it too: a feed's window of dates moves on
    each day even when nothing is published."""
    parts = [
        content_version(),
        settings_fingerprint(),
        request.scheme,
        request.get_host(),
        request.path,
        get_language() or "",
        timezone.localdate().isoformat(),
    ]
    return 'W/"' + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32] + '"'


def version_last_modified(request, *args, **kwargs):
    """When any process first gave this answer's ETag: every worker gives the same time."""
    seconds = first_seen(f"etag:{version_etag(request)}")
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def revalidated(view):
    """`view` (a feed, the sitemap) answers with its `ETag`, `Last-Modified` and
    `Cache-Control`, and a conditional GET or HEAD that matches them with a 304 before
    the view renders anything. (Wagtail marks the answers of a private section's pages,
    routes included, as for no one to keep.)"""

    @cache_control(public=True, max_age=REVALIDATE_SECONDS)
    @condition(etag_func=version_etag, last_modified_func=version_last_modified)
    @functools.wraps(view)
    def answer(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        # The version's time rather than the view's own (the sitemap's newest page), which
        # an unpublished or deleted page never moves: the 200 and the 304 say the same.
        del response["Last-Modified"]
        return response

    return answer
