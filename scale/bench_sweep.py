"""The beat sweeps at scale: with nothing due, and with 1,000 escalations due.

Both run at the dataset's reference time (when it was seeded, nothing was due). For the second,
1,000 open enquiries whose next step is an escalation are made due, the sweeps run for real
(each enquiry in its own transaction, as beat runs them), every one is checked to have been
escalated exactly once (and a second sweep to do nothing), then the rows are put back as they
were: the new timeline rows and emails deleted, the enquiries' clock columns restored.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Count, F, Max

from enquiries.models import Enquiry, EnquiryEvent
from enquiries.policy import escalation_ladder
from enquiries.services.clock import next_on_ladder
from protocol_site.cases.sweep import registered_sweeps
from protocol_site.models import AuditEvent, OutboxEmail

CLOCK_FIELDS = ("escalation_rung", "escalated_to_id", "next_action_at", "reminded_cycle")


@dataclass
class SweepResult:
    name: str
    seconds: list[float] = field(default_factory=list)
    steps: int = 0
    due: int = 0
    checks: list[str] = field(default_factory=list)
    ok: bool = True

    @property
    def worst(self) -> float:
        return max(self.seconds) if self.seconds else 0.0


def run_sweeps(now: datetime) -> tuple[float, int]:
    begun = time.perf_counter()
    steps = sum(sweep.run(now=now) for sweep in registered_sweeps())
    return time.perf_counter() - begun, steps


def bench_nothing_due(now: datetime, *, runs: int = 5) -> SweepResult:
    result = SweepResult(name="Sweep, nothing due")
    for _ in range(runs):
        seconds, steps = run_sweeps(now)
        result.seconds.append(seconds)
        result.steps += steps
    if result.steps:
        result.ok = False
        result.checks.append(f"{result.steps} steps taken: the dataset had something due")
    else:
        result.checks.append("no steps taken")
    return result


def _candidates(now: datetime, wanted: int) -> list[int]:
    """Open enquiries whose next step is an escalation (reminded this deadline already, rungs
    left to climb), not yet due."""
    rungs = len(escalation_ladder())
    return list(
        Enquiry.objects.open()
        .filter(
            reminded_cycle=F("target_cycle"),
            escalation_rung__lt=rungs,
            next_action_at__gt=now,
        )
        .order_by("next_action_at", "pk")
        .values_list("pk", flat=True)[:wanted]
    )


def _top_id(model) -> int:
    return model.objects.aggregate(top=Max("pk"))["top"] or 0


def bench_escalations_due(now: datetime, *, wanted: int = 1000) -> SweepResult:
    chosen = _candidates(now, wanted)
    result = SweepResult(name=f"Sweep, {len(chosen):,} escalations due", due=len(chosen))
    saved = {
        row["pk"]: row for row in Enquiry.objects.filter(pk__in=chosen).values("pk", *CLOCK_FIELDS)
    }
    marks = {model: _top_id(model) for model in (EnquiryEvent, OutboxEmail, AuditEvent)}
    Enquiry.objects.filter(pk__in=chosen).update(next_action_at=now - timedelta(minutes=1))
    try:
        seconds, steps = run_sweeps(now)
        result.seconds.append(seconds)
        result.steps = steps
        _check_once(result, chosen, marks[EnquiryEvent], now)
    finally:
        _put_back(saved, marks)
    return result


def _check_once(result: SweepResult, chosen: list[int], mark: int, now: datetime) -> None:
    per_enquiry = dict(
        EnquiryEvent.objects.filter(pk__gt=mark, kind=EnquiryEvent.Kind.ESCALATED)
        .values_list("enquiry_id")
        .annotate(n=Count("pk"))
    )
    once = sum(1 for pk in chosen if per_enquiry.get(pk) == 1)
    twice = sum(1 for n in per_enquiry.values() if n > 1)
    others = set(per_enquiry) - set(chosen)
    nobody = _nobody_left([pk for pk in chosen if pk not in per_enquiry])
    result.checks.append(f"{once:,} of {len(chosen):,} escalated exactly once")
    if nobody:
        result.checks.append(f"{nobody:,} had nobody left on the ladder at that rung")
    if once + nobody != len(chosen) or twice or others:
        result.ok = False
        result.checks.append(f"{twice} escalated more than once, {len(others)} not chosen")
    _seconds, again = run_sweeps(now)
    result.checks.append(f"a second sweep took {again} steps")
    if again:
        result.ok = False


def _nobody_left(pks: list[int]) -> int:
    """How many of these enquiries the ladder had nobody for at their rung (so the sweep
    rightly moved on without an escalation)."""
    rungs = [r.rung for r in escalation_ladder()]
    found = 0
    for enquiry in Enquiry.objects.filter(pk__in=pks).select_related("assigned_to", "councillor"):
        found += next_on_ladder(enquiry, rungs) is None
    return found


def _put_back(saved: dict[int, dict], marks: dict) -> None:
    with transaction.atomic():
        EnquiryEvent.objects.filter(pk__gt=marks[EnquiryEvent]).delete()
        OutboxEmail.objects.filter(pk__gt=marks[OutboxEmail]).delete()
        # The audit trail refuses deletes through the ORM; rows added at its end leave the
        # hash chain of the rows before them intact.
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {AuditEvent._meta.db_table} WHERE id > %s", [marks[AuditEvent]]
            )
        rows = []
        for enquiry in Enquiry.objects.filter(pk__in=list(saved)):
            for name in CLOCK_FIELDS:
                setattr(enquiry, name, saved[enquiry.pk][name])
            rows.append(enquiry)
        Enquiry.objects.bulk_update(rows, list(CLOCK_FIELDS), batch_size=500)
