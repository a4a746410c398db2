from celery import shared_task

from .cases.once import submissions_purge
from .cases.sweep import sweep_named
from .digest import digest_send_all
from .outbox import outbox_check_notify, outbox_purge_sent, outbox_send_pending
from .security import sign_in_records_purge

# Every task has the time limits in settings (CELERY_TASK_SOFT_TIME_LIMIT, CELERY_TASK_TIME_LIMIT):
# a sweep that has not finished by then is stopped, its current case's transaction rolls back,
# and the next beat run takes it again.


@shared_task
def run_sweep(app_label: str) -> int:
    """Beat: one app's sweep (registered on its AppConfig), each step exactly once."""
    return sweep_named(app_label).run()


@shared_task
def send_pending_email() -> int:
    """Beat sweep: send every pending outbox row (each exactly once)."""
    return outbox_send_pending()


@shared_task
def send_email_digests() -> int:
    """Beat, 07:30 London: each person's daily summary of emails for their information."""
    return digest_send_all()


@shared_task
def check_notify_deliveries() -> int:
    """Beat: what GOV.UK Notify could not deliver is marked so, for democratic services."""
    return outbox_check_notify()


@shared_task
def purge_sent_email() -> int:
    return outbox_purge_sent()


@shared_task
def purge_sign_in_records() -> int:
    """Nightly housekeeping: expired sessions, old sign-in logs, and forms' one-time tokens
    used more than a few days ago."""
    return sign_in_records_purge() + submissions_purge()
