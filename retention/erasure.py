"""Erasing a person's details where the law allows: every case they are party to that has
ended is anonymised as the schedule would (each once, audited), and what cannot be is said
and kept (a case still open, or under a legal hold). Democratic services or the Monitoring
Officer confirm it with the lawful basis; the Erasure record names the person by number only."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.exceptions import ValidationError
from django.db import transaction

from protocol_site.audit import audit_record
from protocol_site.cases import require

from .anonymise import case_anonymise
from .kinds import CaseKind
from .models import Anonymisation, Erasure, LegalHold
from .permissions import can_erase
from .selectors import Subject, subject_cases

# "Has ended" at all, whatever the schedule says: ended before a moment no case reaches.
FAR_FUTURE = datetime(3000, 1, 1, tzinfo=UTC)


@dataclass
class ErasurePlan:
    to_anonymise: list[tuple[CaseKind, object]] = field(default_factory=list)
    open_cases: list[tuple[CaseKind, object]] = field(default_factory=list)
    held: list[tuple[CaseKind, object]] = field(default_factory=list)
    done_already: list[tuple[CaseKind, object]] = field(default_factory=list)


def erasure_plan(subject: Subject) -> ErasurePlan:
    """What an erasure would do now: the ended cases it anonymises, and those it leaves."""
    plan = ErasurePlan()
    for kind, cases in subject_cases(subject).items():
        ended = set(cases.filter(kind.ended_before(FAR_FUTURE)).values_list("pk", flat=True))
        done = set(Anonymisation.objects.filter(kind=kind.kind).values_list("case_id", flat=True))
        held = set(
            LegalHold.objects.in_force().filter(kind=kind.kind).values_list("case_id", flat=True)
        )
        for case in cases:
            if case.pk in done:
                plan.done_already.append((kind, case))
            elif case.pk in held:
                plan.held.append((kind, case))
            elif case.pk in ended:
                plan.to_anonymise.append((kind, case))
            else:
                plan.open_cases.append((kind, case))
    return plan


def person_erase(*, actor, subject: Subject, lawful_basis: str, confirmed: bool) -> Erasure:
    """Anonymise every ended case of the subject's (each in its own transaction, so one that
    fails leaves the others done), then record the erasure. Sent twice, the second finds the
    cases done and anonymises nothing more."""
    require(can_erase, actor)
    errors = {}
    if not lawful_basis.strip():
        errors["lawful_basis"] = "Enter why the law allows this erasure"
    if not confirmed:
        errors["confirmed"] = "Confirm that the cases listed are to be anonymised"
    if errors:
        raise ValidationError(errors)
    plan = erasure_plan(subject)
    done = 0
    for kind, case in plan.to_anonymise:
        done += (
            case_anonymise(kind=kind, pk=case.pk, why=Anonymisation.Why.ERASURE, actor=actor)
            is not None
        )
    with transaction.atomic():
        erasure = Erasure.objects.create(
            by=actor, subject=subject.token, lawful_basis=lawful_basis, cases_anonymised=done
        )
        audit_record(
            actor=actor,
            action="retention.person.erased",
            obj=erasure,
            summary=f"Erasure for {subject.kind} {subject.pk}: {done} cases anonymised",
            after={
                "subject": subject.token,
                "cases_anonymised": done,
                "kept_open": len(plan.open_cases),
                "kept_held": len(plan.held),
            },
        )
    return erasure
