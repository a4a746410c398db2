"""The annual report's figures for the top of the council: complaints about the Chief Executive
handled with the Senior Human Resources Manager, upheld complaints about members sent to the
Chief Executive and decided, officers who went straight to the Standards Committee, and the
Chief Executive's rulings on the protocol. Read in the report's one query for the small
registers (reports.advice_figures)."""

from __future__ import annotations

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Value

from complaints.models import (
    ChiefExecutiveDecision,
    Complaint,
    ComplaintEvent,
    ComplaintStage,
    InterpretationRuling,
)

from .selectors import Period

TOP, RULINGS = "top", "rulings"
TOP_COUNTS = ("joint", "to_chief_executive", "decided", "straight_to_standards_committee")


def top_counted(period: Period):
    """The period's complaints by these routes, as one row keyed "top" (joint,
    to_chief_executive, decided, straight_to_standards_committee, then two spare 0s): read with
    the other small registers' counts in one query (reports.advice_figures)."""
    decisions = ChiefExecutiveDecision.objects.filter(complaint=OuterRef("pk"))
    joint = ComplaintStage.objects.filter(complaint=OuterRef("pk"), co_handler__isnull=False)
    straight = ComplaintEvent.objects.filter(
        complaint=OuterRef("pk"), kind=ComplaintEvent.Kind.STANDARDS_COMMITTEE
    )
    decided = decisions.filter(status=ChiefExecutiveDecision.Status.DECIDED)
    return (
        Complaint.objects.filter(period.at("created_at"))
        .order_by()
        .annotate(key=Value(TOP))
        .values("key")
        .annotate(
            joint=Count("pk", filter=Q(Exists(joint))),
            to_chief_executive=Count("pk", filter=Q(Exists(decisions))),
            decided=Count("pk", filter=Q(Exists(decided))),
            straight_to_standards_committee=Count("pk", filter=Q(Exists(straight))),
            e=Value(0, output_field=IntegerField()),
            f=Value(0, output_field=IntegerField()),
        )
        .values_list("key", *TOP_COUNTS, "e", "f")
    )


def rulings_counted(period: Period):
    """The rulings dated in the period, as one row keyed "rulings" (the count, five spare 0s)."""
    zero = Value(0, output_field=IntegerField())
    return (
        InterpretationRuling.objects.filter(period.on("ruled_on"))
        .order_by()
        .annotate(key=Value(RULINGS))
        .values("key")
        .annotate(n=Count("pk"), b=zero, c=zero, d=zero, e=zero, f=zero)
        .values_list("key", "n", "b", "c", "d", "e", "f")
    )


def complaints_at_the_top(period: Period) -> dict[str, int]:
    """Counts of the period's complaints by these routes, and the rulings dated in it (from
    the report's one query for the small registers)."""
    from .advice_figures import COLUMNS, registers_figures  # that module builds on this one

    counts = dict.fromkeys((*TOP_COUNTS, "rulings"), 0)
    for row in registers_figures(period):
        if row["key"] == TOP:
            counts.update(zip(TOP_COUNTS, (row[c] for c in COLUMNS), strict=False))
        elif row["key"] == RULINGS:
            counts["rulings"] = row["made"]
    return counts
