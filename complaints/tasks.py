from celery import shared_task

from .services import complaints_sweep


@shared_task
def sweep_complaints() -> int:
    """Beat: every overdue complaint stage moves up, each exactly once."""
    return complaints_sweep()
