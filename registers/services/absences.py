"""Recording an officer's absence and who covers it, and ending one early.

One transaction each: the permission check, the officer's row locked so two absences recorded
at once cannot overlap, the change, an audit event, and the cover officer told by email."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.audit import audit_record, snapshot
from protocol_site.cases import long_date, notify, require

from ..cover.rules import can_record_absence
from ..models import Absence, Officer


def _span(absence_or_dates) -> str:
    starts, ends = absence_or_dates
    if starts == ends:
        return long_date(starts)
    return f"{long_date(starts)} to {long_date(ends)}"


def absence_record(
    *, actor, officer: Officer, starts_on: date, ends_on: date, cover: Officer | None
) -> Absence:
    """`officer` is away from `starts_on` to `ends_on` (London days, both included); while
    away, `cover` takes their new enquiries, reminders and queue (none: the team queue)."""
    require(can_record_absence, actor, officer)
    today = timezone.localdate()
    errors = {}
    if starts_on < today:
        errors["starts_on"] = "The first day away must be today or in the future"
    if ends_on < starts_on:
        errors["ends_on"] = "The last day away must be the same as or after the first day away"
    if cover is not None:
        if cover.pk == officer.pk:
            errors["cover"] = "Select someone other than the officer who is away"
        elif not cover.is_active or not cover.user.is_active:
            errors["cover"] = "Select a current officer to cover"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        Officer.objects.select_for_update().filter(pk=officer.pk).first()
        clash = (
            Absence.objects.filter(officer=officer, starts_on__lte=ends_on, ends_on__gte=starts_on)
            .order_by("starts_on")
            .first()
        )
        if clash is not None:
            raise ValidationError(
                {
                    "starts_on": f"{officer} is already recorded as away "
                    f"{_span((clash.starts_on, clash.ends_on))}. Choose dates that do not "
                    "overlap it"
                }
            )
        if cover is not None:
            away = Absence.objects.filter(
                officer=cover, starts_on__lte=ends_on, ends_on__gte=starts_on
            ).first()
            if away is not None:
                raise ValidationError(
                    {
                        "cover": f"{cover} is away {_span((away.starts_on, away.ends_on))}. "
                        "Select someone who is at work"
                    }
                )
        absence = Absence.objects.create(
            officer=officer, starts_on=starts_on, ends_on=ends_on, cover=cover, recorded_by=actor
        )
        span = _span((starts_on, ends_on))
        audit_record(
            actor=actor,
            action="registers.absence.recorded",
            obj=absence,
            summary=f"{officer} away {span}"
            + (f", covered by {cover}" if cover else ", no cover: new work to the team queue"),
            after=snapshot(absence),
        )
        context = {"absence": absence, "span": span}
        if cover is not None:
            notify([cover.user], "absence_cover", context, key=f"absence:{absence.pk}:cover")
        if actor.pk != officer.user_id:
            notify([officer.user], "absence_recorded", context, key=f"absence:{absence.pk}:away")
    return absence


def absence_end(*, actor, absence: Absence) -> Absence | None:
    """The officer is back (or will not be away): an absence not yet begun is removed; one
    under way ends yesterday, so from today their work comes back to them."""
    require(can_record_absence, actor, absence.officer)
    with transaction.atomic():
        absence = Absence.objects.select_for_update().get(pk=absence.pk)
        today = timezone.localdate()
        if absence.ends_on < today:
            raise ValidationError("This absence is already over")
        before = snapshot(absence)
        if absence.starts_on >= today:
            pk = absence.pk
            absence.delete()
            absence.pk = pk
            audit_record(
                actor=actor,
                action="registers.absence.cancelled",
                obj=absence,
                summary=f"{absence.officer} will not be away after all",
                before=before,
            )
            return None
        absence.ends_on = today - timedelta(days=1)
        absence.save(update_fields=["ends_on"])
        audit_record(
            actor=actor,
            action="registers.absence.ended",
            obj=absence,
            summary=f"{absence.officer} is back from today",
            before=before,
            after=snapshot(absence),
        )
    return absence
