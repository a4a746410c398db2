"""The email outbox: rows written in the caller's transaction, sent later by a Celery task."""

import logging
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import IntegrityError, transaction
from django.db import connection as database
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from .models import OutboxEmail
from .reply_address import reply_headers

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8


def _render_text(name: str, context: dict) -> str:
    """A plain-text part: not HTML, so nothing is escaped (O'Brien stays O'Brien)."""
    return get_template(name).template.render(Context(context, autoescape=False))


def email_enqueue(
    *,
    to_address: str,
    template: str,
    context: dict,
    recipient=None,
    dedupe_key: str | None = None,
    headers: dict | None = None,
) -> OutboxEmail | None:
    """Render `templates/emails/<template>/{subject.txt,body.txt,body.html}` into the outbox.

    With a dedupe_key, a second call for the same notification writes nothing and returns None.
    `headers`: extra headers (Reply-To, Auto-Submitted) sent with it.
    """
    context = {"site_url": settings.SITE_URL, "council_name": settings.COUNCIL_NAME, **context}
    subject = " ".join(_render_text(f"emails/{template}/subject.txt", context).split())
    row = OutboxEmail(
        recipient=recipient,
        to_address=to_address,
        subject=subject[:250],
        body_text=_render_text(f"emails/{template}/body.txt", context),
        body_html=render_to_string(f"emails/{template}/body.html", context),
        dedupe_key=dedupe_key,
        headers=headers or {},
    )
    try:
        with transaction.atomic():  # a savepoint: a duplicate leaves the caller's work intact
            row.save()
    except IntegrityError:
        if dedupe_key is None:
            raise
        return None
    return row


def email_user(*, user, template: str, context: dict, dedupe_key: str | None = None):
    """Queue an email to a person; people without an address are skipped. An email about a
    case that takes replies by email carries that person's reply address for it."""
    if not user.email:
        logger.warning("No email address for user %s; %s not queued", user.pk, template)
        return None
    return email_enqueue(
        to_address=user.email,
        recipient=user,
        template=template,
        context={"recipient": user, **context},
        dedupe_key=f"{dedupe_key}:user:{user.pk}" if dedupe_key else None,
        headers=reply_headers(context, user),
    )


def email_users(users, *, template: str, context: dict, dedupe_key: str | None = None) -> int:
    """Queue one email per distinct person, skipping None and repeats; returns how many."""
    seen: set[int] = set()
    for user in users:
        if user is None or user.pk in seen:
            continue
        seen.add(user.pk)
        email_user(user=user, template=template, context=context, dedupe_key=dedupe_key)
    return len(seen)


def outbox_pending_ids(limit: int = 200) -> list[int]:
    return list(
        OutboxEmail.objects.filter(
            status=OutboxEmail.Status.PENDING, next_attempt_at__lte=timezone.now()
        )
        .order_by("id")
        .values_list("id", flat=True)[:limit]
    )


def _pending_locked(pk: int) -> OutboxEmail | None:
    """The row, if still pending and no other worker holds it (inside a transaction)."""
    return (
        OutboxEmail.objects.select_for_update(skip_locked=True)
        .filter(pk=pk, status=OutboxEmail.Status.PENDING)
        .first()
    )


# The kind of session lock (PostgreSQL advisory lock) a sender holds on a row it is sending.
_SENDING = 0x6F7574  # "out"


@contextmanager
def _held(pk: int):
    """True while this sender alone holds the row, from counting its attempt to marking it
    sent or failed. On PostgreSQL a session lock, which outlives the count's commit (so no
    other sender takes the row between the count and the send) and ends with the connection
    if the worker dies (so the next sweep takes it at once). Elsewhere the database makes one
    writer wait for the other."""
    if database.vendor != "postgresql":
        yield True
        return
    key = (_SENDING, pk % 2**31)
    with database.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s::integer, %s::integer)", key)
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with database.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s::integer, %s::integer)", key)


def _claim(pk: int) -> bool:
    """Count the attempt in its own transaction before anything is sent, if the row is due
    (a message that failed a moment ago waits for its back-off, whoever else had listed it).

    A message whose sending kills the worker (so the send's own transaction never commits)
    still uses up its attempts and is given up after MAX_ATTEMPTS, not retried for ever.
    """
    with transaction.atomic():
        row = _pending_locked(pk)
        if row is None or row.next_attempt_at > timezone.now():
            return False
        if row.attempts >= MAX_ATTEMPTS:
            logger.error("Outbox email %s: giving up after %s attempts", row.pk, row.attempts)
            row.status = OutboxEmail.Status.FAILED
            row.last_error = row.last_error or "Every attempt stopped before it finished."
            row.save(update_fields=["status", "last_error"])
            return False
        row.attempts += 1
        row.save(update_fields=["attempts"])
    return True


def outbox_send(pk: int, *, connection=None) -> bool:
    """Send one pending row and mark it sent, in one transaction holding the row's lock.

    A second worker skips a row already being sent. A crash before the mail server accepts
    the message rolls the transaction back and the next sweep sends it once. A crash after
    the server accepted it but before the commit sends it again, with the same Message-ID:
    delivery is at least once, and that window is kept to the server's reply and one UPDATE.
    `connection` is an open mail connection shared by a batch (see outbox_send_pending).
    An attempt is counted only by the sender that makes it: one another sender holds is left
    to it, uncounted.
    """
    with _held(pk) as held:
        return held and _claim(pk) and _send(pk, connection)


def _send(pk: int, connection) -> bool:
    with transaction.atomic():
        row = _pending_locked(pk)
        if row is None:
            return False
        message = EmailMultiAlternatives(
            subject=row.subject,
            body=row.body_text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[row.to_address],
            headers={**row.headers, "Message-ID": row.message_id},
            connection=connection,
        )
        if row.body_html:
            message.attach_alternative(row.body_html, "text/html")
        try:
            message.send(fail_silently=False)
        except Exception as exc:  # noqa: BLE001 - any transport failure is retried later
            logger.warning("Sending outbox email %s failed: %s", row.pk, exc)
            _close_quietly(connection)  # the next message opens a fresh connection
            row.last_error = str(exc)[:2000]
            if row.attempts >= MAX_ATTEMPTS:
                row.status = OutboxEmail.Status.FAILED
            row.next_attempt_at = timezone.now() + timedelta(minutes=2**row.attempts)
            row.save(update_fields=["last_error", "status", "next_attempt_at"])
            return False
        row.status = OutboxEmail.Status.SENT
        row.sent_at = timezone.now()
        row.last_error = ""
        row.save(update_fields=["status", "sent_at", "last_error"])
        return True


def _close_quietly(connection) -> None:
    if connection is None:
        return
    try:
        connection.close()
    except Exception as exc:  # noqa: BLE001 - every row is already committed
        logger.warning("Closing the mail connection failed: %s", exc)


def outbox_send_pending(limit: int = 200) -> int:
    """Send the due rows over one mail connection: each row is marked sent as soon as the
    server has accepted it, without waiting for a connection to close in between."""
    pks = outbox_pending_ids(limit)
    if not pks:
        return 0
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as exc:  # noqa: BLE001 - each row then tries alone and records why
        logger.warning("Opening the mail connection failed: %s", exc)
        connection = None
    try:
        return sum(outbox_send(pk, connection=connection) for pk in pks)
    finally:
        _close_quietly(connection)


def outbox_purge_sent(older_than_days: int = 180) -> int:
    cutoff = timezone.now() - timedelta(days=older_than_days)
    deleted, _ = OutboxEmail.objects.filter(
        status=OutboxEmail.Status.SENT, sent_at__lt=cutoff
    ).delete()
    return deleted
