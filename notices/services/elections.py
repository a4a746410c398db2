"""ELE-1: the Monitoring Officer declares a pre-election period with guidance, amends it, or
ends it early (001 §8.01, 003 §11.3). Periods never overlap. Members and officers are emailed
the guidance; every signed-in page shows the period while it lasts."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from protocol_site.audit import audit_record, changes, snapshot
from protocol_site.cases import lock, long_date, notify, require
from protocol_site.council_rules import rule

from .. import permissions
from ..models import ElectionPeriod
from ..selectors import (
    forget_current_period,
    guidance_recipients,
    overlapping_periods,
)

FIELDS = ("name", "starts_on", "polling_day", "guidance")
# Any constant: two declarations at once queue here on PostgreSQL, so the overlap check holds.
_DECLARE_LOCK_KEY = 7_304_212


def _serialise() -> None:
    """SQLite's IMMEDIATE transactions are serialised already; PostgreSQL needs a lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_DECLARE_LOCK_KEY])


def _checked(
    *, name: str, starts_on: date | None, polling_day: date | None, guidance: str, pk=None
) -> dict:
    errors = {}
    name, guidance = name.strip(), guidance.strip()
    if not name:
        errors["name"] = "Enter the name of the election, for example Borough elections 7 May 2026"
    if starts_on is None:
        errors["starts_on"] = "Enter the date the pre-election period starts"
    if polling_day is None:
        errors["polling_day"] = "Enter polling day"
    elif starts_on is not None and polling_day < starts_on:
        errors["polling_day"] = "Polling day must be on or after the day the period starts"
    if not guidance:
        errors["guidance"] = "Enter the guidance for members and officers"
    if "starts_on" not in errors and "polling_day" not in errors:
        clash = overlapping_periods(starts_on, polling_day, exclude_pk=pk).first()
        if clash is not None:
            errors["starts_on"] = (
                f"These dates overlap {clash.name} ({long_date(clash.starts_on)} to "
                f"{long_date(clash.last_day)}). Change or end that period first."
            )
    if errors:
        raise ValidationError(errors)
    return {"name": name, "starts_on": starts_on, "polling_day": polling_day, "guidance": guidance}


def _after_commit_forget() -> None:
    """The banner's cached period: cleared now and again once the change is visible to all."""
    forget_current_period()
    transaction.on_commit(forget_current_period)


def _tell(period: ElectionPeriod, notification: str, key: str) -> None:
    """Members and officers are sent the guidance, unless the period is already over."""
    if period.last_day < timezone.localdate():
        return
    notify(
        guidance_recipients(all_officers=rule("ELECTION_GUIDANCE_TO_ALL_OFFICERS")),
        notification,
        {"period": period},
        key=f"notices.election_period:{period.pk}:{key}",
    )


def _audit(actor, period: ElectionPeriod, action: str, summary: str, before=None, after=None):
    audit_record(
        actor=actor,
        action=action,
        obj=period,
        summary=summary,
        before=before,
        after=after if after is not None else snapshot(period),
    )


def election_period_declare(
    *, actor, name: str, starts_on: date, polling_day: date, guidance: str
) -> ElectionPeriod:
    """A period entirely in the past may be recorded for the record; nobody is emailed."""
    require(permissions.can_declare_periods, actor)
    with transaction.atomic():
        _serialise()
        values = _checked(
            name=name, starts_on=starts_on, polling_day=polling_day, guidance=guidance
        )
        period = ElectionPeriod(declared_by=actor, last_day=values["polling_day"], **values)
        period._history_user = actor
        period.save()
        _audit(
            actor,
            period,
            "notices.election_period.declared",
            f"Pre-election period declared: {period.name}, {long_date(period.starts_on)} to "
            f"{long_date(period.polling_day)}",
        )
        _after_commit_forget()
        _tell(period, "election_period_declared", "declared")
    return period


def election_period_update(
    *, actor, period: ElectionPeriod, name: str, starts_on: date, polling_day: date, guidance: str
) -> ElectionPeriod:
    """Amend the name, dates or guidance; members and officers are sent the new version."""
    require(permissions.can_declare_periods, actor)
    with transaction.atomic():
        _serialise()
        period = lock(period)
        if period.ended_early:
            raise ValidationError("This period was ended early: it stays on the record as it was")
        values = _checked(
            name=name,
            starts_on=starts_on,
            polling_day=polling_day,
            guidance=guidance,
            pk=period.pk,
        )
        before = snapshot(period, fields=list(FIELDS))
        for field, value in values.items():
            setattr(period, field, value)
        before, after = changes(before, snapshot(period, fields=list(FIELDS)))
        if not after:
            return period
        period.last_day = period.polling_day
        period.revision += 1
        period._history_user = actor
        period.save()
        changed = f"Changed: {period.name}"
        _audit(actor, period, "notices.election_period.changed", changed, before, after)
        _after_commit_forget()
        _tell(
            period,
            "election_period_changed",
            f"revision:{period.revision}",
        )
    return period


def election_period_end(*, actor, period: ElectionPeriod, reason: str = "") -> ElectionPeriod:
    """End a period in force now, e.g. when an uncontested by-election is cancelled."""
    require(permissions.can_declare_periods, actor)
    with transaction.atomic():
        period = lock(period)
        state = period.state()
        if state == "upcoming":
            raise ValidationError("This period has not started yet: change its dates instead")
        if state == "over":
            raise ValidationError("This period is already over")
        now = timezone.now()
        period.ended_at = now
        period.ended_by = actor
        period.end_reason = reason.strip()
        period.last_day = timezone.localdate(now)
        period.revision += 1
        period._history_user = actor
        period.save(update_fields=["ended_at", "ended_by", "end_reason", "last_day", "revision"])
        _audit(actor, period, "notices.election_period.ended", f"Ended early: {period.name}")
        _after_commit_forget()
        _tell(period, "election_period_ended", "ended")
    return period
