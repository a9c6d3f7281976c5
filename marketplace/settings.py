"""Settings for the marketplace, read from the environment with safe defaults.

Every value a deployment changes comes from an environment variable; the defaults give the embedded
set-up (SQLite, local media, database search, tasks inline) that runs with no configuration.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MARKETPLACE_DATA_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "value (for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-debug"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "graphene_django",
    "marketplace",
    "marketplace.accounts",
    "marketplace.channels",
    "marketplace.catalog",
    "marketplace.content",
    "marketplace.search",
    "marketplace.privacy",
    "vendors",
    "catalog_import",
    "marketplace.certifications",
    "marketplace.curation",
    "marketplace.checkout",
    "marketplace.orders",
    "marketplace.payments",
    "storefront_theme",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "marketplace.accounts.middleware.JWTAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "marketplace.urls"
WSGI_APPLICATION = "marketplace.wsgi.application"
ASGI_APPLICATION = "marketplace.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

if "DATABASE_URL" not in os.environ:
    # The embedded default keeps its database beside the media, in DATA_DIR.
    DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'marketplace.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    # WAL lets readers go on while a writer works; the timeout waits for a lock instead of failing.
    DATABASES["default"]["OPTIONS"].update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            # Sorting and memory-mapped reads stay in memory: lists sort thousands of rows.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;"
            ),
        }
    )
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "marketplace" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Files that no URL may reach directly (producers' photos): outside MEDIA_ROOT on purpose.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", DATA_DIR / "private"))
# The embedded set-up serves uploaded media itself; behind a CDN or S3 set SERVE_MEDIA=0.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
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
# Uploads larger than this are refused before they are read into memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG and False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")

# --- Marketplace ---------------------------------------------------------------------------
DEFAULT_CHANNEL_SLUG = os.environ.get("DEFAULT_CHANNEL_SLUG", "default-channel")
DEFAULT_CURRENCY = "VND"
DEFAULT_COUNTRY = "VN"
SEARCH_BACKEND = os.environ.get(
    "SEARCH_BACKEND", "marketplace.search.backends.database.DatabaseSearchBackend"
)
# Fernet keys that encrypt producers' identity, comma-separated, the current key first (rotate with
# `marketplace rotate-identity-keys`). Without keys only DEBUG (or the development-key flag, for the
# test suite) derives a key from SECRET_KEY; production then refuses to store identities.
PRODUCER_IDENTITY_KEYS = env_list("PRODUCER_IDENTITY_KEYS", "")
PRODUCER_IDENTITY_DEVELOPMENT_KEY = env_bool("PRODUCER_IDENTITY_DEVELOPMENT_KEY", DEBUG)
# A booth's new and changed products wait for staff review during its first days after opening.
LISTING_REVIEW_DAYS = int(os.environ.get("LISTING_REVIEW_DAYS", "90"))
# Scans of certificates: private, outside MEDIA_ROOT, downloaded by staff through the admin only.
CERTIFICATE_SCANS_ROOT = Path(
    os.environ.get("CERTIFICATE_SCANS_ROOT", DATA_DIR / "private" / "certificates")
)
# Stripe collects card payments; without the three keys the Stripe gateway is not offered.
# STRIPE_API_BASE points the client at another Stripe-compatible server (the tests' localstripe).
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")
# How old (seconds) a signed webhook may be before it is refused as a possible replay.
STRIPE_WEBHOOK_TOLERANCE = int(os.environ.get("STRIPE_WEBHOOK_TOLERANCE", "300"))
# Standard post, per booth parcel (see marketplace.checkout.delivery), in whole dong.
SHIPPING_PARCEL_PRICE = int(os.environ.get("SHIPPING_PARCEL_PRICE", "25000"))
SHIPPING_PARCEL_PRICE_OTHER_PROVINCE = int(
    os.environ.get("SHIPPING_PARCEL_PRICE_OTHER_PROVINCE", "35000")
)
SHIPPING_PRICE_PER_EXTRA_KG = int(os.environ.get("SHIPPING_PRICE_PER_EXTRA_KG", "8000"))
# The most of one variant a checkout line may hold (Saleor's default limit).
CHECKOUT_MAX_LINE_QUANTITY = int(os.environ.get("CHECKOUT_MAX_LINE_QUANTITY", "50"))
GRAPHQL_MAX_DEPTH = int(os.environ.get("GRAPHQL_MAX_DEPTH", "15"))
GRAPHQL_MAX_COST = int(os.environ.get("GRAPHQL_MAX_COST", "50000"))
GRAPHQL_MAX_QUERY_LENGTH = int(os.environ.get("GRAPHQL_MAX_QUERY_LENGTH", "30000"))
GRAPHQL_MAX_ALIASES = int(os.environ.get("GRAPHQL_MAX_ALIASES", "50"))
# Anonymous catalog queries (products, categories, booths, pages...) are answered from a cache
# for at most this many seconds; any change to public data or a publication date passing makes
# the cached answers void at once (marketplace/graphql/core/cache.py). 0 turns the cache off.
GRAPHQL_CACHE_SECONDS = int(os.environ.get("GRAPHQL_CACHE_SECONDS", "300"))
GRAPHENE = {"SCHEMA": "marketplace.graphql.schema.schema", "ATOMIC_MUTATIONS": True}

# --- Accounts: caches, tokens, rate limits ------------------------------------------------
# Rate limits count in the cache: one process needs nothing more, several processes (gunicorn
# workers, several machines) need a shared cache, e.g.
# CACHE_BACKEND=django.core.cache.backends.redis.RedisCache CACHE_LOCATION=redis://127.0.0.1:6379
_CACHE_BACKEND = os.environ.get("CACHE_BACKEND", "django.core.cache.backends.locmem.LocMemCache")
CACHES = {
    "default": {
        "BACKEND": _CACHE_BACKEND,
        "LOCATION": os.environ.get("CACHE_LOCATION", "marketplace"),
    },
    # Cached API answers, apart from the rate-limit counters so they can never push those out.
    "graphql": {
        "BACKEND": _CACHE_BACKEND,
        "LOCATION": os.environ.get("CACHE_LOCATION", "marketplace-graphql"),
        "KEY_PREFIX": "graphql",
        **({"OPTIONS": {"MAX_ENTRIES": 2000}} if _CACHE_BACKEND.endswith("LocMemCache") else {}),
    },
}
# Access and refresh tokens are JWTs signed with HS256 by a key derived from JWT_SECRET_KEY
# (SECRET_KEY when unset); setting it apart lets the signing key change without SECRET_KEY.
JWT_SECRET_KEY = os.environ.get("JWT_SECRET_KEY", "") or SECRET_KEY
JWT_ACCESS_TTL = int(os.environ.get("JWT_ACCESS_TTL", str(5 * 60)))  # seconds
JWT_REFRESH_TTL = int(os.environ.get("JWT_REFRESH_TTL", str(30 * 24 * 3600)))
# Links in account emails (confirmation, password reset, deletion) may only point to these hosts.
ALLOWED_CLIENT_HOSTS = env_list("ALLOWED_CLIENT_HOSTS", ",".join(ALLOWED_HOSTS))
# Failed sign-ins allowed per account and per IP address within the window (seconds).
LOGIN_RATE_LIMIT_PER_ACCOUNT = int(os.environ.get("LOGIN_RATE_LIMIT_PER_ACCOUNT", "5"))
LOGIN_RATE_LIMIT_PER_IP = int(os.environ.get("LOGIN_RATE_LIMIT_PER_IP", "20"))
LOGIN_RATE_LIMIT_WINDOW = int(os.environ.get("LOGIN_RATE_LIMIT_WINDOW", str(15 * 60)))
# Password reset emails asked per email address and per IP address within the window (seconds).
PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT = int(
    os.environ.get("PASSWORD_RESET_RATE_LIMIT_PER_ACCOUNT", "3")
)
PASSWORD_RESET_RATE_LIMIT_PER_IP = int(os.environ.get("PASSWORD_RESET_RATE_LIMIT_PER_IP", "10"))
PASSWORD_RESET_RATE_LIMIT_WINDOW = int(
    os.environ.get("PASSWORD_RESET_RATE_LIMIT_WINDOW", str(60 * 60))
)
# Behind N reverse proxies the client's address is the N-th from the right in X-Forwarded-For;
# with 0 (no proxy) REMOTE_ADDR is used and the header, which anyone can send, is ignored.
RATE_LIMIT_PROXY_COUNT = int(os.environ.get("RATE_LIMIT_PROXY_COUNT", "0"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies may carry personal data: never log them.
        "django.request": {"level": "ERROR"},
        "django.db.backends": {"level": "INFO"},
    },
}
