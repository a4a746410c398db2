"""What every declaration service shares: who may act, email, and the re-confirmation dates
the sweep works from."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from protocol_site.calendar import end_of_day, start_of_working_day
from protocol_site.cases import long_date, record_event
from protocol_site.council_rules import rule
from protocol_site.models import User
from registers.models import Officer

from ..models import Declaration, DeclarationStep
from ..routing import reviewer_id_for

Kind = DeclarationStep.Kind
# Joined whenever a declaration is re-read under its lock.
LOCK_RELATED = ("declarer", "other_party", "manager_notified")
Status = Declaration.Status


def require_standing(declaration: Declaration) -> None:
    if declaration.is_withdrawn:
        raise ValidationError(f"{declaration.reference} has been withdrawn")


def reviewer(declaration: Declaration) -> User | None:
    user_id = reviewer_id_for(declaration)
    return User.objects.filter(pk=user_id).first() if user_id else None


def note_manager(
    declaration: Declaration, manager: Officer, label: str, *, actor=None, at=None
) -> None:
    """Record that `manager` has been told: from now they may see the declaration."""
    if declaration.manager_notified_id != manager.user_id:
        declaration.manager_notified = manager.user
        declaration.save(update_fields=["manager_notified"])
    record_event(
        declaration,
        Kind.MANAGER_NOTIFIED,
        actor=actor,
        detail=f"{manager.user.display_name} ({label}) told.",
        cycle=declaration.cycle,
        row={"recipient": manager.user, "at": at or timezone.now()},
        audit={"manager": manager.user},
    )


def relationship_line(declaration: Declaration) -> str:
    text = f"{declaration.get_relationship_display()}, from {long_date(declaration.starts_on)}"
    if declaration.ends_on:
        text += f" to {long_date(declaration.ends_on)}"
    return text + "."


# --- Re-confirmation dates ---------------------------------------------------------------------


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), or the month's last day (31 Jan -> 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def next_confirm_by(today: date) -> date:
    return add_months(today, rule("DECLARATION_CONFIRM_MONTHS"))


def reminder_on(declaration: Declaration) -> date:
    return declaration.confirm_by - timedelta(days=rule("DECLARATION_REMINDER_DAYS"))


def reminder_at(declaration: Declaration) -> datetime:
    return start_of_working_day(reminder_on(declaration))


def lapse_at(declaration: Declaration) -> datetime:
    """The moment the re-confirmation date has passed."""
    return end_of_day(declaration.confirm_by)


def is_due(declaration: Declaration, today: date | None = None) -> bool:
    """Due for re-confirmation: the reminder window has opened (or it has lapsed)."""
    today = today or timezone.localdate()
    return declaration.needs_reconfirming and today >= reminder_on(declaration)


def schedule(declaration: Declaration, *, now: datetime, done: set[str] | None = None) -> None:
    """Set next_action_at from the dates and the steps this cycle has had (`done`: the kinds
    of this cycle's reminder steps; looked up when not given)."""
    if not declaration.needs_reconfirming:
        declaration.next_action_at = None
        return
    if done is None:
        done = set(
            declaration.steps.filter(
                cycle=declaration.cycle, kind__in=DeclarationStep.REMINDER_KINDS
            ).values_list("kind", flat=True)
        )
    if Kind.LAPSED in done:
        declaration.next_action_at = None
    elif Kind.CONFIRM_REMINDER in done or now >= lapse_at(declaration):
        declaration.next_action_at = lapse_at(declaration)
    else:
        declaration.next_action_at = reminder_at(declaration)
