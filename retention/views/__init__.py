"""The retention pages: the schedule and legal holds (schedule.py), subject access and
erasure (people.py)."""

from .people import (
    erase_constituent,
    erase_person,
    subject_constituent,
    subject_constituent_download,
    subject_person,
    subject_person_download,
    subject_search,
)
from .schedule import hold_lift, hold_new, holds, rule_change, schedule

__all__ = [
    "erase_constituent",
    "erase_person",
    "hold_lift",
    "hold_new",
    "holds",
    "rule_change",
    "schedule",
    "subject_constituent",
    "subject_constituent_download",
    "subject_person",
    "subject_person_download",
    "subject_search",
]
