import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# One folder holds everything the site writes (database, media, search index),
# so a backup or a second instance is one folder.
DATA_DIR = Path(os.environ.get("CIAO_DATA_DIR") or BASE_DIR / "var").resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

EMBEDDED = os.environ.get("DJANGO_ENV", "").strip().lower() != "production"

DEBUG = EMBEDDED and os.environ.get("DEBUG", "1") != "0"

# The embedded setup only ever listens on the loopback; production sets its own key.
SECRET_KEY = os.environ.get("SECRET_KEY", "embedded-only-insecure-key-0f6c1c9e3b2a4e8f9d7c5b3a1e0f2d4c")

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "ciao",
    "practices",
    "resources",
    "events",
    "search",
    "discovery",
    "community",
    "twofactor",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: its line's time includes every other middleware, static files too (ciao/request_log.py).
    "ciao.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session and the rest: a page kept for anonymous visitors is served
    # with no SQL, carrying the headers the middleware below gave it when it was made.
    "ciao.page_cache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A session logged in without its code is logged out; one that must set up
    # two-factor reaches no admin page first (reads the session only).
    "twofactor.middleware.TwoFactorMiddleware",
    "ciao.admin_visibility.RedazioneOnlyReportsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ciao.content_security.SiteAndAdminCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a login refused for too many failures into its page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ciao.urls"

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

WSGI_APPLICATION = "ciao.wsgi.application"

DATA_DIR_DATABASE = DATA_DIR / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR_DATABASE}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers write to one SQLite file (Django 5.2's SQLite options):
    # - WAL: readers never wait for the writer, nor the writer for readers
    #   (persistent in the file, set again on every connection all the same);
    #   synchronous=NORMAL is safe with WAL and spares an fsync per commit;
    # - a write waits up to 20 s for the one before it, instead of failing at once;
    # - IMMEDIATE: a transaction takes the write lock when it begins. A deferred
    #   one that read first cannot become a writer while another writes: SQLite
    #   fails it with "database is locked" at once, whatever the timeout.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        }
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Italian first: the public site and the admin speak Italian.
LANGUAGE_CODE = "it"
LANGUAGES = [("it", _("Italiano"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("it", "Italiano"), ("en", "English")]
# Our own catalogue first, then plainer Italian for some of Wagtail's admin words.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "ciao" / "locale_overrides"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("bootstrap-italia", BASE_DIR / "node_modules" / "bootstrap-italia" / "dist"),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"

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
# Source maps in vendor folders point at files the packages do not ship.
WHITENOISE_MANIFEST_STRICT = False

# Uploads: refuse oversized requests early, keep large files out of memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "ciao.image_uploads.ImageForm"

X_FRAME_OPTIONS = "DENY"

# Wagtail
WAGTAIL_SITE_NAME = "CIAO! Comunità di pratica"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "docx",
    "odt",
    "pptx",
    "odp",
    "xlsx",
    "ods",
    "txt",
    "csv",
    "jpg",
    "jpeg",
    "png",
    "gif",
    "webp",
]
TAGGIT_CASE_INSENSITIVE = True
# ASCII slugs keep /tag/<slug>/ addresses easy to type and share ("comunita", not "comunità").
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

SEARCH_INDEX_DIR = DATA_DIR / "search-index"
# whoosh (embedded, one machine) | database (Wagtail's own) | elasticsearch | opensearch
SEARCH_BACKEND = os.environ.get("CIAO_SEARCH_BACKEND", "whoosh").strip().lower()
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
elif SEARCH_BACKEND in ("elasticsearch", "opensearch"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": (
                "wagtail.search.backends.elasticsearch8"
                if SEARCH_BACKEND == "elasticsearch"
                else "wagtail.search.backends.opensearch2"
            ),
            "URLS": [u.strip() for u in os.environ.get("SEARCH_URL", "http://localhost:9200").split(",")],
            "INDEX": os.environ.get("SEARCH_INDEX_PREFIX", "ciao"),
            "TIMEOUT": 5,
            "OPTIONS": {},
            "INDEX_SETTINGS": {},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backend",
            "PATH": str(SEARCH_INDEX_DIR),
            "LANGUAGE": os.environ.get("CIAO_SEARCH_LANGUAGE", "it"),
        }
    }

