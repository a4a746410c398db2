"""Drill: a Celery worker is killed with SIGKILL in the middle of sending a batch of emails.

Real worker processes (`celery -A protocol_site worker --pool solo`) on the test database and
a private Redis; the mail backend (mail_backend.py) is slow and writes every hand-off to files,
so deliveries are counted across processes. The outbox's promise (protocol_site/outbox.py):
every email is delivered; a worker killed before the mail server accepted a message leaves it
to the next sweep, which sends it once; one killed in the instant after the server accepted it
but before the row was marked sent delivers that one message twice, with the same Message-ID.
"""

from collections import Counter

import pytest
from django.core import mail

from protocol_site.models import OutboxEmail
from protocol_site.outbox import MAX_ATTEMPTS, email_enqueue, outbox_send, outbox_send_pending

from .mail_backend import read_lines
from .processes import ON_SHARED_DATABASE, needs_redis_server, publish, wait_for

EMAILS = 30
KILL_AT = 11  # the first worker dies on its 11th message
SEND = "protocol_site.tasks.send_pending_email"


def _queue(count: int) -> list[OutboxEmail]:
    return [
        email_enqueue(
            to_address=f"member{i}@example.gov.uk",
            template="kernel_test",
            context={"message": f"notice {i}"},
            dedupe_key=f"drill:{i}",
        )
        for i in range(count)
    ]


def _sent() -> int:
    return OutboxEmail.objects.filter(status=OutboxEmail.Status.SENT).count()


def _kill_then_recover(private_redis, start_worker, mail_dir, *, hang: str, until):
    """Queue the batch, let a worker send it until `until()` holds, SIGKILL it, then start a
    new worker and run the send sweep twice more. Returns the rows, oldest first."""
    rows = _queue(EMAILS)
    private_redis.start()
    first = start_worker(private_redis.url, DRILL_MAIL_DELAY="0.02", **{hang: str(KILL_AT)})
    publish(private_redis.url, SEND)
    assert wait_for(until, 60), first.tail()
    first.kill()
    assert _sent() == KILL_AT - 1  # the message in hand died with the worker's transaction

    second = start_worker(private_redis.url)
    publish(private_redis.url, SEND, times=2)
    assert wait_for(lambda: _sent() == EMAILS, 60), second.tail()
    assert wait_for(lambda: second.tail().count("succeeded in") >= 2, 30), second.tail()
    assert outbox_send_pending() == 0  # and once more, here: nothing is left to send
    assert mail.outbox == []
    return rows


@pytest.mark.drill
@needs_redis_server
@ON_SHARED_DATABASE
def test_a_worker_killed_while_handing_a_message_over_loses_none_and_doubles_none(
    private_redis, start_worker, mail_dir
):
    rows = _kill_then_recover(
        private_redis,
        start_worker,
        mail_dir,
        hang="DRILL_MAIL_HANG_DURING",
        until=lambda: len(read_lines(mail_dir, "started")) == KILL_AT,
    )
    delivered = Counter(read_lines(mail_dir, "delivered"))
    assert delivered == {row.message_id: 1 for row in rows}
    attempts = dict(OutboxEmail.objects.values_list("pk", "attempts"))
    killed = rows[KILL_AT - 1].pk
    assert attempts.pop(killed) == 2  # the killed attempt was counted before sending
    assert set(attempts.values()) == {1}


@pytest.mark.drill
@needs_redis_server
@ON_SHARED_DATABASE
def test_a_worker_killed_after_the_server_accepted_a_message_sends_that_one_again(
    private_redis, start_worker, mail_dir
):
    """The window no outbox can close: the server has the message, the row is not yet marked
    sent. Exactly that message goes twice, with the same Message-ID; nothing else does."""
    rows = _kill_then_recover(
        private_redis,
        start_worker,
        mail_dir,
        hang="DRILL_MAIL_HANG_AFTER",
        until=lambda: len(read_lines(mail_dir, "delivered")) == KILL_AT,
    )
    delivered = Counter(read_lines(mail_dir, "delivered"))
    expected = {row.message_id: 1 for row in rows}
    expected[rows[KILL_AT - 1].message_id] = 2
    assert delivered == expected


@pytest.mark.drill
@pytest.mark.django_db
def test_a_message_that_kills_every_worker_is_given_up_after_the_last_attempt():
    """Each attempt is counted before sending, so a message whose sending kills the worker
    (and rolls its own transaction back) is not retried for ever."""
    row = _queue(1)[0]
    OutboxEmail.objects.filter(pk=row.pk).update(attempts=MAX_ATTEMPTS)
    assert outbox_send(row.pk) is False
    row.refresh_from_db()
    assert row.status == OutboxEmail.Status.FAILED
    assert mail.outbox == []
