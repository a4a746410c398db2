"""Settings for a drill's Celery worker: the test settings, with the drills' mail backend."""

from protocol_site.settings.test import *  # noqa: F403

EMAIL_BACKEND = "tests.drills.mail_backend.EmailBackend"
