"""The annual report's figures for the confidential registers the Monitoring Officer keeps:
relationship declarations, advice asked of the Monitoring Officer, and lobbying about
employment, all read in one compound query (UNION ALL of three grouped counts) once a page.

Rows are told apart by their `key`: a declarer's side ("councillor", "officer"), an advice
topic ("protocol", "confidential", ...) or "lobbying". Advice is counted per topic for the
requests asked in the period: advised, withdrawn, still awaiting advice, those whose advice went
overdue (passed on by the clock) and those asked by officers."""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, Q, Value

from advice.models import AdviceRequest, AdviceStep, LobbyingReport, Topic
from protocol_site.request_memo import memoised

from .selectors import Period, declarations_counted
from .top_figures import rulings_counted, top_counted

Status = AdviceRequest.Status
LOBBYING = "lobbying"
# The columns each part of the union gives, in order, after `key` (the declarations' names).
COLUMNS = ("made", "reviewed", "reconfirmed", "lapsed", "withdrawn", "extra")
ADVICE = ("asked", "advised", "withdrawn", "waiting", "overdue", "by_officers")


def _zero():
    return Value(0, output_field=IntegerField())


def _advice(period: Period):
    def counted(condition: Q) -> Count:
        return Count("pk", filter=condition, distinct=True)

    return (
        AdviceRequest.objects.filter(period.at("created_at"))
        .order_by()
        .annotate(key=F("topic"))
        .values("key")
        .annotate(
            asked=Count("pk", distinct=True),
            advised=counted(Q(status=Status.ADVISED)),
            withdrawn_=counted(Q(status=Status.WITHDRAWN)),
            waiting=counted(Q(status=Status.ASKED)),
            overdue=counted(Q(steps__kind=AdviceStep.Kind.ESCALATED)),
            by_officers=counted(Q(asker_side="officer")),
        )
    )


def _lobbying(period: Period):
    return (
        LobbyingReport.objects.filter(period.at("created_at"))
        .order_by()
        .annotate(key=Value(LOBBYING))
        .values("key")
        .annotate(
            reported=Count("pk"),
            actioned=Count("pk", filter=Q(status=LobbyingReport.Status.ACTIONED)),
            a=_zero(),
            b=_zero(),
            c=_zero(),
            d=_zero(),
        )
    )


def registers_figures(period: Period) -> list[dict]:
    """Every row of the three parts, as {"key": ..., COLUMNS...}: one query once a page."""

    def compute() -> list[dict]:
        declarations = (
            declarations_counted(period).annotate(key=F("declarer_side")).annotate(extra=_zero())
        )
        rows = declarations.values_list("key", *COLUMNS).union(
            _advice(period).values_list(
                "key", "asked", "advised", "withdrawn_", "waiting", "overdue", "by_officers"
            ),
            _lobbying(period).values_list("key", "reported", "actioned", "a", "b", "c", "d"),
            top_counted(period),
            rulings_counted(period),
            all=True,
        )
        return [dict(zip(("key", *COLUMNS), row, strict=True)) for row in rows]

    return memoised(("reports.registers_figures", period.start, period.end), compute)


def declarations_rows(period: Period) -> list[dict]:
    """As reports.selectors.declarations_by_side, from the one query."""
    rows = [r for r in registers_figures(period) if r["key"] in ("councillor", "officer")]
    return [
        {"declarer_side": r["key"], **{c: r[c] for c in COLUMNS[:-1]}}
        for r in sorted(rows, key=lambda r: r["key"])
    ]


def advice_by_topic(period: Period) -> list[dict]:
    rows = [r for r in registers_figures(period) if r["key"] in Topic.values]
    return [
        {"topic": r["key"], **dict(zip(ADVICE, (r[c] for c in COLUMNS), strict=True))}
        for r in sorted(rows, key=lambda r: Topic.values.index(r["key"]))
    ]


def lobbying_counts(period: Period) -> dict:
    for r in registers_figures(period):
        if r["key"] == LOBBYING:
            return {"reported": r["made"], "actioned": r["reviewed"]}
    return {"reported": 0, "actioned": 0}
