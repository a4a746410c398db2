"""Retention (README "Retention and subject access"): when the nightly anonymisation runs.
How long each kind of record is kept is not a setting: democratic services keep the schedule
in the product."""

from celery.schedules import crontab

from .env import env_int

# London time. Never 01:00-02:00 (the clocks change then), and away from the 04:00 purges.
RETENTION_RUN_HOUR = env_int("RETENTION_RUN_HOUR", 2, minimum=2, maximum=23)
RETENTION_RUN_MINUTE = env_int("RETENTION_RUN_MINUTE", 40, minimum=0, maximum=59)
RETENTION_BEAT_SCHEDULE = {
    "anonymise-past-retention": {
        "task": "retention.tasks.anonymise_past_retention",
        "schedule": crontab(hour=RETENTION_RUN_HOUR, minute=RETENTION_RUN_MINUTE),
    }
}
