"""The email outbox: rows written in the caller's transaction, sent later by a Celery task."""

import copy
import logging
import re
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db import connection as database
from django.db.models import Q
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils import timezone

from .delivery import NOTIFY_PENDING, NOTIFY_UNDELIVERED, DeliveryFailed, deliver, notify_client
from .delivery import notify_status as _notify_status
from .email_preferences import FOR_INFORMATION, Choice, for_information_choice
from .models import OutboxEmail
from .reply_address import reply_headers

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8


def _render_text(name: str, context: dict) -> str:
    """A plain-text part: not HTML, so nothing is escaped (O'Brien stays O'Brien)."""
    return get_template(name).template.render(Context(context, autoescape=False))


def email_render(template: str, context: dict) -> tuple[str, str, str]:
    """The subject, text and HTML of `templates/emails/<template>/`.

    `case_text` tells the templates whether to include the casework text people typed
    (EMAIL_INCLUDE_CASE_TEXT): by default an email says what happened and links to the case.
    """
    subject, text, html = email_render_raw(template, context)
    return one_line(subject), text, html


def one_line(subject: str) -> str:
    return " ".join(subject.split())


def email_render_raw(template: str, context: dict) -> tuple[str, str, str]:
    """`email_render`, its subject as the template wrote it (on more than one line)."""
    context = copy.copy(context)  # the caller's mapping, of whatever kind, is left as it was
    for key, value in {
        "site_url": settings.SITE_URL,
        "council_name": settings.COUNCIL_NAME,
        "case_text": settings.EMAIL_INCLUDE_CASE_TEXT,
    }.items():
        context.setdefault(key, value)
    return (
        _render_text(f"emails/{template}/subject.txt", context),
        _render_text(f"emails/{template}/body.txt", context),
        render_to_string(f"emails/{template}/body.html", context),
    )


def email_link(body_text: str) -> str:
    """The first address on the site the email points to (for the daily summary)."""
    found = re.search(re.escape(settings.SITE_URL) + r"/\S*", body_text)
    return found.group(0).rstrip(".,;:)")[:500] if found else ""


