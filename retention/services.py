"""The schedule and legal holds: every change audited, in one transaction."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from protocol_site.audit import audit_record
from protocol_site.cases import lock_first, require

from .kinds import case_kind
from .models import DEFAULT_YEARS, Anonymisation, LegalHold, RecordKind, RetentionRule
from .permissions import can_change_schedule, can_hold


def retention_rules_ensure() -> list[RetentionRule]:
    """The schedule, one rule per kind: a kind with no rule yet gets its first value (from
    the defaults). Run by the migration and by the nightly task."""
    for kind in RecordKind:
        RetentionRule.objects.get_or_create(kind=kind, defaults={"keep_years": DEFAULT_YEARS[kind]})
    return list(RetentionRule.objects.all())


def retention_rule_change(
    *, actor, rule: RetentionRule, keep_years: int, reason: str
) -> RetentionRule:
    """Democratic services change how long one kind of record is kept. It applies from the
    next nightly run; a case already anonymised stays so."""
    require(can_change_schedule, actor)
    if not 1 <= keep_years <= 50:
        raise ValidationError({"keep_years": "Years to keep must be between 1 and 50"})
    most = RetentionRule.REASON_MOST
    if len(reason) > most:
        raise ValidationError({"reason": f"Why it is changing must be {most} characters or fewer"})
    with transaction.atomic():
        rule = RetentionRule.objects.select_for_update().get(pk=rule.pk)
        before = rule.keep_years
        if before == keep_years:
            return rule
        rule.keep_years = keep_years
        rule.changed_at = timezone.now()
        rule.changed_by = actor
        rule._change_reason = reason
        rule.save(update_fields=["keep_years", "changed_at", "changed_by"])
        audit_record(
            actor=actor,
            action="retention.rule.changed",
            obj=rule,
            summary=f"{rule.get_kind_display()}: kept {keep_years} years (was {before}). {reason}",
            before={"keep_years": before},
            after={"keep_years": keep_years},
        )
    return rule


def legal_hold_set(*, actor, kind: str, case, reason: str) -> LegalHold:
    """Stop the schedule (and erasure) for one case until the hold is lifted."""
    require(can_hold, actor)
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the case is held"})
    with transaction.atomic():
        # The nightly run anonymises under the same lock. Read as its kind reads it (a record
        # with no reference of its own is given one).
        case = lock_first(case_kind(kind).cases().filter(pk=case.pk))
        if Anonymisation.objects.filter(kind=kind, case_id=case.pk).exists():
            raise ValidationError(
                {"reference": "This case has already been anonymised: there is nothing to hold"}
            )
        try:
            with transaction.atomic():
                hold = LegalHold.objects.create(
                    kind=kind,
                    case_id=case.pk,
                    reference=case.reference,
                    reason=reason,
                    set_by=actor,
                )
        except IntegrityError:
            raise ValidationError({"reference": "This case is already held"}) from None
        audit_record(
            actor=actor,
            action="retention.hold.set",
            obj=case,
            summary=f"Legal hold set on {case.reference}: {reason}",
            after={"hold": hold.pk},
        )
    return hold


def legal_hold_lift(*, actor, hold: LegalHold, reason: str) -> LegalHold:
    require(can_hold, actor)
    if not reason.strip():
        raise ValidationError({"reason": "Enter why the hold is lifted"})
    with transaction.atomic():
        hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if hold.lifted_at is not None:
            return hold
        hold.lifted_at, hold.lifted_by, hold.lift_reason = timezone.now(), actor, reason
        hold.save(update_fields=["lifted_at", "lifted_by", "lift_reason"])
        case = case_kind(hold.kind).cases().get(pk=hold.case_id)
        audit_record(
            actor=actor,
            action="retention.hold.lifted",
            obj=case,
            summary=f"Legal hold on {hold.reference} lifted: {reason}",
            after={"hold": hold.pk},
        )
    return hold
