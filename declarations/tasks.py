from celery import shared_task

from .services import declarations_sweep


@shared_task
def sweep_declarations() -> int:
    """Beat: yearly re-confirmation reminders and lapse notices, each exactly once a cycle."""
    return declarations_sweep()
