"""Production settings: refuses to start without its required variables."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, EMAIL_DELIVERY, NOTIFY_API_KEY, TRUSTED_PROXY_COUNT
from .env import env_bool, env_choice, env_int, env_list, env_str
from .running import LOG_LEVEL, logging_config
from .storage import file_storage

DEBUG = False
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
# Keys that are public (shipped in this code or Django's templates) sign nothing safely.
_KNOWN_KEYS = {
    "local-only-insecure-key-change-me",
    "test-only-key",
    "collectstatic-only-not-a-real-secret-key-000000000000000000",
}
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY in _KNOWN_KEYS
    or SECRET_KEY.startswith("django-insecure-")
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be at least 50 random characters and not a published default: "
        'make one with python3 -c "import secrets; print(secrets.token_urlsafe(64))".'
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must name at least one host.")
env_str("DATABASE_URL", required=True)
env_str("CELERY_BROKER_URL", required=True)
# Persistent connections: each gunicorn thread (and the Celery worker) keeps its connection
# for a minute between requests instead of opening one per request; checked before reuse.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# One JSON object a line (request id, user id, duration), for the council's log collector.
LOG_FORMAT = env_choice("LOG_FORMAT", "JSON", ("TEXT", "JSON"))
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# Notify chosen but no API key: every email would fail, so the service does not start.
if EMAIL_DELIVERY == "notify" and not NOTIFY_API_KEY:
    raise ImproperlyConfigured("EMAIL_DELIVERY=notify needs NOTIFY_API_KEY.")
STORAGES = {
    "default": file_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Behind TRUSTED_PROXY_COUNT proxies, the outermost says whether the caller used HTTPS.
# protocol_site.hardening.TrustedProxyMiddleware removes the header from any other caller.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if TRUSTED_PROXY_COUNT else None
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
# The health check answers on plain HTTP too, for a load balancer's probe.
SECURE_REDIRECT_EXEMPT = [r"^healthz(/all)?$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 31536000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
