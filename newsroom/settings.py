"""
Newsroom settings: one module, driven by environment variables.

Every deployment-specific value comes from the environment with a safe
development default, so production differs from development by environment,
not by file. See README.md ("Production") for the full list.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# --- Django core -------------------------------------------------------------

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment when DEBUG is off.")
    # Development only: never used once DEBUG is off.
    SECRET_KEY = "dev-insecure-newsroom-key-for-local-use-only-0123456789abcdef"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "csp",
    "axes",
    "django_prose_editor",
    "django_tasks",
    "django_tasks_db",
    "articles",
    "distribution",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Early, so that a cached page skips everything below; it works out the
    # language itself, as LocaleMiddleware will (see articles.caching).
    "articles.caching.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, but the admin follows the editor's browser (the site, its URL).
    "newsroom.locale.NewsroomLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"

TEMPLATES = [
    # The public site's templates (base.html, articles/…, error pages) are
    # Jinja2, for speed; everything else (the admin's) goes to Django's engine.
    {
        "NAME": "jinja2",
        "BACKEND": "articles.templating.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {"context_processors": ["articles.context_processors.site"]},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "articles.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The demo's web process and task worker write to one file: writers take
    # the lock at the start of a transaction and wait for it, not fail at once.
    DATABASES["default"].setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
    # The list index's covering columns (INCLUDE) are PostgreSQL's: SQLite
    # builds the index without them and reads the rows, as intended.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_bool(
    "DATABASE_SERVER_SIDE_BINDING", True
):
    # Parameters bound by the server, so psycopg prepares the statements a
    # connection runs often (the public pages' queries) and PostgreSQL plans
    # them once per connection instead of once per request. Turn off behind a
    # pooler in transaction mode (PgBouncer), which cannot keep them.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True, prepare_threshold=5
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Keeps the search documents (views of generated columns) out of dumps and loads.
DATABASE_ROUTERS = ["articles.routers.SearchDocumentRouter"]

# The cache is disposable: pages are rendered without it when it is down or
# slow (short timeouts), and what it holds is bounded in count and size.
if REDIS_URL := os.environ.get("REDIS_URL", ""):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.25")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            },
        }
    }
else:
    # Local memory, per process: correct with any number of processes and
    # servers, since the page cache's generation lives in the database.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_MAX_ENTRIES", "2000"))},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Times are stored in UTC and shown in the press office's own time zone.
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("de", _("German")),
    ("sq", _("Albanian")),
]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Uploads (originals, renditions, portraits) are private: MEDIA_URL is the
# access check (articles.media), which hands a file over only while its
# release is public, or to staff and share-link holders. Files found public
# are copied to PUBLIC_MEDIA_ROOT, which the web server serves at MEDIA_URL
# first, falling back to the check (see the README's nginx set-up).
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
PUBLIC_MEDIA_ROOT = Path(os.environ.get("PUBLIC_MEDIA_ROOT", BASE_DIR / "public-media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "public_media": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PUBLIC_MEDIA_ROOT, "base_url": MEDIA_URL},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Media on S3-compatible object storage (several app servers), through
# django-storages: pip install "newsroom[s3]" and set S3_BUCKET. Objects are
# private and handed out by short-lived signed URLs; the public copies sit
# under S3_PUBLIC_LOCATION, readable by anyone (served by S3_CUSTOM_DOMAIN,
# e.g. a CDN, when set).
if S3_BUCKET := os.environ.get("S3_BUCKET", ""):
    _s3 = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("S3_SIGNED_URL_SECONDS", "300")),
        },
    }
    STORAGES["public_media"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "location": os.environ.get("S3_PUBLIC_LOCATION", "public"),
            # Empty for buckets that refuse ACLs ("bucket owner enforced"):
            # a bucket policy then makes the public prefix readable.
            "default_acl": os.environ.get("S3_PUBLIC_ACL", "public-read") or None,
            "querystring_auth": False,
            "file_overwrite": True,
            "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
        },
    }

# Uploads larger than this go to a temporary file rather than memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Security ------------------------------------------------------------------
# Production (DEBUG off) gets the strict values by default; each can be
# relaxed from the environment, e.g. SECURE_SSL_REDIRECT=0 behind a proxy
# that already redirects.

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", 8 * 60 * 60))
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True


def _origin(url: str) -> list[str]:
    """The origin of an absolute URL (media or static on a CDN), for the CSP."""
    if "://" not in url:
        return []
    scheme, rest = url.split("://", 1)
    return [f"{scheme}://{rest.split('/', 1)[0]}"]


LOGIN_URL = "admin:login"

# --- Third-party ---------------------------------------------------------------

TAGGIT_CASE_INSENSITIVE = True

# Content-Security-Policy: no inline scripts or styles anywhere. The admin's
# rich-text editor needs one import map, allowed by its hash (articles/admin/csp.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", *_origin(STATIC_URL)],
        "style-src": ["'self'", *_origin(STATIC_URL)],
        "img-src": [
            "'self'",
            "data:",
            *_origin(MEDIA_URL),
            *_origin(STATIC_URL),
            # Where the access check redirects photos to on object storage
            # (e.g. https://bucket.s3.eu-west-1.amazonaws.com): a redirected
            # image is checked against the policy too.
            *_origin(os.environ.get("MEDIA_ORIGIN", "")),
            *_origin(os.environ.get("S3_ENDPOINT_URL", "")),
            *_origin(
                f"https://{os.environ['S3_CUSTOM_DOMAIN']}/"
                if os.environ.get("S3_CUSTOM_DOMAIN")
                else ""
            ),
        ],
        "font-src": ["'self'", *_origin(STATIC_URL)],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Admin sign-in: five failures for one user name from one address lock it
# for 15 minutes; the lock is kept in the database, so it holds on every server.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_VERBOSE = False

# Background tasks (django-tasks): photo renditions take seconds a photo, so a
# worker makes them after the upload is committed, never the request. The
# default queue is a table in the database: `manage.py db_worker` runs it, and
# nothing else is needed, on one server or several. TASKS_BACKEND chooses
# another backend, e.g. django_tasks.backends.immediate.ImmediateBackend (no
# worker: renditions are made right after the upload's commit, in the request).
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- E-mail ------------------------------------------------------------------
# Alerts, briefings and confirmations go through Django's e-mail backends:
# EMAIL_URL (smtp://user:password@host:587/?tls=1, smtps://…, console://; see
# distribution/email_url.py) or the usual EMAIL_* variables one by one.

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "30"))
if EMAIL_URL := os.environ.get("EMAIL_URL", ""):
    from distribution.email_url import parse_email_url

    globals().update(parse_email_url(EMAIL_URL))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Newsroom ----------------------------------------------------------------

NEWSROOM_SITE_NAME = os.environ.get("NEWSROOM_SITE_NAME", "Newsroom")
NEWSROOM_PUBLISHER = os.environ.get("NEWSROOM_PUBLISHER", NEWSROOM_SITE_NAME)
# Media: nginx's internal location that serves MEDIA_ROOT (e.g.
# "/internal-media/"); empty: the app sends files itself (demo, development).
NEWSROOM_MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")
# How long browsers and CDNs keep a public photo. Names are never reused; a
# withdrawn photo leaves shared caches after this long (or a CDN purge).
NEWSROOM_PUBLIC_MEDIA_MAX_AGE = int(os.environ.get("PUBLIC_MEDIA_MAX_AGE", "86400"))
# How long the photo URLs of one rendering of a share page keep working.
NEWSROOM_SHARE_GRANT_SECONDS = int(os.environ.get("SHARE_GRANT_SECONDS", str(12 * 3600)))
# Widths (pixels) of the public renditions made from every gallery image.
NEWSROOM_RENDITION_WIDTHS = (480, 960, 1600)
# Uploads: content and name are checked; limits of size, pixels and sides.
NEWSROOM_MAX_UPLOAD_BYTES = int(os.environ.get("NEWSROOM_MAX_UPLOAD_BYTES", 25 * 1024 * 1024))
NEWSROOM_MAX_IMAGE_PIXELS = int(os.environ.get("NEWSROOM_MAX_IMAGE_PIXELS", 60_000_000))
NEWSROOM_MAX_IMAGE_SIDE = int(os.environ.get("NEWSROOM_MAX_IMAGE_SIDE", 12_000))
NEWSROOM_PAGE_SIZE = 20
# Public pages are cached until content changes or a scheduled publish or
# unpublish time comes, and at most this long (0 turns the page cache off).
# Correct with local memory per process as with a shared Redis: the
# generation every page is stored under lives in the database.
NEWSROOM_PAGE_CACHE_SECONDS = int(os.environ.get("NEWSROOM_PAGE_CACHE_SECONDS", "3600"))
# The heavy parts of a release page, kept under the release's own fingerprint.
NEWSROOM_FRAGMENT_CACHE_SECONDS = int(os.environ.get("NEWSROOM_FRAGMENT_CACHE_SECONDS", "86400"))
# What search keeps of the public archive (the releases' order, the filters'
# totals), under the site's generation like the pages; 0: read at every search.
NEWSROOM_SEARCH_ARCHIVE_SECONDS = int(os.environ.get("NEWSROOM_SEARCH_ARCHIVE_SECONDS", "3600"))
# Pages larger than this are not stored.
NEWSROOM_PAGE_CACHE_MAX_BYTES = int(os.environ.get("NEWSROOM_PAGE_CACHE_MAX_BYTES", 1024 * 1024))
# After a cache error, pages are rendered without the cache for this long.
NEWSROOM_CACHE_RETRY_SECONDS = float(os.environ.get("NEWSROOM_CACHE_RETRY_SECONDS", "5"))
# How long browsers and CDNs may keep a public page (never past the next
# scheduled change); 0: they revalidate every time (ETag, Last-Modified).
NEWSROOM_BROWSER_CACHE_SECONDS = int(os.environ.get("NEWSROOM_BROWSER_CACHE_SECONDS", "0"))

# The site's address in e-mails (links, photos, unsubscribe), which have no
# request to take it from.
NEWSROOM_SITE_URL = os.environ.get(
    "SITE_URL", "http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}"
).rstrip("/")
# Alerts and briefings (distribution/): messages a second per sending worker
# (0: as fast as the server takes them), rows a worker claims at once, how long
# a claim holds before another worker may take the rows over, retries of a
# message the server refused for now, the first wait (doubling each time).
DISTRIBUTION_SEND_RATE = float(os.environ.get("DISTRIBUTION_SEND_RATE", "0"))
DISTRIBUTION_BATCH_SIZE = int(os.environ.get("DISTRIBUTION_BATCH_SIZE", "200"))
DISTRIBUTION_CLAIM_SECONDS = float(os.environ.get("DISTRIBUTION_CLAIM_SECONDS", "120"))
# What the mail server answered is written every N messages: a worker killed
# mid-batch leaves at most N messages "in doubt" (recorded, never sent again).
# 1 is exact but costs a durable commit a message (15-20 ms on a plain disk).
DISTRIBUTION_RECORD_EVERY = int(os.environ.get("DISTRIBUTION_RECORD_EVERY", "20"))
# A sending task hands over to a fresh one after this long, so that a worker
# asked to stop (SIGTERM) is not kept waiting by a large mailing.
DISTRIBUTION_TASK_SECONDS = float(os.environ.get("DISTRIBUTION_TASK_SECONDS", "30"))
DISTRIBUTION_MAX_ATTEMPTS = int(os.environ.get("DISTRIBUTION_MAX_ATTEMPTS", "6"))
DISTRIBUTION_RETRY_SECONDS = float(os.environ.get("DISTRIBUTION_RETRY_SECONDS", "60"))
# Sending tasks started for one mailing, so that several workers share it.
DISTRIBUTION_SENDERS = int(os.environ.get("DISTRIBUTION_SENDERS", "2"))
# A release published with a time further back than this (backdated, or
# imported from an archive) sends no alert.
DISTRIBUTION_ALERT_GRACE_SECONDS = int(os.environ.get("DISTRIBUTION_ALERT_GRACE_SECONDS", "900"))
# Subscribing: how long a confirmation link works, and the rate limits (requests
# an hour) per address and per client.
DISTRIBUTION_CONFIRM_SECONDS = int(os.environ.get("DISTRIBUTION_CONFIRM_SECONDS", str(48 * 3600)))
DISTRIBUTION_LIMIT_PER_ADDRESS = int(os.environ.get("DISTRIBUTION_LIMIT_PER_ADDRESS", "3"))
DISTRIBUTION_LIMIT_PER_CLIENT = int(os.environ.get("DISTRIBUTION_LIMIT_PER_CLIENT", "10"))

# One console handler for everything: Django's own "django" logger would
# otherwise print its messages a second time through its handler.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {"django": {"handlers": [], "propagate": True}},
}
