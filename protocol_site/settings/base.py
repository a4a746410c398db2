"""Settings shared by every environment. Deploy-time values come from the environment."""

import datetime
import ipaddress
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_choice, env_date, env_int, env_list, env_str
from .retention import *  # noqa: F403
from .storage import file_storage

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "local-only-insecure-key-change-me")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]", "testserver"]

# The council this installation serves.
COUNCIL_NAME = env_str("COUNCIL_NAME", "Demo Borough Council")
# ENG: England and Wales; SCT: Scotland; NIR: Northern Ireland;
# UK: a bank holiday anywhere in the UK (the FOI definition of a working day).
COUNCIL_NATION = env_choice("COUNCIL_NATION", "ENG", ("ENG", "SCT", "NIR", "UK"))
# Optional hour (0-23, London time) after which a working-day arrival counts as received
# on the next working day. Unset: no cut-off.
WORKING_DAY_CUTOFF_HOUR = env_int("WORKING_DAY_CUTOFF_HOUR", None, minimum=0, maximum=23)
# The first day of the council's records (YYYY-MM-DD): no enquiry is recorded as received
# before it. Unset: one year before today.
RECORDS_START_DATE = env_date("RECORDS_START_DATE", None)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "guardian",
    "simple_history",
    "health_check",
    "rest_framework",
    "django_filters",
    "rest_framework.authtoken",
    "drf_spectacular",
    "govuk_frontend_django",
    "axes",
    "csp",
    # The second factor (registers/second_factor): authenticator apps and recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "protocol_site",
    "registers",
    "enquiries",
    "complaints",
    "groups",
    "declarations",
    "notices",
    "advice",
    "reports",
    "inbox",
    "retention",
]

MIDDLEWARE = [
    # Outermost: times the whole request and logs it with its request id and user id.
    "protocol_site.request_log.RequestLogMiddleware",
    # First: drops X-Forwarded-* headers not set by a trusted proxy, before anything reads them.
    "protocol_site.hardening.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below whitenoise: every page and API answer, not static files (see README "Security").
    # django-csp's, with the council's directory let in as a form's destination (signing out).
    "protocol_site.hardening.ContentSecurityPolicyMiddleware",
    "protocol_site.hardening.ResponseHeadersMiddleware",
    "protocol_site.hardening.MaxBodySizeMiddleware",
    # A query stopped by the database's timeouts is the GOV.UK "service is busy" page (503).
    "protocol_site.database.DatabaseBusyMiddleware",
    # Before anything reads a query parameter: takes out what the database cannot hold (NUL).
    "protocol_site.unstorable.StorableQueryMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After the session middleware, so it marks the session before that saves it.
    "protocol_site.security.IdleTimeoutMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # After both: the second factor, for the roles that must give one (README).
    "registers.second_factor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # A page view asks for the calendar, the statutory officers, a ladder once (GET/HEAD only).
    "protocol_site.request_memo.RequestMemoMiddleware",
    # Last, as django-axes documents: turns a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "protocol_site.urls"
WSGI_APPLICATION = "protocol_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "protocol_site.context_processors.council",
                "registers.context_processors.person",
                "notices.context_processors.election_period",
                "reports.context_processors.reports",
            ],
        },
    },
]

# Forms render with the project's GOV.UK templates (templates/forms/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'protocol.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Web server and Celery worker share the file: WAL lets readers and one writer work
    # together, IMMEDIATE takes the write lock at BEGIN so transactions never deadlock.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiler spends seconds compiling the annual report's aggregates (and
    # any query its cost estimate calls big) to save milliseconds: off, as for most web apps.
    # The report groups a year's enquiries in memory rather than sorting them on disk.
    DATABASES["default"]["OPTIONS"] = {"options": "-c jit=off -c work_mem=32MB"}
