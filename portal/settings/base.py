"""Settings shared by every environment; values that differ come from the environment."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

from portal.settings.revision import code_revision
from programmes.discovery import with_plugin_apps

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_count(name, default):
    value = os.environ.get(name, str(default)).strip()
    if not value.isdigit():
        raise ImproperlyConfigured(
            f"{name} must be a whole number, 0 or more (see README.md, 'Configuration')."
        )
    return int(value)


def env_origin(name):
    """The origin (`https://ks.kranj.si`, `http://127.0.0.1:8801`) in the environment variable
    `name`, without a trailing slash; "" when it is unset."""
    value = os.environ.get(name, "").strip().rstrip("/")
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018  (a port that is not a number raises ValueError)
    except ValueError:
        parts = None
    if (
        parts is None
        or parts.scheme not in {"http", "https"}
        or not parts.hostname
        or parts.username is not None
        or parts.path
        or parts.query
        or parts.fragment
    ):
        raise ImproperlyConfigured(
            f"{name} must be a scheme and a host name, with a port if it is not the usual "
            f"one and nothing after it, e.g. https://ks.kranj.si (see README.md, "
            f"'Configuration'); it is {value!r}."
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


INSTALLED_APPS = [
    "home",
    "programmes",
    "portal.base",
    "portal.access",
    "portal.outbox",
    "portal.media",
    "portal.communities",
    "portal.spaces",
    "portal.events",
    "portal.news",
    "portal.consultations",
    "portal.search",
    "portal.stakeholders",
    "portal.reviews",
    "portal.programme_pages",
    "portal.signups",
    "portal.bookings",
    "portal.api",
    "portal.embed",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]
# Programme plugins installed with pip (entry points in the group "portal.plugins") come
# last: installing one needs no change here (docs/plugins.md).
INSTALLED_APPS = with_plugin_apps(INSTALLED_APPS)

MIDDLEWARE = [
    "portal.base.observability.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.base.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.base.pagecache.AnonymousPageCacheMiddleware",
    # The headless API's own caching, revalidation (ETag, 304) and CORS: `portal.api.http`.
    "portal.api.http.ApiHttpMiddleware",
    "portal.base.sites.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "portal.base.middleware.AtomicAdminWritesMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]
WAGTAILADMIN_URL_PREFIX = "/admin/"

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: an SQLite file in the project folder unless DATABASE_URL names another.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite: a writer waits up to 20 s for another's lock instead of failing at once ("database
# is locked"), and every transaction takes the write lock when it begins, so two writers
# (an autosave and a submit) queue instead of one failing when it upgrades a read lock.
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
# PostgreSQL's planner assumes by default that reading a row by index costs four times a
# sequential read (spinning disks). A portal's data sits in memory or on SSD, where 1.1 is
# the usual setting: with 4, listings read all 10,000 news items to keep 12 (2.3 ms a
# query instead of 0.6). Set it empty where the server is tuned already, or where a
# connection pooler refuses startup options.
PG_RANDOM_PAGE_COST = os.environ.get("PG_RANDOM_PAGE_COST", "1.1")
if DATABASES["default"]["ENGINE"].endswith("postgresql") and PG_RANDOM_PAGE_COST:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        f"-c random_page_cost={float(PG_RANDOM_PAGE_COST)}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every app process and host), else local
# memory. The content version that keeps cached pages fresh lives in the database; every
# worker reads a copy of it from Redis, or without Redis from a file cache that the
# workers of one host share (docs/decisions/0018-content-version-in-the-database.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
# Seconds a request waits for Redis to accept a connection, and for an answer; past them
# (and for `portal.base.cache_backends.RETRY_AFTER_SECONDS` after) the site carries on without it.
REDIS_CONNECT_TIMEOUT = float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.1"))
REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.5"))


# Every shared cache's keys begin with the code revision (portal/settings/revision.py):
# nothing cached by other code (another deploy, or the old hosts of a rolling one) is read.
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "portal")
CODE_REVISION = code_revision(BASE_DIR)


def redis_cache(url):
    """The shared cache on Redis at `url` (the tests use it too), failing open: an outage
    slows the site down instead of breaking it, and a request does not wait on it."""
    return {
        "BACKEND": "portal.base.cache_backends.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{CODE_REVISION}",
        "TIMEOUT": 600,
        "OPTIONS": {
            "socket_connect_timeout": REDIS_CONNECT_TIMEOUT,
            "socket_timeout": REDIS_TIMEOUT,
        },
    }


if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
    CACHES["versions"] = CACHES["default"]
    # Rate limits must know when Redis cannot count (each limit decides what then), so
    # theirs is Django's plain Redis cache, not the fail-open one above.
    # It waits for Redis no longer than the page cache does.
    # Counts outlive a deploy: their keys carry no code revision.
    CACHES["ratelimit"] = {
        **CACHES["default"],
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "KEY_PREFIX": CACHE_KEY_PREFIX,
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
        "versions": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{CODE_REVISION}",
            "LOCATION": os.environ.get(
                "CONTENT_VERSION_DIR", str(BASE_DIR / ".cache" / "content-version")
            ),
        },
        # Apart from the page cache, so that many pages never push counts out; each
        # process counts for itself (with several workers or hosts, set REDIS_URL).
        "ratelimit": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal-ratelimit",
        },
    }

# What is stored under the content version (pages, the KS menu and cards) never changes
# under its key, so each process keeps a copy of what it used: no round trip to Redis,
# and still there while Redis is down. At most LOCAL_CACHE_MB a process (keys and pickled
# values), 1 MiB an entry; the least recently used go first.
LOCAL_CACHE_MB = int(os.environ.get("LOCAL_CACHE_MB", "64"))
CACHES["local"] = {
    "BACKEND": "portal.base.cache_backends.BoundedLocMemCache",
    "LOCATION": "portal-local",
    "TIMEOUT": 24 * 60 * 60,
    "OPTIONS": {"MAX_ENTRIES": 5000, "MAX_BYTES": LOCAL_CACHE_MB * 2**20, "MAX_ENTRY_BYTES": 2**20},
}
# How long the shared cache's copy of the content version is trusted before it is read
# from the database again: a copy that missed a write (Redis was down when content
# changed) is right again at most this many seconds after Redis is back.
CONTENT_VERSION_SECONDS = int(os.environ.get("CONTENT_VERSION_SECONDS", "2"))

# Anonymous page cache (portal.base.pagecache); 0 switches it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# Long listings (calendars, news, search) number at most this many pages
# (portal/base/pagination.py).
LISTING_MAX_PAGES = int(os.environ.get("LISTING_MAX_PAGES", "50"))
# The API keeps its own cache (`portal.api.http`): one whose answers vary on the caller's
# origin and carry their ETag. The widget's script is made once per process and answers
# revalidations with a 304, which a cached copy would not.
PAGE_CACHE_SKIP_PREFIXES = [
    "/admin/",
    "/healthz",
    "/dokumenti/",
    "/media/",
    "/robots.txt",
    "/api/",
    "/embed/",
]
# Settings that change what public pages show: cached pages are kept apart per value, so
# a restart with another value never serves pages cached under the old one (the public
# origin: the absolute links of feeds and JSON-LD).
PAGE_CACHE_VARY_ON_SETTINGS = ["PROGRAMME_PLUGINS", "PORTAL_BASE_URL"]

# The headless API (`portal.api`): how long clients, CDNs and this server keep an answer
# (an edit shows within that time; a publish changes every ETag at once), the largest page
# a client may ask for, and the origins whose scripts may read it (CORS; "*" for any).
API_CACHE_SECONDS = int(os.environ.get("API_CACHE_SECONDS", "60"))
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
API_CORS_ORIGINS = env_list("API_CORS_ORIGINS")

# How many days ahead repeating events are expanded into dates (portal.events); the daily
# `refresh_occurrences` run moves the horizon on.
EVENT_HORIZON_DAYS = int(os.environ.get("EVENT_HORIZON_DAYS", "730"))

# `make bench` measures pages against a view that does nothing (portal.base.bench); the
# URL exists only where this is switched on.
BENCH_BASELINE = env_bool("BENCH_BASELINE")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# How many reverse proxies of our own stand in front of the app, each appending to
# X-Forwarded-For: the client's address is then the PROXY_COUNT-th entry from the right
# (`portal.base.clientaddress`, the one rule for login lockout, rate limits and logs).
# 0: clients connect directly and the header is ignored. Production defaults to 1.
PROXY_COUNT = env_count("PROXY_COUNT", 0)

# Rate limits (`portal.base.ratelimit`, django-ratelimit) count in their own cache alias.
# A failed count in the rare moment a key expires between two steps lets the request
# through; what a Redis outage does is each limit's own choice.
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_FAIL_OPEN = True

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username and IP before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Logins: five wrong passwords for one username from one address lock that pair out for
# 15 minutes; a right password resets the count.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.base.clientaddress.counted_address"
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_VERBOSE = False

# Logging in on the public site (a page only for signed-in users sends people there):
# Wagtail's front-end login, back to the page afterwards; signed in without a page to go
# back to, editors land in the admin.
LOGIN_URL = "wagtailcore_login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
LOGIN_REDIRECT_URL = "wagtailadmin_home"
# That login and the password forms of pages and documents, in the portal's own look.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "access/login.html"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "access/password_required.html"
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "access/password_required.html"

# Sessions: KS offices share computers, so a session ends with the browser and after a
# working day at most.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Slovenian first.
LANGUAGE_CODE = "sl"
LANGUAGES = [("sl", _("Slovenian"))]
TIME_ZONE = "Europe/Ljubljana"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sl", "Slovenščina"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Krajevne skupnosti Mestne občine Kranj")
# The public origin (scheme, host and port) of the portal: every link written outside a
# request (e-mails, reminders, feeds built in the background) begins with it, and where it
# is set every public link does (sitemap, calendar feeds, JSON-LD); the default Wagtail
# Site follows it on `migrate` (`portal.base.sites`). Required in production. Unset
# (development), links use the host a request asked for, and outside a request the
# development server's address. Decision 0031.
PORTAL_BASE_URL = env_origin("PORTAL_BASE_URL")
# Wagtail's own e-mails (moderation, password changes) follow it: one source of truth.
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Uploads: raster images and office documents only (no SVG, no HTML), with size limits.
# Wagtail's Draftail, reading forged links and images as broken ones (portal/base/richtext.py).
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "portal.base.richtext.CheckedDraftailRichTextArea"},
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "key",
    "odp",
    "ods",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
# The image form (`portal.media.uploads`) takes GPS, camera and owner data out of every
# upload and refuses images of more than 40 megapixels before decoding them (Wagtail's
# default of 128 lets a 15 KB file take 360 MB of a worker's memory in one rendition).
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.media.uploads.ImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents always go through the portal's view at /dokumenti/, which checks their
# collection's privacy, whatever the storage (a remote one would otherwise be linked
# directly); /media/ never serves them (`portal.media.views`).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin's Content-Security-Policy (below) blocks them, and
# they would tell a third party which editors work in the admin. Wagtail's own avatar shows.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# ASCII slugs: "strazisce", not "stražišče", so URLs survive e-mail, print and typing.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Admin date pickers, in strftime syntax and among Slovenian input formats: 25.10.2026 18:00,
# without spaces: the picker's parser reads ". " as two separators, fails, and puts "now" in
# the field on leaving it (issue 17). Typed with spaces is read too (portal/formats, and the
# admin's date-input.js). Shown in every admin language; weeks start on Monday in both.
FORMAT_MODULE_PATH = ["portal.formats"]
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Programmes (the reusable `programmes` package): the portal's models it links to, how it
# builds public URLs, its admin screens, and which programme types are on (a
# comma-separated list of plugin keys in PROGRAMME_PLUGINS; unset: every installed one).
PROGRAMMES_COMMUNITY_MODEL = "communities.CommunityPage"
PROGRAMMES_SPACE_MODEL = "spaces.SpacePage"
PROGRAMMES_ORGANISER_MODEL = "stakeholders.Stakeholder"
PROGRAMMES_URL_RESOLVER = "portal.programme_pages.routes.programme_url"
PROGRAMMES_VIEWSET = "portal.programme_pages.viewsets.ProgrammeViewSet"
PROGRAMME_PLUGINS = env_list("PROGRAMME_PLUGINS") or None

# Embeds (news videos, rich text) only from the providers the Content-Security-Policy
# lets frame (`frame-src` below): any other address is refused in the editor.
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]

# Content-Security-Policy (`portal.base.security`) of public pages, feeds, the API and the
# widget's script: nothing inline, nothing from elsewhere except video embeds in rich text.
# Extra sources (a media CDN, another embed provider) come from the environment,
# space-separated.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:", *os.environ.get("CSP_IMG_SRC", "").split()],
    "style-src": ["'self'"],
    "script-src": ["'self'"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": [
        "https://www.youtube-nocookie.com",
        "https://www.youtube.com",
        "https://player.vimeo.com",
        *os.environ.get("CSP_FRAME_SRC", "").split(),
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Every page under WAGTAILADMIN_URL_PREFIX: Wagtail's admin writes inline scripts and styles.
CONTENT_SECURITY_POLICY_ADMIN = {
    **CONTENT_SECURITY_POLICY,
    "img-src": ["'self'", "data:", "blob:", *os.environ.get("CSP_IMG_SRC", "").split()],
    "style-src": ["'self'", "'unsafe-inline'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "frame-src": ["'self'", *CONTENT_SECURITY_POLICY["frame-src"]],
    "frame-ancestors": ["'self'"],
}
# Browser features no page of the portal uses, denied to it and to every frame in it
# (django-permissions-policy; a misspelt feature stops the start-up).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.base.observability.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s %(message)s"},
        "json": {"()": "portal.base.observability.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": os.environ.get("LOG_FORMAT", "plain"),
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Our request log says it once; Django's own would repeat every 4xx.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}

# Booking requests (portal.bookings): how many a visitor's address may send an hour, how
# long a requester's cancel link works, and how many months after its last date a
# request's personal data is removed (`anonymise_bookings`, run daily).
BOOKING_REQUESTS_PER_HOUR = int(os.environ.get("BOOKING_REQUESTS_PER_HOUR", "5"))
BOOKING_CANCEL_LINK_DAYS = int(os.environ.get("BOOKING_CANCEL_LINK_DAYS", "400"))
BOOKING_RETENTION_MONTHS = int(os.environ.get("BOOKING_RETENTION_MONTHS", "12"))

# Consultations (`portal.consultations`): how many answers one client address may send an
# hour (a household or a class may share one), and how long the "you answered already"
# cookie is kept.
CONSULTATION_ANSWERS_PER_HOUR = int(os.environ.get("CONSULTATION_ANSWERS_PER_HOUR", "10"))
# How many months after a consultation closes its residents' personal data (the contacts
# and descriptions of offers, free-text answers) is removed (`remove_expired_personal_data`).
CONSULTATION_RETENTION_MONTHS = int(os.environ.get("CONSULTATION_RETENTION_MONTHS", "12"))
# How many confirmation mails one e-mail address may get a day.
CONSULTATION_CONFIRMATIONS_PER_ADDRESS = int(
    os.environ.get("CONSULTATION_CONFIRMATIONS_PER_ADDRESS", "3")
)
# How many days after a consultation closes the addresses entered in its prize draw are
# deleted if no draw came (a draw deletes them at once).
CONSULTATION_DRAW_ENTRY_RETENTION_DAYS = int(
    os.environ.get("CONSULTATION_DRAW_ENTRY_RETENTION_DAYS", "90")
)

# Review dates (portal.reviews): publishing a page sets its "review by" date this many
# months ahead (by page type, "app_label.model"; None: not reviewed). Events and news are
# dated and go out of date by themselves.
PAGE_REVIEW_MONTHS = {
    "default": int(os.environ.get("PAGE_REVIEW_MONTHS", "12")),
    "events.eventpage": None,
    "news.newspage": None,
}
# How long the record of sent review reminders (one per editor a week) is kept.
REVIEW_REMINDER_KEEP_WEEKS = 8

# E-mail (portal.outbox, decision 0017). Django's mail API writes every message to the
# outbox, in the transaction of the change it reports; `send_mail_outbox` delivers it
# through OUTBOX_EMAIL_BACKEND, whose mail server gets EMAIL_TIMEOUT seconds to answer.
# A failed attempt is tried again after OUTBOX_RETRY_SECONDS, doubling up to
# OUTBOX_RETRY_MAX_SECONDS, OUTBOX_MAX_ATTEMPTS times in all. Messages hold personal
# data: sent ones are deleted after OUTBOX_KEEP_SENT_DAYS days, given-up ones after
# OUTBOX_KEEP_FAILED_DAYS. With OUTBOX_DELIVER_AFTER_COMMIT the app process sends them
# itself right after the commit (development: no worker to start).
EMAIL_BACKEND = "portal.outbox.backends.OutboxBackend"
OUTBOX_EMAIL_BACKEND = os.environ.get(
    "OUTBOX_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))
OUTBOX_DELIVER_AFTER_COMMIT = env_bool("OUTBOX_DELIVER_AFTER_COMMIT")
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "12"))
OUTBOX_RETRY_SECONDS = int(os.environ.get("OUTBOX_RETRY_SECONDS", "60"))
OUTBOX_RETRY_MAX_SECONDS = int(os.environ.get("OUTBOX_RETRY_MAX_SECONDS", str(4 * 60 * 60)))
OUTBOX_KEEP_SENT_DAYS = int(os.environ.get("OUTBOX_KEEP_SENT_DAYS", "14"))
OUTBOX_KEEP_FAILED_DAYS = int(os.environ.get("OUTBOX_KEEP_FAILED_DAYS", "30"))

# Event sign-ups (portal.signups, decision 0039): sign-ups one client address may send per
# hour, how long a cancel link works, when the reminder goes (hours before the date) and
# when personal data of a date's sign-ups is removed (months after the date).
SIGNUPS_PER_HOUR = int(os.environ.get("SIGNUPS_PER_HOUR", "10"))
SIGNUP_CANCEL_LINK_DAYS = int(os.environ.get("SIGNUP_CANCEL_LINK_DAYS", "400"))
SIGNUP_REMINDER_HOURS = int(os.environ.get("SIGNUP_REMINDER_HOURS", "24"))
SIGNUP_RETENTION_MONTHS = int(os.environ.get("SIGNUP_RETENTION_MONTHS", "6"))
# A page that shows places left (an event with sign-ups, a calendar listing one) is kept by
# browsers and the page cache at most this many seconds.
SIGNUP_PAGE_MAX_AGE = int(os.environ.get("SIGNUP_PAGE_MAX_AGE", "60"))
