from celery import shared_task

from .cases.sweep import sweep_named
from .outbox import outbox_purge_sent, outbox_send_pending
from .security import sign_in_records_purge

# A sweep that has not finished in 4 minutes is stopped (its current case's transaction rolls
# back, and the next beat run takes it again); 5 minutes is the hard limit.
SWEEP_SOFT_LIMIT = 240
SWEEP_HARD_LIMIT = 300


@shared_task(soft_time_limit=SWEEP_SOFT_LIMIT, time_limit=SWEEP_HARD_LIMIT)
def run_sweep(app_label: str) -> int:
    """Beat: one app's sweep (registered on its AppConfig), each step exactly once."""
    return sweep_named(app_label).run()


@shared_task(soft_time_limit=SWEEP_SOFT_LIMIT, time_limit=SWEEP_HARD_LIMIT)
def send_pending_email() -> int:
    """Beat sweep: send every pending outbox row (each exactly once)."""
    return outbox_send_pending()


@shared_task
def purge_sent_email() -> int:
    return outbox_purge_sent()


@shared_task
def purge_sign_in_records() -> int:
    return sign_in_records_purge()