# Web requests (gunicorn, through protocol_site.wsgi) run on PostgreSQL with these limits, so a
# long lock or a runaway query answers "service is busy" (503) instead of holding every worker
# until gunicorn kills it. 0: no limit. Celery tasks, beat's sweeps and management commands
# (migrations included) run without them.
DATABASE_STATEMENT_TIMEOUT_SECONDS = env_int(
    "DATABASE_STATEMENT_TIMEOUT_SECONDS", 10, minimum=0, maximum=600
)
DATABASE_LOCK_TIMEOUT_SECONDS = env_int("DATABASE_LOCK_TIMEOUT_SECONDS", 5, minimum=0, maximum=600)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "protocol_site.User"
AUTHENTICATION_BACKENDS = [
    # First: refuses a sign-in while its username and address are locked out (see Security).
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Signing in through the council's directory (settings/sso.py).
    "protocol_site.sso.backend.DirectoryBackend",
    "guardian.backends.ObjectPermissionBackend",
]
ANONYMOUS_USER_NAME = None
GUARDIAN_MONKEY_PATCH_USER = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
# Argon2 for every new or changed password; a password stored under an older hasher still
# verifies and is re-hashed with Argon2 when its owner next signs in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "protocol_site.passwords.UserAttributeSimilarityValidator"},
    {"NAME": "protocol_site.passwords.MinimumLengthValidator"},
    {"NAME": "protocol_site.passwords.CommonPasswordValidator"},
    {"NAME": "protocol_site.passwords.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Email: every message goes through the outbox table and is sent by a Celery task.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds: a mail server that stops answering cannot hold a worker (and a row's lock) for ever.
EMAIL_TIMEOUT = 30
EMAIL_FILE_PATH = str(VAR_DIR / "emails")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "member-officer-protocol@localhost")
# The address links in emails point at; by default the port `make run` serves on (PORT).
SITE_URL = env_str(
    "SITE_URL", f"http://127.0.0.1:{env_int('PORT', 8000, minimum=1, maximum=65535)}"
)

