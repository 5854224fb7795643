"""Django settings, read from the environment (see docs/operator-guide.md).

With nothing set, SafePassage runs in development mode on SQLite under ``./var``.
``SAFEPASSAGE_MODE=production`` turns on the production checks: a missing secret key or
host list stops start-up with a message naming the variable to set.
"""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from safepassage.project import env

PACKAGE_DIR = Path(__file__).resolve().parent.parent
MODE = env.read_str("SAFEPASSAGE_MODE", "development")
if MODE not in {"development", "production"}:
    raise env.ConfigurationError("SAFEPASSAGE_MODE must be 'development' or 'production'.")
PRODUCTION = MODE == "production"

DATA_DIR = Path(env.read_str("SAFEPASSAGE_DATA_DIR", str(Path.cwd() / "var")) or "var").resolve()
DEBUG = False  # never: debug pages print request data, which may hold personal data

_secret = env.read_secret("SECRET_KEY")
if PRODUCTION:
    env.require(
        "SECRET_KEY", _secret, "it signs sessions and CSRF tokens (SECRET_KEY_FILE works too)."
    )
    SECRET_KEY = _secret.reveal() if _secret else ""
else:
    from safepassage.project.devkeys import development_secret_key

    SECRET_KEY = _secret.reveal() if _secret else development_secret_key(DATA_DIR)
del _secret

ALLOWED_HOSTS = env.read_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
if PRODUCTION:
    env.require("ALLOWED_HOSTS", ALLOWED_HOSTS, "the host names this server answers to.")

_database_url = env.read_secret("DATABASE_URL")
DATABASES = {
    "default": dj_database_url.parse(
        _database_url.reveal()
        if _database_url
        else f"sqlite:///{DATA_DIR / 'safepassage.sqlite3'}",
        conn_max_age=60,
    )
}
del _database_url
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        # Writers queue for SQLite's one write lock; 5 s (the default) was not enough under
        # 50 users at once on a busy machine: a sign-in failed "database is locked" (make
        # assure's load run). PostgreSQL has row locks and needs no such wait.
        "timeout": 30,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    # Layered bottom to top (tests/test_import_rules.py): platform, domain, interfaces.
    "safepassage.apps.jobs",
    "safepassage.apps.audit",
    "safepassage.apps.accounts",
    "safepassage.apps.vault",
    "safepassage.apps.access",
    "safepassage.apps.cases",
    "safepassage.apps.safety",
    "safepassage.apps.vetting",
    "safepassage.apps.linkage",
    "safepassage.apps.shell",
    "safepassage.apps.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "safepassage.apps.shell.middleware.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "safepassage.apps.accounts.middleware.SessionLifetimeMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "safepassage.apps.access.middleware.AccessPolicyMiddleware",
    "safepassage.apps.vault.middleware.VaultErrorsMiddleware",
]

ROOT_URLCONF = "safepassage.project.urls"
WSGI_APPLICATION = "safepassage.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "safepassage.apps.shell.context.navigation",
            ],
        },
    },
]

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sessions: server-side, short, rotated at login (see accounts.middleware).
SESSION_ENGINE = "safepassage.apps.accounts.session_store"  # stores a digest of the id
SESSION_IDLE_SECONDS = env.read_int("SESSION_IDLE_SECONDS", 30 * 60, minimum=60)
SESSION_ABSOLUTE_SECONDS = env.read_int("SESSION_ABSOLUTE_SECONDS", 10 * 3600, minimum=300)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_SECONDS
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_HTTPONLY = True
CSRF_USE_SESSIONS = False
SECURE = env.read_bool("SAFEPASSAGE_SECURE_COOKIES", PRODUCTION)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
if SECURE:
    # __Host- cookies: Secure, path /, no Domain attribute, so no sibling host can set them.
    SESSION_COOKIE_NAME = "__Host-sp_session"
    CSRF_COOKIE_NAME = "__Host-sp_csrf"
