"""Handing one outbox row to the world: by SMTP (Django's mail backend) or by GOV.UK Notify
(its official client), and telling a failure worth retrying from one that is not."""

from __future__ import annotations

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient
from requests import RequestException

logger = logging.getLogger(__name__)

# Notify answers these for a notification it will never send, however often it is asked:
# a malformed address, a missing template or personalisation, a team key's outside recipient.
_NOTIFY_PERMANENT = {400}
# Notify's final statuses for a notification it took but could not deliver.
NOTIFY_UNDELIVERED = {
    "permanent-failure": "GOV.UK Notify could not deliver it: the address does not exist or "
    "the recipient's provider refused it",
    "temporary-failure": "GOV.UK Notify could not deliver it: the inbox was full or unavailable "
    "for 72 hours",
    "technical-failure": "GOV.UK Notify could not deliver it because of a problem at Notify",
}
NOTIFY_PENDING = {"created", "sending", "pending"}


class DeliveryFailed(Exception):
    """Sending failed; `permanent` when trying again would fail the same way."""

    def __init__(self, reason: str, *, permanent: bool):
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


def notify_client() -> NotificationsAPIClient:
    if not settings.NOTIFY_API_KEY:
        raise DeliveryFailed("GOV.UK Notify is chosen but no API key is set", permanent=False)
    return NotificationsAPIClient(
        settings.NOTIFY_API_KEY,
        base_url=settings.NOTIFY_BASE_URL,
        timeout=settings.NOTIFY_TIMEOUT_SECONDS,
    )


def deliver(row, *, connection=None, client=None) -> str:
    """Send the row; returns the provider's ID for it (Notify's notification ID, or "")."""
    if settings.EMAIL_DELIVERY == "notify":
        return _by_notify(row, client or notify_client())
    _by_smtp(row, connection)
    return ""


def _by_smtp(row, connection) -> None:
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
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        refusal = "; ".join(
            f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
            for code, text in exc.recipients.values()
        )
        permanent = bool(codes) and all(500 <= code < 600 for code in codes)
        raise DeliveryFailed(
            f"The mail server refused the address: {refusal}", permanent=permanent
        ) from exc
    except smtplib.SMTPDataError as exc:
        text = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else ""
        raise DeliveryFailed(
            f"The mail server refused the message: {exc.smtp_code} {text}".strip(),
            permanent=500 <= exc.smtp_code < 600,
        ) from exc
    except Exception as exc:  # noqa: BLE001 - any other transport failure is tried again
        raise DeliveryFailed(str(exc) or type(exc).__name__, permanent=False) from exc


def notify_template_for(kind: str) -> str:
    return settings.NOTIFY_TEMPLATE_IDS.get(kind) or settings.NOTIFY_TEMPLATE_ID or ""


def _by_notify(row, client: NotificationsAPIClient) -> str:
    template = notify_template_for(row.kind)
    if not template:
        kind = row.kind or "this email"
        raise DeliveryFailed(f"No GOV.UK Notify template for {kind}", permanent=True)
    try:
        response = client.send_email_notification(
            email_address=row.to_address,
            template_id=template,
            personalisation={"subject": row.subject, "body": row.body_text, "link": row.link},
            reference=f"outbox-{row.pk}",
            email_reply_to_id=settings.NOTIFY_EMAIL_REPLY_TO_ID,
        )
    except HTTPError as exc:
        if exc.response is None:  # the client's word for a connection that failed
            raise DeliveryFailed("GOV.UK Notify could not be reached", permanent=False) from exc
        raise DeliveryFailed(
            f"GOV.UK Notify refused it: {exc.status_code} {_notify_message(exc)}",
            permanent=exc.status_code in _NOTIFY_PERMANENT,
        ) from exc
    except RequestException as exc:
        raise DeliveryFailed(f"GOV.UK Notify could not be reached: {exc}", permanent=False) from exc
    return str(response.get("id", ""))


def _notify_message(exc: HTTPError) -> str:
    message = exc.message
    if isinstance(message, list):
        return "; ".join(str(item.get("message", item)) for item in message)
    return str(message)


def notify_status(client: NotificationsAPIClient, notification_id: str) -> str:
    """Notify's status for a notification it took: "delivered", "permanent-failure", ..."""
    return str(client.get_notification_by_id(notification_id).get("status", ""))