# Celery. Default broker needs no server: a folder on disk, shared by web, worker and beat.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
CELERY_BROKER_TRANSPORT_OPTIONS = {}
if CELERY_BROKER_URL.startswith("filesystem://"):
    _broker_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir),
        "data_folder_out": str(_broker_dir),
        "control_folder": str(VAR_DIR / "broker-control"),
    }
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# Every task is stopped if it runs this long (seconds): a soft limit it can clean up after, then
# a hard one. A stopped sweep's current case rolls back and the next beat run takes it again.
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_TASK_TIME_LIMIT = 300
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
CELERY_BEAT_SCHEDULE = {
    # Sweeps run every few minutes; none is pinned to 01:00-02:00 London time. Each app's
    # reminder and escalation sweep is added from its AppConfig (`sweep`, `sweep_every`) by
    # protocol_site.celery, the registry `manage.py sweep` reads too.
    "send-outbox": {"task": "protocol_site.tasks.send_pending_email", "schedule": 30.0},
    "purge-sent-outbox": {
        "task": "protocol_site.tasks.purge_sent_email",
        "schedule": crontab(hour=4, minute=15),
    },
    "purge-sign-in-records": {
        "task": "protocol_site.tasks.purge_sign_in_records",
        "schedule": crontab(hour=4, minute=30),
    },
    **RETENTION_BEAT_SCHEDULE,  # noqa: F405
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # JSON only, read so that no body is a server error (protocol_site.api.JSONParser).
    "DEFAULT_PARSER_CLASSES": ["protocol_site.api.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # A service's ValidationError is a 400 with field errors, in one place (protocol_site.api).
    "EXCEPTION_HANDLER": "protocol_site.api.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Member/Officer Protocol API",
    "VERSION": "0.1.0",
    # An enquiry's status is one enum, whether the enquiry is shown whole or as a list item.
    "ENUM_NAME_OVERRIDES": {"EnquiryStatusEnum": "enquiries.models.Status"},
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# --- Security (README "Security") -------------------------------------------------------------
# Sessions live in the database: protocol_site.security ends a deactivated person's sessions
# by deleting their rows, and the request path never needs Redis.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Idle timeout: a session ends this many minutes after its last request. The idle-timeout
# middleware moves a signed-in session's expiry on at most once every SESSION_REFRESH_SECONDS,
# so most requests write nothing to the session table (sliding expiry, to within a minute).
SESSION_IDLE_TIMEOUT_MINUTES = env_int("SESSION_IDLE_TIMEOUT_MINUTES", 30, minimum=1, maximum=1440)
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT_MINUTES * 60
SESSION_REFRESH_SECONDS = 60
# Sign-in attempts (django-axes): after SIGN_IN_FAILURE_LIMIT failures in a row for one
# username from one address, that pair is refused for SIGN_IN_COOLOFF_MINUTES; each further
# try while locked out starts the wait again. Attempts are rows in the database.
SIGN_IN_FAILURE_LIMIT = env_int("SIGN_IN_FAILURE_LIMIT", 5, minimum=1, maximum=100)
SIGN_IN_COOLOFF_MINUTES = env_int("SIGN_IN_COOLOFF_MINUTES", 15, minimum=1, maximum=1440)
# Proxies in front of the web server that append the caller's address to X-Forwarded-For
# (0: use the connection's own address; the header is then ignored, as anyone can send it).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0, maximum=5)
# Where those proxies are: X-Forwarded-For and X-Forwarded-Proto are read only from a connection
# from one of these addresses or networks (and never when TRUSTED_PROXY_COUNT is 0).
TRUSTED_PROXY_ADDRESSES = env_list(
    "TRUSTED_PROXY_ADDRESSES",
    ["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)
for _entry in TRUSTED_PROXY_ADDRESSES:
    try:
        ipaddress.ip_network(_entry, strict=False)
    except ValueError:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXY_ADDRESSES: {_entry!r} is not an address or network."
        ) from None
AXES_ENABLED = True
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = SIGN_IN_FAILURE_LIMIT
AXES_COOLOFF_TIME = datetime.timedelta(minutes=SIGN_IN_COOLOFF_MINUTES)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
AXES_CLIENT_IP_CALLABLE = "protocol_site.security.client_ip_address"
AXES_LOCKOUT_CALLABLE = "protocol_site.security.lockout_response"

# Content-Security-Policy (django-csp): scripts, styles, fonts and images from this site only,
# no inline script, style or event handler anywhere, no frames, no plugins.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features no page of the service uses, refused to every page (Permissions-Policy).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

# Email coming in (settings/inbound_email.py) and going out: casework text in emails, GOV.UK
# Notify, daily summaries (settings/notify.py); the council's protocol (README "Protocol
# settings"); signing in through the council's directory, and the second factor (settings/sso.py);
# running it: the cache, health checks, logs and Sentry (settings/running.py).
from .inbound_email import *  # noqa: E402, F403
from .members import *  # noqa: E402, F403
from .notify import *  # noqa: E402, F403
from .notify import EMAIL_BEAT_SCHEDULE  # noqa: E402
from .protocol import *  # noqa: E402, F403
from .protocol import ENQUIRY_ATTACHMENT_MAX_MB  # noqa: E402
from .running import *  # noqa: E402, F403
from .sso import *  # noqa: E402, F403

CELERY_BEAT_SCHEDULE |= EMAIL_BEAT_SCHEDULE
MEDIA_ROOT = VAR_DIR / "media"
# Attached files: MEDIA_ROOT, or an S3-compatible bucket (settings/storage.py).
STORAGES = {
    "default": file_storage(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Request sizes. A request whose Content-Length is over REQUEST_MAX_BODY_MB is refused (413)
# before its body is read; it must leave room for the largest attachment and its form.
REQUEST_MAX_BODY_MB = env_int(
    "REQUEST_MAX_BODY_MB", ENQUIRY_ATTACHMENT_MAX_MB + 2, minimum=1, maximum=110
)
# Form fields (everything but files) are held in memory up to this size, then refused (400);
# an uploaded file over FILE_UPLOAD_MAX_MEMORY_SIZE goes to a temporary file, not memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
if REQUEST_MAX_BODY_MB <= ENQUIRY_ATTACHMENT_MAX_MB:
    raise ImproperlyConfigured(
        f"REQUEST_MAX_BODY_MB={REQUEST_MAX_BODY_MB} must be more than "
        f"ENQUIRY_ATTACHMENT_MAX_MB={ENQUIRY_ATTACHMENT_MAX_MB}, or no attachment could be sent."
    )
