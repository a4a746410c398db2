"""Settings for `make run` on a developer's or evaluator's machine."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

DEBUG = env_bool("DJANGO_DEBUG", True)
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
STATIC_ROOT = None  # runserver and whitenoise serve straight from static/ and the finders
WHITENOISE_USE_FINDERS = True
