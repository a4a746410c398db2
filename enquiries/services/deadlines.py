"""How an enquiry's deadline moves: a holding reply's expected date or agreed extra time."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from ..models import Enquiry
from .clock import reschedule


def require_future_working_day(calendar, day: date, field: str) -> None:
    if day <= timezone.localdate():
        raise ValidationError({field: "The date must be in the future"})
    if not calendar.is_working_day(day):
        raise ValidationError({field: "Select a working day"})


def first_reply(enquiry: Enquiry, now: datetime, calendar) -> list[str]:
    """Note the first full response or holding reply; the fields it set."""
    if enquiry.first_reply_at is not None:
        return []
    enquiry.first_reply_at = now
    enquiry.first_reply_working_days = calendar.working_days_between(
        enquiry.day_of_receipt, timezone.localtime(now).date()
    )
    return ["first_reply_at", "first_reply_working_days"]


def move_target(enquiry: Enquiry, new_date: date, calendar, now) -> list[str]:
    """A new date to work to, with reminders and escalation of its own; the fields it set."""
    enquiry.target_date = new_date
    enquiry.target_cycle += 1
    enquiry.escalation_rung = 0
    reschedule(enquiry, calendar, now=now)
    return ["target_date", "target_cycle", "escalation_rung", "next_action_at", "reminded_cycle"]
