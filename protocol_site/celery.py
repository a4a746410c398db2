"""The Celery application. Tasks take ids, call services, and are safe to run twice."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protocol_site.settings.local")

app = Celery("protocol_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