# Content API: read-only, rate limited per client.
REST_FRAMEWORK = {
    "DEFAULT_THROTTLE_RATES": {
        "anon": os.environ.get("API_RATE_ANON", "120/minute"),
        "user": os.environ.get("API_RATE_USER", "600/minute"),
    },
}

WAGTAILAPI_LIMIT_MAX = 100
WAGTAILAPI_SEARCH_ENABLED = True

# Site search: requests per minute from one client address (search/views.py; 0: no limit).
SEARCH_RATE_PER_MINUTE = int(os.environ.get("SEARCH_RATE_PER_MINUTE", "60"))
SUGGESTIONS_RATE_PER_MINUTE = int(os.environ.get("SUGGESTIONS_RATE_PER_MINUTE", "240"))

# Reading the text of an uploaded file (resources/text_extraction/): a child process
# with this much time (seconds) and memory (MB); beyond, the file is saved without text.
DOCUMENT_TEXT_TIMEOUT = float(os.environ.get("DOCUMENT_TEXT_TIMEOUT", "10"))
DOCUMENT_TEXT_MEMORY_LIMIT = int(os.environ.get("DOCUMENT_TEXT_MEMORY_LIMIT", "1024"))

# Mail: the console in the embedded setup, SMTP when EMAIL_HOST is set.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CIAO! Comunità di pratica <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
REDAZIONE_EMAIL = os.environ.get("REDAZIONE_EMAIL", "redazione@localhost")


def _cache(name, max_entries):
    """A cache of its own: Redis under the prefix ``name`` with REDIS_URL, else each worker's memory."""
    if os.environ.get("REDIS_URL"):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": name,
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": name,
        "OPTIONS": {"MAX_ENTRIES": max_entries},
    }


CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Whole pages for anonymous visitors (ciao/page_cache/), apart from the rate limits
    # and the search's caches, so that dropping them touches nothing else. Per worker: a
    # page is 20-30 KB, so 500 of them are about 15 MB.
    "pages": _cache("pages", 500),
    # What /cerca/ worked out for a query (discovery/search_cache.py): a ranking and excerpts
    # are a few KB, the facets of 1,000 hits 40 KB (200 KB with a facet selected), so per
    # worker 300 entries are about 15 MB, 60 MB at worst.
    "search": _cache("search", 300),
    # Rendered parts of practice and material pages (ciao/page_cache/fragments.py), 2-5 KB each.
    "template_fragments": _cache("fragments", 2000),
}

# The page cache (ciao/page_cache/): how long an anonymous visitor's page is kept at most (0: never).
# Any publish, unpublish, move or deletion, and any change of a vocabulary, a setting, a tag or an
# image, drops every kept page at once; the limit is for what changes with time alone (an event
# that has ended leaves the upcoming ones).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# How long /cerca/ keeps a query's ranking, facet counts and excerpts at most (0: never). Filed under the
# page cache's generation too, so any change of what a search can find drops them at once.
SEARCH_CACHE_SECONDS = int(os.environ.get("SEARCH_CACHE_SECONDS", "300"))
# How long a rendered part of a page that lists other pages is kept at most (0: never); filed under
# the page cache's generation too (ciao/page_cache/fragments.py).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", str(24 * 3600)))
# Where the generation token lives: a file in the data folder that every worker reads, or, with
# Redis, a key that every machine reads.
PAGE_CACHE_GENERATION = "cache" if os.environ.get("REDIS_URL") else "file"
# Larger answers (a calendario.ics of thousands of events) are still made for each request.
PAGE_CACHE_MAX_BYTES = 2 * 1024 * 1024
# Never looked up nor kept: personal places, and /cerca/, which records every query it answers.
PAGE_CACHE_SKIP_PATHS = [
    "/admin/",
    "/accedi/",
    "/esci/",
    "/area-riservata/",
    "/segui/",
    "/cerca/",
    "/api/",
    "/documents/",
    "/salute/",
]

