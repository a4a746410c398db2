"""The council's enquiry settings, parsed once, and the schedule they give an enquiry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from protocol_site.calendar import WorkingCalendar, end_of_day, start_of_working_day
from protocol_site.council_rules import rule
from protocol_site.request_memo import memoised
from registers.ladder import Rung


@dataclass(frozen=True)
class LadderRung:
    rung: Rung
    working_days_after: int  # after the deadline (first rung) or the previous rung


def escalation_ladder() -> tuple[LadderRung, ...]:
    rungs = []
    for item in rule("ENQUIRY_ESCALATION_LADDER"):
        name, _, days = item.partition(":")
        try:
            rungs.append(LadderRung(Rung(name.strip()), int(days or 0)))
        except ValueError:
            raise ImproperlyConfigured(
                f"ENQUIRY_ESCALATION_LADDER: {item!r} must be rung:days, with rung one of "
                f"{', '.join(r.value for r in Rung)}."
            ) from None
        if rungs[-1].working_days_after < 0:
            raise ImproperlyConfigured("ENQUIRY_ESCALATION_LADDER: days cannot be negative.")
    if not rungs:
        raise ImproperlyConfigured("ENQUIRY_ESCALATION_LADDER needs at least one rung.")
    return tuple(rungs)


def reminder_at(calendar: WorkingCalendar, target: date) -> datetime:
    """08:00 on the working day that is N working days before the target date."""
    return start_of_working_day(
        calendar.working_days_before(target, rule("ENQUIRY_REMINDER_WORKING_DAYS_BEFORE"))
    )


def escalation_dates(calendar: WorkingCalendar, target: date) -> list[tuple[int, datetime]]:
    """(rung index, instant) for each rung: end of the deadline day, then N working days on.
    Worked out once a page view or sweep batch for each target date."""
    return memoised(
        ("escalation_dates", id(calendar), target), lambda: _escalation_dates(calendar, target)
    )


def _escalation_dates(calendar: WorkingCalendar, target: date) -> list[tuple[int, datetime]]:
    moments, day = [], target
    for index, rung in enumerate(escalation_ladder()):
        day = calendar.add_working_days(day, rung.working_days_after)
        moments.append((index, end_of_day(day)))
    return moments


def clock_working_days(urgent: bool) -> int:
    """The working days an enquiry is due in: fewer when it is urgent."""
    return rule("ENQUIRY_URGENT_WORKING_DAYS") if urgent else rule("ENQUIRY_WORKING_DAYS")


def follow_up_until(calendar: WorkingCalendar, responded_at: datetime) -> date | None:
    """The last day the councillor may follow up a response sent at `responded_at`: the
    ENQUIRY_FOLLOW_UP_WORKING_DAYS-th working day after it (None: the council offers none)."""
    days = rule("ENQUIRY_FOLLOW_UP_WORKING_DAYS")
    if not days:
        return None
    sent = calendar.working_day_on_or_after(timezone.localtime(responded_at).date())
    return calendar.add_working_days(sent, days)
