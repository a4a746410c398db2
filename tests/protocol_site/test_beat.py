"""Every app's sweep (registered on its AppConfig, the registry `manage.py sweep` runs) is on
Celery beat through one kernel task with time limits; nothing is scheduled in the clock-change
hour; and one case whose step fails does not stop the sweep."""

import pytest
from celery.schedules import crontab
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from enquiries.models import Enquiry
from enquiries.services import clock, ladder_steps
from protocol_site.cases.sweep import RETRY_AFTER, beat_entries, registered_sweeps
from protocol_site.celery import app as celery_app
from protocol_site.tasks import run_sweep
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

SWEEPING_APPS = [config for config in apps.get_app_configs() if getattr(config, "sweep", None)]


def test_the_sweeping_apps():
    assert {config.label for config in SWEEPING_APPS} == {
        "enquiries",
        "complaints",
        "declarations",
        "inbox",
        "advice",
    }


@pytest.mark.parametrize("config", SWEEPING_APPS, ids=lambda config: config.name)
def test_each_apps_sweep_is_on_beat(config):
    celery_app.finalize()
    entry = celery_app.conf.beat_schedule[f"sweep-{config.label}"]
    assert entry["task"] == "protocol_site.tasks.run_sweep" in celery_app.tasks
    assert tuple(entry["args"]) == (config.label,)
    assert entry["schedule"] == config.sweep_every
    assert beat_entries()[f"sweep-{config.label}"]["args"] == (config.label,)


def test_every_task_has_time_limits():
    soft, hard = celery_app.conf.task_soft_time_limit, celery_app.conf.task_time_limit
    assert 0 < soft < hard <= 600
    assert run_sweep.name in celery_app.tasks


def test_nothing_is_pinned_to_the_clock_change_hour():
    for entry in settings.CELERY_BEAT_SCHEDULE.values():
        schedule = entry["schedule"]
        if isinstance(schedule, crontab):
            assert 1 not in schedule.hour


def test_the_command_runs_every_registered_sweep(db, capsys):
    call_command("sweep")
    out = capsys.readouterr().out
    for sweep in registered_sweeps():
        assert f"{sweep.name}: 0 steps." in out


def test_one_case_that_fails_is_pushed_back_and_the_others_go_on(
    org, councillor, monkeypatch, caplog
):
    with clock_at(at(2026, 11, 2, 9, 0)):
        bad, good = casework(org, actor=councillor), casework(org, actor=councillor)
    real = ladder_steps.escalation

    def failing(enquiry, *args, **kwargs):
        if enquiry.pk == bad.pk:
            raise RuntimeError("a broken row")
        return real(enquiry, *args, **kwargs)

    # Fails in the sweep's batch (which leaves it to be taken on its own) and on its own.
    monkeypatch.setattr(ladder_steps, "escalation", failing)
    now = at(2026, 11, 17, 0, 5)
    assert clock.enquiries_sweep(now=now) == 1
    assert good.events.filter(kind="escalated").count() == 1
    assert not bad.events.filter(kind="escalated").exists()
    assert f"enquiry {bad.pk}" in caplog.text and "a broken row" in caplog.text
    bad.refresh_from_db()
    assert bad.next_action_at == now + RETRY_AFTER
    assert Enquiry.objects.get(pk=good.pk).next_action_at > now
    monkeypatch.setattr(ladder_steps, "escalation", real)
    assert clock.enquiries_sweep(now=now + RETRY_AFTER) == 1  # tried again, and done
