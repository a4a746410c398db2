"""/healthz for load balancers and /healthz/all for monitoring: the database, the cache, the
broker and the sweeps' heartbeat, with a real Redis as cache and broker."""

from datetime import timedelta

import pytest
from celery import current_app
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from protocol_site.models import SweepHeartbeat
from tests.clock import clock_at
from tests.drills.processes import PrivateRedis, needs_redis_server

pytestmark = pytest.mark.django_db


def get(name: str, **params):
    response = Client().get(reverse(name), params)
    return response.status_code, response.content.decode()


def test_a_well_service_whose_sweeps_have_not_run_yet():
    status, body = get("healthz")
    assert status == 200
    assert body.splitlines()[:4] == ["ok", "database: ok", "cache: ok", "broker: ok"]
    assert body.splitlines()[4].startswith("sweeps: the sweep has not run yet for ")
    status, body = get("healthz_all")
    assert status == 503
    assert body.startswith("unhealthy\n")


def test_the_sweeps_heartbeat_says_when_they_last_ran():
    now = timezone.now()
    with clock_at(now):
        call_command("sweep")
    assert SweepHeartbeat.objects.count() >= 1
    with clock_at(now + timedelta(minutes=3)):
        status, body = get("healthz_all")
        assert (status, body.splitlines()[-1]) == (200, "sweeps: the sweep last ran 3 minutes ago")
    with clock_at(now + timedelta(minutes=16)):
        status, body = get("healthz_all")
        assert status == 503
        assert "sweeps: the sweep last ran 16 minutes ago" in body
        status, body = get("healthz")  # the web server still serves pages
        assert status == 200
        response = Client().get(reverse("healthz_all"), {"format": "json"})
        assert response.json()["checks"]["sweeps"] == "the sweep last ran 16 minutes ago"
        assert response.json()["healthy"] is False


def test_a_database_that_does_not_answer_takes_the_server_out(monkeypatch):
    monkeypatch.setattr("protocol_site.health.database_answers", lambda **kwargs: False)
    response = Client().get(reverse("healthz"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "database: the database is not answering" in response.content.decode()


@needs_redis_server
def test_redis_as_cache_and_broker_is_checked_and_its_loss_does_not_stop_pages(
    tmp_path, settings, monkeypatch
):
    redis = PrivateRedis(tmp_path).start()
    try:
        settings.CACHES = {
            "default": {
                "BACKEND": "protocol_site.cache.TolerantRedisCache",
                "LOCATION": redis.url,
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            }
        }
        monkeypatch.setitem(current_app.conf, "broker_url", redis.url)
        # Celery reads CELERY_BROKER_URL from the environment before its own settings (CI sets it).
        monkeypatch.setenv("CELERY_BROKER_URL", redis.url)
        monkeypatch.setitem(current_app.conf, "broker_transport_options", {})
        status, body = get("healthz")
        assert status == 200
        assert "cache: ok" in body and "broker: ok" in body
    finally:
        redis.stop()
    status, body = get("healthz")
    assert status == 200  # pages still work: the cache is a shortcut, emails wait
    assert "cache: the cache is not answering" in body
    assert "broker: the broker is not answering" in body
    assert get("healthz_all")[0] == 503
