"""Settings for the test suite. DATABASE_URL and CELERY_BROKER_URL may point at real services."""

import atexit
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import CELERY_BROKER_URL, DATABASES

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; Argon2 is tested
# Sign-in lockouts are off by default so the test client's login() (which authenticates without
# a request, refused by django-axes) works; tests/protocol_site/test_security.py turns them on.
AXES_ENABLED = False
# Tests travel in time with a signed-in client, and count queries: sessions last and are
# moved on rarely. The idle-timeout tests (test_security.py) put the real values back.
SESSION_COOKIE_AGE = 400 * 24 * 60 * 60
SESSION_REFRESH_SECONDS = 10 * 365 * 24 * 60 * 60
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": None}  # in memory, one per xdist worker
COUNCIL_NAME = "Test Borough Council"
OTP_TOTP_ISSUER = COUNCIL_NAME
# Off, so tests sign the privileged roles in with force_login; tests/registers/
# test_second_factor.py turns it on.
SECOND_FACTOR_REQUIRED = False
COUNCIL_NATION = "ENG"
WORKING_DAY_CUTOFF_HOUR = None

# The benchmark dataset's own tests (tests/scale) seed and bench a tiny council here; the
# site's settings (local, production) never load it: only bench.py and these do.
INSTALLED_APPS = [*INSTALLED_APPS, "scale"]  # noqa: F405
TEMPLATES[0]["DIRS"].append(BASE_DIR / "tests" / "protocol_site" / "templates")  # noqa: F405
if CELERY_BROKER_URL.startswith("filesystem://"):
    # A private broker folder per test process, so parallel runs never share messages.
    _broker = tempfile.mkdtemp(prefix="protocol-test-broker-")
    atexit.register(shutil.rmtree, _broker, ignore_errors=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": _broker,
        "data_folder_out": _broker,
        "control_folder": _broker,
    }
STATIC_ROOT = None  # whitenoise serves from the finders in tests; nothing is collected
