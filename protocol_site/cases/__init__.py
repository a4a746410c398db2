"""The case kit: what enquiries, complaints, declarations and briefings share (see kit.py,
once.py and sweep.py)."""

from .kit import (
    audit_case,
    create_with_reference,
    denies,
    lock,
    lock_first,
    long_date,
    notify,
    record_event,
    record_once,
    require,
)
from .once import do_once, submission_record, submission_take, submissions_purge
from .sweep import LATE_AFTER, is_late, registered_sweeps, run_sweep

__all__ = [
    "LATE_AFTER",
    "is_late",
    "registered_sweeps",
    "run_sweep",
    "audit_case",
    "create_with_reference",
    "denies",
    "do_once",
    "lock",
    "lock_first",
    "long_date",
    "notify",
    "record_event",
    "record_once",
    "require",
    "submission_record",
    "submission_take",
    "submissions_purge",
]
