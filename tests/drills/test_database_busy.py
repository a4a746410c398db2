"""Drill: a table held by a long lock makes pages say "service is busy", quickly, and the health
check fail; when the lock goes, all is well again. PostgreSQL only (it is about its timeouts).

Another connection takes an exclusive lock on the users table, as a long migration or a stuck
transaction would. The web requests run with short limits (one-second lock timeout): a
signed-in page answers the GOV.UK 503 page with Retry-After within a couple of seconds, rather
than hanging until gunicorn kills its worker, and /healthz answers 503, so a load balancer sees
the trouble.
"""

import os
import subprocess
import sys
import time

import psycopg2
import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse

from protocol_site.database import database_timeouts_apply
from tests.enquiries.factories import casework

pytestmark = [
    pytest.mark.drill,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL's statement and lock timeouts; CI runs this on PostgreSQL",
    ),
    pytest.mark.django_db(transaction=True),
]

LOCK_SECONDS = 1
STATEMENT_SECONDS = 3


@pytest.fixture
def web_limits():
    """This process's connections run with the web server's limits, made short, as
    protocol_site.wsgi sets them; put back as they were afterwards."""
    options = dict(connection.settings_dict.get("OPTIONS", {}))
    database_timeouts_apply(statement_seconds=STATEMENT_SECONDS, lock_seconds=LOCK_SECONDS)
    yield
    connection.settings_dict["OPTIONS"] = options
    connection.close()


def _other_connection():
    params = connection.get_connection_params()
    params.pop("options", None)  # no time limits on the connection holding the lock
    params.pop("cursor_factory", None)
    return psycopg2.connect(**params)


@pytest.fixture
def lock_table():
    """`lock_table(name)`: another connection holds an exclusive lock on `name` until the test
    calls the returned release()."""
    held = []

    def lock(table: str):
        other = _other_connection()
        other.autocommit = False
        with other.cursor() as cursor:
            cursor.execute(f'LOCK TABLE "{table}" IN ACCESS EXCLUSIVE MODE')
        held.append(other)

        def release():
            other.rollback()
            other.close()
            held.remove(other)

        return release

    yield lock
    for other in list(held):
        other.rollback()
        other.close()


def _timed(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def test_a_locked_table_makes_pages_busy_and_the_health_check_fail_then_all_is_well(
    org, councillor, web_limits, lock_table
):
    casework(org)
    person = Client(raise_request_exception=False)  # as the web server: no test re-raise
    person.force_login(councillor)
    probe = Client(raise_request_exception=False)
    assert person.get(reverse("enquiries:list")).status_code == 200
    assert probe.get(reverse("healthz")).status_code == 200

    release = lock_table(councillor._meta.db_table)

    response, took = _timed(person, reverse("enquiries:list"))
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert b"Sorry, the service is busy" in response.content
    assert took < LOCK_SECONDS + 3, f"the page took {took:.1f}s"

    response, took = _timed(probe, reverse("healthz"))
    assert response.status_code == 503
    assert took < 2 + 3, f"the health check took {took:.1f}s"

    release()
    assert person.get(reverse("enquiries:list")).status_code == 200
    response = probe.get(reverse("healthz"))
    assert (response.status_code, response.content[:3]) == (200, b"ok\n")


def test_a_lock_on_the_page_s_own_table_is_the_busy_page(org, councillor, web_limits, lock_table):
    """Here the view's own query waits (the middleware's path, not the 500 handler's); the
    health check does not read that table and stays green."""
    enquiry = casework(org)
    person = Client(raise_request_exception=False)
    person.force_login(councillor)
    release = lock_table(enquiry._meta.db_table)
    response, took = _timed(person, reverse("enquiries:list"))
    assert response.status_code == 503
    assert took < LOCK_SECONDS + 3
    release()
    assert person.get(reverse("enquiries:detail", args=[enquiry.pk])).status_code == 200


def test_only_the_web_server_sets_the_limits():
    """Importing the WSGI module (what gunicorn does) puts the settings' limits on the
    connection; a management command, as Celery does, runs without them."""
    options = dict(connection.settings_dict.get("OPTIONS", {}))
    try:
        import protocol_site.wsgi  # noqa: F401

        database_timeouts_apply()  # again, if an earlier test imported it already
        with connection.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            statement = cursor.fetchone()[0]
            cursor.execute("SHOW lock_timeout")
            lock = cursor.fetchone()[0]
        assert statement == f"{settings.DATABASE_STATEMENT_TIMEOUT_SECONDS}s"
        assert lock == f"{settings.DATABASE_LOCK_TIMEOUT_SECONDS}s"
    finally:
        connection.settings_dict["OPTIONS"] = options
        connection.close()

    shell = (
        "from django.db import connection\n"
        "c = connection.cursor()\n"
        "c.execute('SHOW statement_timeout'); print(c.fetchone()[0])\n"
        "c.execute('SHOW lock_timeout'); print(c.fetchone()[0])\n"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "protocol_site.settings.test"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", shell],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["0", "0"]
