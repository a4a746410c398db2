"""Yearly re-confirmation (REG-1, journey 3), driven by Celery beat sweeping the database.

Each standing declaration carries `next_action_at`: the reminder moment (08:00 London time,
DECLARATION_REMINDER_DAYS before `confirm_by`), then the end of the `confirm_by` day. The
reminder and the lapse are DeclarationStep rows unique on (declaration, kind, cycle), so two
sweeps at once, a sweep run twice, or a retried task each do the step exactly once.
"""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.db.models import Q

from protocol_site.cases import lock_first, long_date, notify, record_once, run_sweep

from ..models import Declaration
from ..routing import manager_to_tell
from .common import (
    LOCK_RELATED,
    Kind,
    Status,
    lapse_at,
    note_manager,
    reviewer,
    schedule,
)


def declarations_sweep(*, now: datetime | None = None, limit: int = 1000) -> int:
    """Send every re-confirmation reminder and lapse notice now due. Returns the steps taken."""
    return run_sweep(
        Declaration,
        due=~Q(status=Status.WITHDRAWN),
        advance=declaration_advance,
        now=now,
        limit=limit,
    )


def declaration_advance(*, pk: int, now: datetime, calendar=None) -> int:
    """Take the step now due for one declaration, under its row lock."""
    with transaction.atomic():
        declaration = lock_first(
            Declaration.objects.not_withdrawn().filter(pk=pk, next_action_at__lte=now),
            *LOCK_RELATED,
        )
        if declaration is None:
            return 0
        steps = 0
        if declaration.needs_reconfirming:
            if now >= lapse_at(declaration):
                steps = _lapse(declaration, now)
            else:
                steps = _remind(declaration, now)
        schedule(declaration, now=now)
        declaration.save(update_fields=["next_action_at"])
        return steps


def _once(declaration: Declaration, kind: str, now: datetime, detail: str, then) -> int:
    """The step's timeline row (unique per kind and cycle) and its audit event, then `then`:
    all or nothing, and only by the first sweep to get there."""
    step = record_once(
        declaration,
        kind,
        then=lambda step: then(),
        detail=detail,
        cycle=declaration.cycle,
        row={"at": now},
    )
    return int(step is not None)


def _remind(declaration: Declaration, now: datetime) -> int:
    due = long_date(declaration.confirm_by)
    return _once(
        declaration,
        Kind.CONFIRM_REMINDER,
        now,
        f"{declaration.declarer.display_name} reminded to re-confirm it by {due}.",
        lambda: notify(
            [declaration.declarer],
            "declaration_reconfirm_reminder",
            {"declaration": declaration},
            key=f"declaration:{declaration.pk}:cycle:{declaration.cycle}:reminder",
        ),
    )


def _lapse(declaration: Declaration, now: datetime) -> int:
    due = long_date(declaration.confirm_by)
    manager, label = manager_to_tell(declaration)
    mo = reviewer(declaration)
    told = [f"{manager.user.display_name} ({label})"] if manager else []
    told.append("the Monitoring Officer" if mo else "no Monitoring Officer (none in post)")

    def tell() -> None:
        key = f"declaration:{declaration.pk}:cycle:{declaration.cycle}:lapsed"
        if manager is not None and manager.user_id != declaration.manager_notified_id:
            note_manager(declaration, manager, label, at=now)
        notify(
            [declaration.declarer],
            "declaration_not_reconfirmed_declarer",
            {"declaration": declaration},
            key=f"{key}:declarer",
        )
        notify(
            [manager.user if manager else None, mo],
            "declaration_not_reconfirmed",
            {"declaration": declaration},
            key=key,
        )

    detail = f"Not re-confirmed by {due}; told: {' and '.join(told)}."
    return _once(declaration, Kind.LAPSED, now, detail, tell)