def email_enqueue(
    *,
    to_address: str,
    template: str,
    context: dict,
    recipient=None,
    dedupe_key: str | None = None,
    headers: dict | None = None,
    status: str = OutboxEmail.Status.PENDING,
) -> OutboxEmail | None:
    """Render `templates/emails/<template>/{subject.txt,body.txt,body.html}` into the outbox.

    With a dedupe_key, a second call for the same notification writes nothing and returns None.
    `headers`: extra headers (Reply-To, Auto-Submitted) sent with it.
    """
    subject, body_text, body_html = email_render(template, context)
    row = OutboxEmail(
        recipient=recipient,
        to_address=to_address,
        kind=template,
        subject=subject[:250],
        body_text=body_text,
        body_html=body_html,
        link=email_link(body_text),
        dedupe_key=dedupe_key,
        headers=headers or {},
        status=status,
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
    case that takes replies by email carries that person's reply address for it.

    An email for their information only follows their choice: sent as it happens, held for
    their daily summary, or not written at all. An email that asks them to act is always sent.
    """
    if not user.email:
        logger.warning("No email address for user %s; %s not queued", user.pk, template)
        return None
    status = OutboxEmail.Status.PENDING
    if template in FOR_INFORMATION:
        choice = for_information_choice(user)
        if choice == Choice.NEVER:
            return None
        if choice == Choice.DAILY:
            status = OutboxEmail.Status.HELD
    return email_enqueue(
        status=status,
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
            row.failed_at = timezone.now()
            row.last_error = row.last_error or "Every attempt stopped before it finished."
            row.save(update_fields=["status", "failed_at", "last_error"])
            return False
        row.attempts += 1
        row.save(update_fields=["attempts"])
    return True


def outbox_send(pk: int, *, connection=None, client=None) -> bool:
    """Send one pending row and mark it sent, in one transaction holding the row's lock.

    A second worker skips a row already being sent. A crash before the mail server accepts
    the message rolls the transaction back and the next sweep sends it once. A crash after
    the server accepted it but before the commit sends it again, with the same Message-ID:
    delivery is at least once, and that window is kept to the server's reply and one UPDATE.
    `connection` is an open mail connection shared by a batch (see outbox_send_pending).
    An attempt is counted only by the sender that makes it: one another sender holds is left
    to it, uncounted. A failure that would fail the same way again (an address the mail server
    or GOV.UK Notify refuses for good) is recorded and not tried again; any other is tried
    again with a growing wait, MAX_ATTEMPTS times at most.
    """
    with _held(pk) as held:
        return held and _claim(pk) and _send(pk, connection, client)


def _send(pk: int, connection, client) -> bool:
    with transaction.atomic():
        row = _pending_locked(pk)
        if row is None:
            return False
        try:
            row.provider_id = deliver(row, connection=connection, client=client)
        except DeliveryFailed as failure:
            logger.warning("Sending outbox email %s failed: %s", row.pk, failure.reason)
            _close_quietly(connection)  # the next message opens a fresh connection
            row.last_error = failure.reason[:2000]
            if failure.permanent or row.attempts >= MAX_ATTEMPTS:
                row.status = OutboxEmail.Status.FAILED
                row.failed_at = timezone.now()
            row.next_attempt_at = timezone.now() + timedelta(minutes=2**row.attempts)
            row.save(update_fields=["last_error", "status", "failed_at", "next_attempt_at"])
            return False
        row.status = OutboxEmail.Status.SENT
        row.sent_at = timezone.now()
        row.last_error = ""
        row.save(update_fields=["status", "sent_at", "last_error", "provider_id"])
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
    if settings.EMAIL_DELIVERY == "notify":
        try:
            client = notify_client()
        except DeliveryFailed:
            client = None  # each row then tries alone and records why
        return sum(outbox_send(pk, client=client) for pk in pks)
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


def outbox_check_notify(limit: int = 200) -> int:
    """Ask GOV.UK Notify what became of the emails it took in the last few days: one it could
    not deliver is marked not delivered, with Notify's reason, for democratic services to see.
    Returns how many were found undelivered."""
    if settings.EMAIL_DELIVERY != "notify" or not settings.NOTIFY_API_KEY:
        return 0
    since = timezone.now() - timedelta(days=settings.NOTIFY_STATUS_CHECK_DAYS)
    rows = list(
        OutboxEmail.objects.filter(status=OutboxEmail.Status.SENT, sent_at__gte=since)
        .exclude(provider_id="")
        .filter(delivery_status__in=["", *NOTIFY_PENDING])
        .order_by("sent_at")
        .values_list("pk", "provider_id")[:limit]
    )
    client = notify_client()
    undelivered = 0
    for pk, provider_id in rows:
        try:
            status = _notify_status(client, provider_id)
        except Exception as exc:  # noqa: BLE001 - asked again at the next check
            logger.warning("Checking outbox email %s with Notify failed: %s", pk, exc)
            continue
        reason = NOTIFY_UNDELIVERED.get(status)
        changes = {"delivery_status": status[:30]}
        if reason:
            changes |= {
                "status": OutboxEmail.Status.FAILED,
                "failed_at": timezone.now(),
                "last_error": reason,
            }
        undelivered += OutboxEmail.objects.filter(pk=pk, status=OutboxEmail.Status.SENT).update(
            **changes
        ) and bool(reason)
    return undelivered


def outbox_failed():
    """Emails that were not delivered, the latest first, with the person they were for."""
    return (
        OutboxEmail.objects.filter(status=OutboxEmail.Status.FAILED)
        .select_related("recipient")
        .order_by("-failed_at", "-id")
    )


def outbox_send_again(pk: int, *, to_address: str) -> OutboxEmail | None:
    """An email that was not delivered, due again now to `to_address` with its attempts
    counted afresh; None if it is no longer one that was not delivered. Call inside a
    transaction (it takes the row's lock)."""
    row = (
        OutboxEmail.objects.select_for_update()
        .filter(pk=pk, status=OutboxEmail.Status.FAILED)
        .first()
    )
    if row is None:
        return None
    row.to_address = to_address
    row.status = OutboxEmail.Status.PENDING
    row.attempts = 0
    row.next_attempt_at = timezone.now()
    row.failed_at = None
    row.last_error = ""
    row.provider_id = ""
    row.delivery_status = ""
    row.save(
        update_fields=[
            "to_address",
            "status",
            "attempts",
            "next_attempt_at",
            "failed_at",
            "last_error",
            "provider_id",
            "delivery_status",
        ]
    )
    return row


def outbox_purge_sent(older_than_days: int = 180) -> int:
    """Sent emails, and the ones that went out in a daily summary, once they are old."""
    cutoff = timezone.now() - timedelta(days=older_than_days)
    Status = OutboxEmail.Status
    deleted, _ = OutboxEmail.objects.filter(
        Q(status=Status.SENT, sent_at__lt=cutoff)
        | Q(status=Status.IN_DIGEST, created_at__lt=cutoff)
    ).delete()
    return deleted
