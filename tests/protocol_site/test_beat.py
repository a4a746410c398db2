"""Every app's sweep (the AppConfig `sweep` that `manage.py sweep` runs) is also on Celery
beat, as a registered task that calls it; and nothing is scheduled in the clock-change hour."""

from importlib import import_module

import pytest
from celery.schedules import crontab
from django.apps import apps
from django.conf import settings

from protocol_site.celery import app as celery_app

SWEEPING_APPS = [config for config in apps.get_app_configs() if getattr(config, "sweep", None)]


@pytest.mark.parametrize("config", SWEEPING_APPS, ids=lambda config: config.name)
def test_each_apps_sweep_is_on_beat(config):
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    mine = [name for name in tasks if name.startswith(f"{config.name}.tasks.")]
    assert mine, f"{config.name} has a sweep but no beat entry"
    module, _, function = mine[0].rpartition(".")
    task = getattr(import_module(module), function)
    assert task.name in celery_app.tasks or task.name == mine[0]


def test_nothing_is_pinned_to_the_clock_change_hour():
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        schedule = entry["schedule"]
        if isinstance(schedule, crontab):
            assert 1 not in schedule.hour
