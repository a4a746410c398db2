"""Anonymising a case: its personal text and files removed, each person on it replaced by
their role, its audit events redacted (the redaction recorded in the chain, so the trail
still verifies), and its counts (status, dates, service, group, stages) left as they were.

Exactly once per case: the Anonymisation row is unique, taken under the case's row lock in
the same transaction as the wipe. The nightly run takes each case in its own transaction, so
one that fails is logged and the rest go on; a held case is skipped, and so is one done."""

from __future__ import annotations

import logging
import re
from datetime import datetime

from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from protocol_site.audit import audit_record, audit_redact, audit_trail_for
from protocol_site.audit_words import audit_words
from protocol_site.cases import lock_first

from .kinds import CaseKind, case_kind, case_kinds, role_of
from .models import Anonymisation, LegalHold, RetentionRule
from .services import retention_rules_ensure

logger = logging.getLogger(__name__)

# A value an audit event keeps once redacted: a code, a number's text or a date ("responded",
# "2026-11-02T09:00:00+00:00"). Anything else that is text (a name, a message) goes.
_KEPT = re.compile(r"^[a-z0-9_:.+\-T]{0,40}$")
# The most cases one run anonymises (the next night takes the rest).
RUN_LIMIT = 2000


def years_before(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def _scrub(values):
    if isinstance(values, dict):
        return {key: _scrub(value) for key, value in values.items()}
    if isinstance(values, list):
        return [_scrub(value) for value in values]
    if isinstance(values, str) and not _KEPT.match(values):
        return ""
    return values


def _redaction(case, roles: dict[int, str], why: str):
    def redact(event) -> dict:
        return {
            "actor": None,
            "object_repr": str(case)[:250],
            "summary": f"{audit_words(event.action)}, by {role_of(roles, event.actor_id)}. "
            f"Its text was removed ({why.lower()}).",
            "before": _scrub(event.before),
            "after": _scrub(event.after),
        }

    return redact


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:  # a file already gone, or storage down: logged, never fatal
            logger.exception("Anonymisation: could not delete a stored file")


def case_anonymise(
    *, kind: CaseKind, pk: int, why: str, actor=None, now: datetime | None = None
) -> Anonymisation | None:
    """Anonymise one case. None when it is held, gone, or was anonymised already (by another
    run at the same moment, say): then nothing is written."""
    with transaction.atomic():
        case = lock_first(kind.cases().filter(pk=pk))
        if case is None or Anonymisation.objects.filter(kind=kind.kind, case_id=pk).exists():
            return None
        if LegalHold.objects.in_force().filter(kind=kind.kind, case_id=pk).exists():
            return None
        try:
            with transaction.atomic():
                done = Anonymisation.objects.create(
                    kind=kind.kind,
                    case_id=pk,
                    reference=case.reference,
                    why=why,
                    by=actor,
                    at=now or timezone.now(),
                )
        except IntegrityError:
            return None
        roles = kind.roles(case)
        files = kind.wipe(case)
        case.refresh_from_db()
        words = Anonymisation.Why(why).label
        events = list(audit_trail_for(case))
        redaction = audit_redact(
            events,
            redact=_redaction(case, roles, words),
            actor=actor,
            reason=f"{words}: {case.reference}",
            obj=case,
        )
        done.files_removed = len(files)
        done.audit_events_redacted = (
            len((redaction.after or {}).get("seals", {})) if redaction else 0
        )
        done.save(update_fields=["files_removed", "audit_events_redacted"])
        audit_record(
            actor=actor,
            action="retention.case.anonymised",
            obj=case,
            summary=f"{case.reference} anonymised ({words.lower()})",
            after={
                "why": why,
                "files_removed": done.files_removed,
                "audit_events_redacted": done.audit_events_redacted,
            },
        )
        transaction.on_commit(lambda: _delete_files(files))
    return done


def due_for_anonymising(kind: CaseKind, *, now: datetime, rule: RetentionRule):
    """The kind's cases past the schedule, not held and not done, oldest first."""
    cutoff = years_before(now, rule.keep_years)
    done = Anonymisation.objects.filter(kind=kind.kind).values("case_id")
    held = LegalHold.objects.in_force().filter(kind=kind.kind).values("case_id")
    return (
        kind.cases()
        .filter(kind.ended_before(cutoff))
        .exclude(Q(pk__in=done) | Q(pk__in=held))
        .order_by("pk")
        .values_list("pk", flat=True)
        .distinct()
    )


def retention_run(*, now: datetime | None = None, limit: int = RUN_LIMIT) -> int:
    """The nightly run: anonymise every case past its kind's period. Returns how many."""
    now = now or timezone.now()
    rules = {rule.kind: rule for rule in retention_rules_ensure()}
    count = 0
    for kind in case_kinds():
        for pk in list(due_for_anonymising(kind, now=now, rule=rules[kind.kind])[:limit]):
            try:
                count += (
                    case_anonymise(kind=kind, pk=pk, why=Anonymisation.Why.SCHEDULE, now=now)
                    is not None
                )
            except Exception:
                logger.exception("%s %s: anonymising failed; tried again next run", kind.kind, pk)
    return count


def anonymise_one(kind: str, pk: int, **kwargs) -> Anonymisation | None:
    return case_anonymise(kind=case_kind(kind), pk=pk, **kwargs)
