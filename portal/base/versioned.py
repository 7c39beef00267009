"""Values derived from public content, worked out once per content version.

Under a given content version (`portal.base.pagecache`) such a value never changes, so it
is kept in this process as well as in the shared cache: each worker builds or fetches it
once per version, and every publish, move or delete makes the next request see a new one.
"""

from django.core.cache import cache

from portal.base.pagecache import content_version

CACHE_SECONDS = 24 * 60 * 60

# name -> (version, value): the latest version's value of each name, in this process.
_this_process = {}


def per_content_version(name, build):
    """The value of `build()` for the current content version."""
    version = content_version()
    known = _this_process.get(name)
    if known is not None and known[0] == version:
        return known[1]
    key = f"portal:{name}:{version}"
    try:
        value = cache.get(key)
    except Exception:
        return build()  # the cache is down: slower, still right
    if value is None:
        value = build()
        cache.set(key, value, CACHE_SECONDS)
    _this_process[name] = (version, value)
    return value


# name -> (version, {key: value}): small lookups kept in this process only.
_lookups = {}


def remembered(name, key, build, limit=64):
    """`build()` for `key` under the current content version, remembered in this process.

    For cheap-to-repeat lookups keyed by something from the request (a host name): at
    most `limit` keys a version, so odd requests cannot grow the memory.
    """
    version = content_version()
    known = _lookups.get(name)
    if known is None or known[0] != version:
        known = _lookups[name] = (version, {})
    values = known[1]
    if key not in values:
        if len(values) >= limit:
            return build()
        values[key] = build()
    return values[key]


def fragment(name, key, render):
    """HTML that `render()` makes of public content, kept in this process (the `local`
    cache) under the current content version and `key`: what every listing that shows the
    same item renders the same way, rendered once a version instead of on every page."""
    from django.core.cache import caches
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    local = caches["local"]
    cache_key = f"portal:{name}:{content_version()}:{get_language()}:{key}"
    html = local.get(cache_key)
    if html is None:
        html = render()
        local.set(cache_key, str(html), CACHE_SECONDS)
    return mark_safe(html)


def kept_items(name, keys, build):
    """Values of public content for `keys` (in that order), kept in this process (the
    `local` cache) under the current content version: `build(missing)` makes those not
    kept, as a list in the order of `missing`. A listing that shows the same items as
    the one before then reads none of their rows."""
    from django.core.cache import caches
    from django.utils.translation import get_language

    local = caches["local"]
    prefix = f"portal:{name}:{content_version()}:{get_language()}:"
    found = local.get_many([prefix + str(key) for key in keys])
    missing = [key for key in keys if prefix + str(key) not in found]
    if missing:
        made = {
            prefix + str(key): value for key, value in zip(missing, build(missing), strict=True)
        }
        local.set_many(made, CACHE_SECONDS)
        found.update(made)
    return [found[prefix + str(key)] for key in keys]
