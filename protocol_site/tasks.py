from celery import shared_task

from .outbox import outbox_purge_sent, outbox_send_pending
from .security import sign_in_records_purge


@shared_task
def send_pending_email() -> int:
    """Beat sweep: send every pending outbox row (each exactly once)."""
    return outbox_send_pending()


@shared_task
def purge_sent_email() -> int:
    return outbox_purge_sent()


@shared_task
def purge_sign_in_records() -> int:
    return sign_in_records_purge()
