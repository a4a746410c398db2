from celery import shared_task

from .services import enquiries_sweep


@shared_task
def sweep_enquiries() -> int:
    """Beat: every reminder and escalation now due, each exactly once."""
    return enquiries_sweep()
