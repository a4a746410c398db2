"""Outgoing email: what it says and how it is delivered (see README "Email going out").

By default an email says what happened and links to the case, without the casework text people
typed (enquiry subjects and responses, messages, notes, reasons): that stays in the product,
behind sign-in. A council that wants the text in its emails sets EMAIL_INCLUDE_CASE_TEXT=true.

EMAIL_DELIVERY chooses how the outbox sends: SMTP (Django's EMAIL_BACKEND, the default) or
GOV.UK Notify through its official client. With Notify, every kind of email is sent with the
template NOTIFY_TEMPLATE_<KIND> names (e.g. NOTIFY_TEMPLATE_ENQUIRY_LOGGED), or with
NOTIFY_TEMPLATE_ID when that kind has none of its own; each template receives the
personalisation `subject`, `body` and `link`.
"""

import uuid
from pathlib import Path

from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_choice, env_int, env_str

EMAIL_INCLUDE_CASE_TEXT = env_bool("EMAIL_INCLUDE_CASE_TEXT", False)

EMAIL_DELIVERY = env_choice("EMAIL_DELIVERY", "SMTP", ("SMTP", "NOTIFY")).lower()


def _uuid(name: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a GOV.UK Notify ID.") from None


def _api_key(value: str | None) -> str | None:
    """A Notify API key ends with the service ID and the secret, two UUIDs."""
    if value is None:
        return None
    value = value.strip()
    _uuid("NOTIFY_API_KEY's service ID", value[-73:-37])
    _uuid("NOTIFY_API_KEY's secret", value[-36:])
    if len(value) < 74 or value[-37] != "-":
        raise ImproperlyConfigured("NOTIFY_API_KEY is not a GOV.UK Notify API key.")
    return value


# Every kind of email the product sends: one folder each under templates/emails/.
EMAIL_KINDS = sorted(
    folder.name
    for folder in (Path(__file__).resolve().parents[2] / "templates" / "emails").iterdir()
    if folder.is_dir() and not folder.name.startswith("_")
)

NOTIFY_API_KEY = _api_key(env_str("NOTIFY_API_KEY"))
NOTIFY_BASE_URL = env_str("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")
NOTIFY_TIMEOUT_SECONDS = env_int("NOTIFY_TIMEOUT_SECONDS", 30, minimum=1, maximum=300)
NOTIFY_TEMPLATE_ID = _uuid("NOTIFY_TEMPLATE_ID", env_str("NOTIFY_TEMPLATE_ID"))
NOTIFY_TEMPLATE_IDS = {
    kind: template
    for kind in EMAIL_KINDS
    if (
        template := _uuid(
            f"NOTIFY_TEMPLATE_{kind.upper()}", env_str(f"NOTIFY_TEMPLATE_{kind.upper()}")
        )
    )
}
NOTIFY_EMAIL_REPLY_TO_ID = _uuid("NOTIFY_EMAIL_REPLY_TO_ID", env_str("NOTIFY_EMAIL_REPLY_TO_ID"))
# Notify keeps a notification's status for 7 days: a sent email's delivery is checked until then.
NOTIFY_STATUS_CHECK_DAYS = 7

if EMAIL_DELIVERY == "notify" and not (
    NOTIFY_TEMPLATE_ID or set(NOTIFY_TEMPLATE_IDS) == set(EMAIL_KINDS)
):
    raise ImproperlyConfigured(
        "EMAIL_DELIVERY=notify needs NOTIFY_TEMPLATE_ID (a template with the placeholders "
        "((subject)) and ((body))), or NOTIFY_TEMPLATE_<KIND> for every kind of email."
    )


# Beat: each person's daily summary of emails for information at 07:30 London time (on working
# days; the task skips the others), and Notify's delivery reports every 15 minutes.
EMAIL_BEAT_SCHEDULE = {
    "send-email-digests": {
        "task": "protocol_site.tasks.send_email_digests",
        "schedule": crontab(hour=7, minute=30),
    },
    "check-notify-deliveries": {
        "task": "protocol_site.tasks.check_notify_deliveries",
        "schedule": 15 * 60.0,
    },
}