# A strict policy for the public site; scripts and styles come only from here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        # Bootstrap Italia's stylesheet embeds one small icon font as a data: URL.
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail's admin needs inline scripts and styles (see ciao/content_security.py);
# image uploads preview as blob: URLs. Nothing comes from another origin.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
    }
}
# Wagtail's own avatar, not a request to gravatar.com for every editor's face.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Logs on stderr: one JSON object a line in production, for a log collector; plain lines in
# the embedded setup, for a person reading `make run`. LOG_FORMAT=json or plain chooses.
# Every line logged while a request is served carries its request_id (ciao/logs.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "plain" if EMBEDDED else "json").strip().lower()
if LOG_FORMAT not in ("json", "plain"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be json or plain, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "ciao.logs.RequestContextFilter"}},
    "formatters": {
        "json": {"()": "ciao.logs.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["request"]},
        "nowhere": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Django's lines through ours alone (its default handler writes them a second time
        # while DEBUG, without hiding a private calendar's token in "Not Found: <path>").
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # runserver's request lines carry query strings whole; ciao.requests says the same without them.
        "django.server": {"handlers": ["nowhere"], "propagate": False},
        # One line per request (ciao/request_log.py), at INFO.
        "ciao": {"level": os.environ.get("CIAO_LOG_LEVEL", "INFO")},
        "search": {"level": os.environ.get("CIAO_LOG_LEVEL", "INFO")},
        # A damaged upload is reported by our own checks; pypdf's warnings only repeat it.
        "pypdf": {"level": "ERROR"},
    },
}

# Logging in: Django's views with the site's look (ciao/accounts.py), at /accedi/,
# /esci/ and /accedi/password/. Without a "next", people who may use the admin land
# there and everyone else (members of the community of practice) in the reserved area.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/area-riservata/"
LOGOUT_REDIRECT_URL = "/"
# Wagtail's private pages and documents ("login" restriction) send visitors here.
WAGTAIL_FRONTEND_LOGIN_URL = "/accedi/"
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "ciao/password_required.html"  # noqa: S105 - a template name
WAGTAILDOCS_PASSWORD_REQUIRED_TEMPLATE = "ciao/password_required.html"  # noqa: S105 - a template name

# Login throttling (django-axes), on /accedi/ and /admin/login/ alike: 5 wrong
# passwords for one username from one address refuse that pair for 15 minutes
# (HTTP 429), even with the right password; a successful login starts the count
# again. `manage.py axes_reset` lifts every lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout are refused unread and do not push its end further.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "ciao.accounts.lockout_response"
# Only failures are kept (and deleted when they expire), not a log of every login.
AXES_DISABLE_ACCESS_LOG = True
# The client's address: REMOTE_ADDR, or with N proxies of ours in front the N-th
# address from the right of X-Forwarded-For (what a client writes there is ignored).
TRUSTED_PROXY_COUNT = max(0, int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0))
AXES_CLIENT_IP_CALLABLE = "ciao.accounts.client_ip_address"

# Wrong codes of the two-factor step count with wrong passwords (twofactor/throttling.py);
# what was typed in them is not stored with the failure.
AXES_SENSITIVE_PARAMETERS = ["code", "backup_code"]

# Two-factor login (twofactor/): optional for everyone; with CIAO_2FA_REQUIRED_FOR_REDAZIONE=1
# superusers and the editorial groups (Redazione, Operatori, Formatori) must set it up
# before any admin page. The name authenticator apps show for the account:
CIAO_2FA_REQUIRED_FOR_REDAZIONE = os.environ.get("CIAO_2FA_REQUIRED_FOR_REDAZIONE", "").strip() == "1"
OTP_TOTP_ISSUER = "CIAO! Comunità di pratica"

# Documents carry the text inside their file, for search (resources/models/documents.py).
WAGTAILDOCS_DOCUMENT_MODEL = "resources.ResourceDocument"

# Errors to Sentry when SENTRY_DSN is set (ciao/error_reporting.py); nothing at all otherwise.
from ciao.error_reporting import init_sentry  # noqa: E402 - started once the settings above are set

init_sentry()
