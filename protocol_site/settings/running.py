"""Running the service (README "Running it"): the cache, health checks, logs and Sentry."""

from .env import env_choice, env_int, env_str

# The cache shared by web, worker and beat (the council's rules, the pre-election banner,
# counts): redis://... in production; one per process otherwise.
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL:
    CACHES = {
        "default": {
            "BACKEND": "protocol_site.cache.TolerantRedisCache",
            "LOCATION": CACHE_URL,
            # A cache that does not answer in a second is treated as down, not waited for.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }

# /healthz/all is unhealthy when a sweep has not finished for this long (they run every few
# minutes), which means beat or the worker has stopped.
HEALTHZ_SWEEP_STALE_MINUTES = env_int("HEALTHZ_SWEEP_STALE_MINUTES", 15, minimum=1, maximum=1440)

# Sentry: errors (and a sample of requests' timings) go to this DSN when it is set; off when not.
SENTRY_DSN = env_str("SENTRY_DSN", "")
SENTRY_ENVIRONMENT = env_str("SENTRY_ENVIRONMENT", "production")
SENTRY_TRACES_SAMPLE_RATE_PERCENT = env_int(
    "SENTRY_TRACES_SAMPLE_RATE_PERCENT", 0, minimum=0, maximum=100
)


def logging_config(log_format: str, level: str) -> dict:
    """Django's LOGGING: one line per record, as text or as JSON (python-json-logger) with the
    request id, user id and, for each request, its duration."""
    json = log_format == "JSON"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "no_traceback_below_500": {"()": "protocol_site.log_filters.NoTracebackBelow500"},
            "request_context": {"()": "protocol_site.log_filters.RequestContext"},
        },
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            },
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json" if json else "text",
                "filters": ["request_context"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.request": {"filters": ["no_traceback_below_500"]},
            # A failing check is in /healthz's answer: no traceback for every probe.
            "health_check": {"level": "ERROR"},
        },
    }


LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOG_FORMAT = env_choice("LOG_FORMAT", "TEXT", ("TEXT", "JSON"))
LOGGING = logging_config(LOG_FORMAT, LOG_LEVEL)

if SENTRY_DSN:
    from protocol_site.sentry import sentry_start

    sentry_start(
        dsn=SENTRY_DSN,
        environment=SENTRY_ENVIRONMENT,
        traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE_PERCENT / 100,
    )