else:
    SESSION_COOKIE_NAME = "sp_session"
    CSRF_COOKIE_NAME = "sp_csrf"

# Login throttling per account (no client address is stored anywhere).
LOGIN_FREE_FAILURES = env.read_int("LOGIN_FREE_FAILURES", 5, minimum=1)
LOGIN_MAX_DELAY_SECONDS = env.read_int("LOGIN_MAX_DELAY_SECONDS", 15 * 60, minimum=1)
# The key of the throttle's account digests and of the device cookie (accounts.devices).
# It must work while sealed, so it cannot come from the keyring; keep it off the database
# host's backups (SAFEPASSAGE_SIGNIN_KEY_FILE on a tmpfs). Unset: derived from SECRET_KEY
# with its own domain string, so a copy of the database alone still cannot test names.
_signin_key = env.read_secret("SAFEPASSAGE_SIGNIN_KEY")
SIGNIN_KEY = (
    _signin_key.reveal()
    if _signin_key
    else hmac.new(SECRET_KEY.encode(), b"safepassage/signin-key/v1", hashlib.sha256).hexdigest()
)
del _signin_key
SIGNIN_THROTTLE_KEEP_SECONDS = 24 * 3600  # a row untouched this long is forgotten
SIGNIN_THROTTLE_MAX_UNKNOWN = env.read_int("SIGNIN_THROTTLE_MAX_UNKNOWN", 10_000, minimum=10)
DEVICE_COOKIE_NAME = "__Host-sp_device" if SECURE else "sp_device"
DEVICE_COOKIE_DAYS = 180

# Transport and browser hardening.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_SSL_REDIRECT = env.read_bool("SAFEPASSAGE_SSL_REDIRECT", PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^health$"]
SECURE_HSTS_SECONDS = env.read_int("SAFEPASSAGE_HSTS_SECONDS", 63072000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
SECURE_HSTS_PRELOAD = PRODUCTION and SECURE_HSTS_SECONDS > 0
SECURE_CONTENT_TYPE_NOSNIFF = True
# "same-origin", not "no-referrer": under no-referrer browsers send "Origin: null" with every
# form POST, which Django's CSRF check must refuse. same-origin still never sends an address
# (which may hold a case reference) to any other site.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Russian")), ("fr", _("French"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "sp_language"
LANGUAGE_COOKIE_SAMESITE = "Strict"
LANGUAGE_COOKIE_SECURE = SECURE
LANGUAGE_COOKIE_HTTPONLY = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = not PRODUCTION
MEDIA_ROOT = DATA_DIR / "media"

# Sealed storage: the keyring state (encrypted under the root key, safe on disk, backed up
# apart from the database) and uploads that never touch the disk in plaintext.
KEYRING_STATE_PATH = Path(
    env.read_str("SAFEPASSAGE_KEYRING_STATE", str(DATA_DIR / "keys" / "keyring.state")) or ""
)
# A folder a witness collects signed audit checkpoints from (the worker writes one hourly).
AUDIT_WITNESS_DIR = env.read_str("SAFEPASSAGE_AUDIT_WITNESS_DIR", "") or ""
MAX_UPLOAD_BYTES = env.read_int("SAFEPASSAGE_MAX_UPLOAD_BYTES", 20 * 1024 * 1024, minimum=1024)
FILE_UPLOAD_HANDLERS = ["safepassage.apps.vault.uploads.EncryptedTempFileUploadHandler"]
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024  # form fields; files are bounded by MAX_UPLOAD_BYTES

# Logs: no request data, no personal data; Django's request logger is silenced because
# its messages contain paths. Our own events go to the audit trail, not to logs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.server": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.security": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "django.db.backends": {"handlers": [], "level": "CRITICAL", "propagate": False},
    },
}
ADMINS: list[tuple[str, str]] = []

NINJA_PAGINATION_PER_PAGE = 50
