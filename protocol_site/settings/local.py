"""Settings for `make run` on a developer's or evaluator's machine.

The product's own GOV.UK 403, 404 and 500 pages show, as they will in production; set
DJANGO_DEBUG=1 for Django's debug pages instead.
"""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DJANGO_DEBUG", False)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
STATIC_ROOT = None  # runserver and whitenoise serve straight from static/ and the finders
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True  # a rebuilt stylesheet shows without a restart
# The demo logins sign in with a password alone; SECOND_FACTOR_REQUIRED=true make run asks the
# Monitoring Officer, democratic services and the Chief Executive for an authenticator app too.
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED", False)
