"""Drill: Redis is down while a councillor logs an enquiry.

The request path writes the enquiry and its outbox rows in one transaction and never touches
the broker: the page still works. When Redis is back, a worker's send sweep delivers each
notification exactly once.
"""

import socket
from collections import Counter
from contextlib import contextmanager

import pytest
import redis
from celery import Celery
from django.urls import reverse

from enquiries.models import Enquiry
from protocol_site.models import AuditEvent, OutboxEmail
from protocol_site.tasks import send_pending_email

from .mail_backend import read_lines
from .processes import (
    ON_SHARED_DATABASE,
    PrivateRedis,
    free_port,
    needs_redis_server,
    publish,
    wait_for,
)

pytestmark = pytest.mark.drill

NEW = reverse("enquiries:new")
SEND = "protocol_site.tasks.send_pending_email"


class BrokerTouched(Exception):
    pass


@contextmanager
def broker_down_at(port: int, settings):
    """Point the product's Celery at a Redis on `port` that is not answering, and fail any
    attempt to publish a task or open a Redis connection. Yields the attempts made."""
    url = f"redis://127.0.0.1:{port}/0"
    attempts: list[str] = []
    real_connect = socket.socket.connect

    def refuse(what: str):
        attempts.append(what)
        raise BrokerTouched(f"the request path reached for the broker: {what}")

    def connect(sock, address):
        if isinstance(address, tuple) and address[1] == port:
            refuse(f"a socket to {address}")
        return real_connect(sock, address)

    with pytest.MonkeyPatch.context() as patch:
        settings.CELERY_BROKER_URL = url
        patch.setenv("CELERY_BROKER_URL", url)  # Celery reads the environment first
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(Celery, "send_task", lambda app, name, *a, **k: refuse(f"task {name}"))
        patch.setattr(
            redis.connection.AbstractConnection, "connect", lambda conn: refuse("redis-py")
        )
        yield attempts


def _log_an_enquiry(client, org) -> Enquiry:
    response = client.post(
        NEW,
        {
            "subject": "Fly-tipping behind the Riverside shops",
            "details": "Residents report bags dumped behind 10-20 Riverside Parade.",
            "kind": Enquiry.Kind.CASEWORK,
            "service": org.service.pk,
            "ward": org.ward.pk,
            "approached_officer": org.officers.officer.pk,
        },
    )
    enquiry = Enquiry.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("enquiries:detail", args=[enquiry.pk])
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert f"Enquiry {enquiry.reference} logged" in page.content.decode()
    return enquiry


def _saved_with_its_notifications(enquiry: Enquiry, councillor) -> list[OutboxEmail]:
    rows = list(OutboxEmail.objects.order_by("id"))
    assert {row.status for row in rows} == {OutboxEmail.Status.PENDING}
    logged = [row for row in rows if row.subject.startswith("Your enquiry has been logged")]
    assert [row.to_address for row in logged] == [councillor.email]
    assert any(row.subject.startswith("A member's enquiry has been assigned") for row in rows)
    assert AuditEvent.objects.filter(object_id=str(enquiry.pk)).exists()
    return rows


@pytest.mark.django_db
def test_a_councillor_logs_an_enquiry_while_the_broker_is_down(
    client_for, councillor, org, settings
):
    client = client_for(councillor)
    with broker_down_at(free_port(), settings) as attempts:
        enquiry = _log_an_enquiry(client, org)
    assert attempts == []
    _saved_with_its_notifications(enquiry, councillor)


@pytest.mark.django_db
def test_the_guard_would_catch_a_task_sent_from_the_request_path(settings):
    with broker_down_at(free_port(), settings) as attempts, pytest.raises(BrokerTouched):
        send_pending_email.delay()
    assert attempts == ["task protocol_site.tasks.send_pending_email"]


@needs_redis_server
@ON_SHARED_DATABASE
def test_when_redis_is_back_the_notification_goes_exactly_once(
    client_for, councillor, org, settings, tmp_path, start_worker, mail_dir
):
    broker = PrivateRedis(tmp_path).start()
    broker.stop()  # Redis stopped: nothing is listening on its port
    client = client_for(councillor)
    try:
        with broker_down_at(broker.port, settings) as attempts:
            enquiry = _log_an_enquiry(client, org)
        assert attempts == []
        rows = _saved_with_its_notifications(enquiry, councillor)

        broker.start()  # Redis is back on the same port; a worker and beat's send sweep
        worker = start_worker(broker.url)
        publish(broker.url, SEND, times=2)
        assert wait_for(
            lambda: not OutboxEmail.objects.exclude(status=OutboxEmail.Status.SENT).exists(), 60
        ), worker.tail()
        assert wait_for(lambda: worker.tail().count("succeeded in") >= 2, 30), worker.tail()
        delivered = Counter(read_lines(mail_dir, "delivered"))
        assert delivered == {row.message_id: 1 for row in rows}
    finally:
        broker.stop()
