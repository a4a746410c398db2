"""The web server's entry point (gunicorn, see gunicorn.conf.py).

Only web servers load this module (gunicorn, and runserver through WSGI_APPLICATION), so only
web requests get the database time limits (DATABASE_STATEMENT_TIMEOUT_SECONDS,
DATABASE_LOCK_TIMEOUT_SECONDS); Celery and other management commands never load it.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protocol_site.settings.production")
application = get_wsgi_application()

from protocol_site.database import database_timeouts_apply  # noqa: E402 (needs settings)

database_timeouts_apply()
