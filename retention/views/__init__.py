"""The retention pages: the schedule and legal holds (schedule.py), subject access and
erasure (people.py)."""

from .people import (
    erase_constituent,
    erase_person,
    erase_sender,
    subject_constituent,
    subject_constituent_download,
    subject_person,
    subject_person_download,
    subject_search,
    subject_sender,
    subject_sender_download,
)
from .schedule import hold_lift, hold_new, holds, rule_change, schedule

__all__ = [
    "erase_constituent",
    "erase_person",
    "erase_sender",
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
    "subject_sender",
    "subject_sender_download",
]
