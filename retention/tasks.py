from celery import shared_task

from .anonymise import retention_run


# Its own time limits: a long night's run is stopped only after half an hour (the case in
# hand rolls back, and the next night takes it and the rest).
@shared_task(soft_time_limit=1500, time_limit=1800)
def anonymise_past_retention() -> int:
    """Nightly (beat, 02:40 London time): anonymise every case past its retention period,
    each exactly once; safe to run twice or two at once."""
    return retention_run()
