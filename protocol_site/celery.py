"""The Celery application. Tasks take ids, call services, and are safe to run twice."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protocol_site.settings.local")

app = Celery("protocol_site")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def schedule_sweeps(sender, **kwargs):
    """Every app's sweep on beat, from the same registry `manage.py sweep` reads."""
    from .cases.sweep import beat_entries

    sender.conf.beat_schedule.update(beat_entries())
