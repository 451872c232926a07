"""Settings for the decision aid, every knob read from the environment (see .env.example)."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from decisionaid.lib.sourceversion import source_version

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str) -> bool:
    return os.environ.get(name, default).strip().lower() in ("1", "true", "yes", "on")


def envint(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def envlist(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEVELOPMENT_SECRET_KEY = "development-only-secret-key-do-not-use-in-production"

DEBUG = envbool("DEBUG", "1")
SECRET_KEY = os.environ.get("SECRET_KEY", DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured(
        "DEBUG is off but SECRET_KEY is the development key. "
        "Set SECRET_KEY to a long random value (see .env.example)."
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # Before the admin, so translated fields show side by side in it.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "decisionaid.content",
    "decisionaid.pages",
    "decisionaid.guide",
    "decisionaid.checklist",
    "decisionaid.kiosk",
    "decisionaid.fieldtest",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "decisionaid.lib.headers.PermissionsPolicyMiddleware",
    "decisionaid.lib.sessionpurge.SessionPurgeMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session (it reads nothing from it) and before CommonMiddleware, as Django asks.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "decisionaid.kiosk.middleware.KioskMiddleware",
    # After the kiosk middleware: a shared kiosk screen keeps the deployment's language.
    "decisionaid.lib.language.BrowserLanguageMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so its 400 page knows the session and kiosk mode; still before any view reads input.
    "decisionaid.lib.strictinput.StrictInputMiddleware",
]

ROOT_URLCONF = "decisionaid.urls"
WSGI_APPLICATION = "decisionaid.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "decisionaid.content.context_processors.content_release",
                "decisionaid.kiosk.context_processors.kiosk",
                "decisionaid.pages.context_processors.languages",
            ],
            # {% url %} with its reverse remembered per process (decisionaid/lib/urls.py).
            # {% static %} with each file's URL remembered (decisionaid/lib/static.py): our
            # templates use it without {% load static %}, which would bring back Django's own.
            "builtins": ["decisionaid.lib.urls", "decisionaid.lib.static"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=envint("DB_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# The database backend lets a kiosk reset really delete a person's answers on the server;
# lib/sessions.py only reads it more cheaply.
SESSION_ENGINE = "decisionaid.lib.sessions"
# At home the cookie ends with the browser, and the server's row expires this long after the
# last saved answer (/about/ says so, from this setting).
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", 2 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Each serving process deletes expired session rows this often (lib/sessionpurge.py); 0 turns
# that off, leaving it to `manage.py clearsessions`.
SESSION_PURGE_SECONDS = envint("SESSION_PURGE_SECONDS", 30)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Failed admin logins are throttled per username and address (django-axes).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = envint("AXES_COOLOFF_MINUTES", 15) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "pages/login_locked.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The deployment's default language: its pages have no prefix; the other language lives under
# /<code>/ (/es/ for Spanish while English is the default). A kiosk starts every visit in it.
LANGUAGE_CODE = os.environ.get("LANGUAGE_CODE", "en")
LANGUAGES = [("en", "English"), ("es", "Español")]
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured(f"LANGUAGE_CODE must be one of {', '.join(dict(LANGUAGES))}.")
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content fields have one column per language; an empty Spanish one shows the English, marked.
# The content is written in English whatever the deployment's default language is.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers and crawlers ask for at the site's root (favicon.ico), served by WhiteNoise.
WHITENOISE_ROOT = BASE_DIR / "webroot"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Per-process memory by default (one process in `make run`). With several workers or hosts, set
# CACHE_URL=redis://host:6379/0 (Django's own RedisCache) so the PDF rate limit and the render cap
# are shared by every worker and host; CACHE_BACKEND and CACHE_LOCATION name any other backend.
CACHE_URL = os.environ.get("CACHE_URL", "").strip()
CACHE_TIMEOUT_SECONDS = float(os.environ.get("CACHE_TIMEOUT_SECONDS", "0.5"))
if CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "decisionaid"),
            # A hung Redis holds a PDF request this long (redis-py waits 5 s), then the
            # callers fall back and leave it alone for a while (lib/sharedcache.py).
            "OPTIONS": {
                "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
                "socket_timeout": CACHE_TIMEOUT_SECONDS,
            },
        }
    }
elif CACHE_URL:
    raise ImproperlyConfigured("CACHE_URL must start with redis://, rediss:// or unix://.")
else:
    CACHES = {
        "default": {
            "BACKEND": os.environ.get(
                "CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache"
            ),
            "LOCATION": os.environ.get("CACHE_LOCATION", "decisionaid"),
        }
    }

# Rendered fragments ({% cache %}, {% chrome %}, {% shell %} and step forms) stay in each worker's
# own memory, whatever CACHE_URL says: their keys name everything they depend on (the content
# fingerprint, the picked answers, the language), so workers never need to agree on them. In
# Redis every page would wait on several round trips for them (0.6 to 1.7 ms more CPU a page,
# measured), a Redis outage would fail every page instead of only the PDF's rate limit and render
# cap, and the picked answers they show would leave the worker. The key prefix still follows the
# templates, translations and code (lib/sourceversion.py), so a cache that outlives a deploy
# never serves markup made by an older release.
SOURCE_VERSION = source_version(BASE_DIR)
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "decisionaid-fragments",
    "KEY_PREFIX": f"fragments:{SOURCE_VERSION}",
    # A walk through the guide leaves about 50, 0.3 to 34 KB, 6 KB on average: a full cache is
    # some 6 MB a worker. When full, the least recently used third is dropped.
    "OPTIONS": {"MAX_ENTRIES": 1000},
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Bounded input everywhere: nothing a person posts needs more than this. The admin gets more room,
# so an editor's over-long text comes back as a field error with their work kept, not a 400 page;
# Django's own limit is the larger, and StrictInputMiddleware holds other pages to the smaller.
PUBLIC_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", 64 * 1024)
ADMIN_UPLOAD_MAX_MEMORY_SIZE = envint("ADMIN_UPLOAD_MAX_MEMORY_SIZE", 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = max(PUBLIC_UPLOAD_MAX_MEMORY_SIZE, ADMIN_UPLOAD_MAX_MEMORY_SIZE)
DATA_UPLOAD_MAX_NUMBER_FIELDS = envint("DATA_UPLOAD_MAX_NUMBER_FIELDS", 200)
FILE_UPLOAD_MAX_MEMORY_SIZE = PUBLIC_UPLOAD_MAX_MEMORY_SIZE

# The product's own knobs.
KIOSK_MODE = envbool("KIOSK_MODE", "0")
KIOSK_IDLE_SECONDS = envint("KIOSK_IDLE_SECONDS", 120)
KIOSK_WARNING_SECONDS = envint("KIOSK_WARNING_SECONDS", 30)
# At least 6 digits; with DEBUG off and KIOSK_MODE on the app will not start without one.
KIOSK_EXIT_PIN = os.environ.get("KIOSK_EXIT_PIN", "")
# After too many wrong PINs, leaving kiosk mode is locked for this long.
KIOSK_EXIT_LOCKOUT_SECONDS = envint("KIOSK_EXIT_LOCKOUT_SECONDS", 15 * 60)
PUBLIC_BASE_URL = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
TAKE_HOME_MAX_AGE_SECONDS = envint("TAKE_HOME_MAX_AGE_SECONDS", 60 * 60 * 24 * 7)
CURRENCY = os.environ.get("CURRENCY", "USD")
# Where people report a problem with the guide (shown on the accessibility statement).
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "")
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"
PDF_RATE_LIMIT = os.environ.get("PDF_RATE_LIMIT", "20/m")
# At most this many PDF renders at once on a host, across all its workers, so a burst of PDFs
# cannot take every worker from the pages; by default one worker is always left for pages.
PDF_RENDER_SLOTS = envint("PDF_RENDER_SLOTS", max(1, envint("WEB_CONCURRENCY", 2) - 1))
# Past the cap: 503 with this Retry-After (seconds) and a page saying to try again shortly.
PDF_RENDER_RETRY_AFTER = envint("PDF_RENDER_RETRY_AFTER", 2)
# How the host's workers agree: "file" (lock files in PDF_RENDER_LOCK_DIR), "cache" (the shared
# cache, keyed by host name), or "auto": the cache when it is Redis, else lock files.
PDF_RENDER_CAP_BACKEND = os.environ.get("PDF_RENDER_CAP_BACKEND", "auto")
PDF_RENDER_LOCK_DIR = os.environ.get("PDF_RENDER_LOCK_DIR", "")
# Field-test mode: invite people, once per visit, to an optional anonymous questionnaire after
# the summary, and give staff a report (decisionaid/fieldtest/). Off: nothing shows, nothing stored.
FIELD_TEST = envbool("FIELD_TEST", "0")
# Content reads are remembered per worker until the content release changes (content/memo.py).
CONTENT_MEMO = envbool("CONTENT_MEMO", "0" if DEBUG else "1")

# A strict policy: nothing inline, nothing from another host.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A form sent with a stale or missing token gets a page that says how to carry on.
CSRF_FAILURE_VIEW = "decisionaid.pages.views.csrf_failure"
if not DEBUG:
    SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "1")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1")
    SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", "1")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
