"""RPT-1's enquiry figures, counted in one pass over the period's enquiries.

The database groups the period's enquiries by service and month received and counts every
figure in that one query; the report's tables (by service, by month, by rung, the total) are
sums of those few hundred cells.

Most figures are read from the columns the services keep (and the period's index carries):
a first reply sets `first_reply_working_days`; an escalation always names whom to, so an
enquiry ever escalated has `escalated_to`; a holding reply or agreed extension moves the target,
so `target_cycle` > 0; a follow-up that reopened it counts in `follow_ups`. What else the
timeline says is read once per enquiry, and only for those that can have something there: one
look-up in the timeline's index sums the steps into one number, a digit in base 256 each: the
escalations at rung 0, 1, ... of the ladder, then escalations at rungs no longer on it, then
holding replies.

A page view asks for the cells once (`protocol_site.request_memo`), however many tables and
totals are drawn from them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from django.db import connection
from django.db.models import (
    BigIntegerField,
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, TruncMonth
from django.utils import timezone

from enquiries.models import (
    OPEN_STATUSES,
    Enquiry,
    EnquiryEvent,
    ExtensionRequest,
    Status,
    answered_late_q,
    answered_on_time_q,
)
from enquiries.policy import escalation_ladder
from protocol_site.request_memo import memoised
from registers.ladder import RUNG_LABELS
from registers.models import Directorate, Service

BASE = 256
KEYS = ("service__directorate__name", "service__name")
LABELS = frozenset((*KEYS, "service_id", "year", "month"))
COUNTED = (
    "answered",
    "on_time",
    "late",
    "open_overdue",
    "escalated",
    "declined",
    "extensions",
    "reopened",
)
HEADLINE = ("answered", "on_time", "late", "open_overdue", "escalated")


def escalation_rungs() -> list[tuple[int, str]]:
    """The enquiry ladder's rungs, as EnquiryEvent.rung numbers them, with their labels."""
    return [(i, RUNG_LABELS[r.rung]) for i, r in enumerate(escalation_ladder())]


def figure_names(rungs: int) -> list[str]:
    names = ["received", *COUNTED, "holding_replies"]
    names += [f"rung_{r}" for r in range(rungs)]
    return names + [f"escalations_{r}" for r in range(rungs + 1)]


def _steps(rungs: int) -> Subquery:
    """One enquiry's escalations per rung and holding replies, as digits of one number."""
    digit = Case(
        *(When(kind=EnquiryEvent.Kind.ESCALATED, rung=r, then=Value(BASE**r))
          for r in range(rungs)),
        When(kind=EnquiryEvent.Kind.ESCALATED, then=Value(BASE**rungs)),
        default=Value(BASE ** (rungs + 1)),  # a holding reply
        output_field=IntegerField(),
    )  # fmt: skip
    per_enquiry = (
        EnquiryEvent.objects.filter(
            enquiry=OuterRef("pk"),
            kind__in=(EnquiryEvent.Kind.HOLDING_REPLY, EnquiryEvent.Kind.ESCALATED),
        )
        .order_by()
        .values("enquiry")
        .annotate(steps=Cast(Sum(digit), BigIntegerField()))
        .values("steps")[:1]
    )
    return Subquery(per_enquiry, output_field=BigIntegerField())


def headline_conditions() -> dict[str, Q]:
    """On time and late are measured against each enquiry's own clock: the shorter urgent one
    for an urgent enquiry, the ordinary one otherwise."""
    return {
        "answered": Q(first_reply_working_days__isnull=False),
        "on_time": answered_on_time_q(),
        "late": answered_late_q(),
        "open_overdue": Q(first_reply_working_days__isnull=True, status__in=OPEN_STATUSES)
        & Q(due_date__lt=timezone.localdate()),
        "escalated": Q(escalated_to__isnull=False),
    }


def headline(qs: QuerySet[Enquiry]) -> dict:
    """The figures a Director sees live: one aggregate, read from the index alone."""
    conditions = headline_conditions()
    return qs.aggregate(
        received=Count("pk"), **{name: Count("pk", filter=conditions[name]) for name in HEADLINE}
    )


def _one(condition: Q) -> Case:
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _cells_sql(qs: QuerySet[Enquiry], rungs: int) -> tuple[str, list]:
    """Counted twice over: the database first groups the enquiries by service, month and what
    their timeline held (a few values), so each one's timeline is looked up once; then it adds
    those groups up per service and month, taking the timeline's figures apart."""
    agreed = ExtensionRequest.objects.filter(outcome=ExtensionRequest.Outcome.AGREED)
    counted = headline_conditions() | {
        "declined": Q(status=Status.DECLINED),
        "extensions": Q(target_cycle__gt=0, pk__in=agreed.values("enquiry_id")),
        "reopened": Q(follow_ups__gt=0),
    }
    groups = (
        qs.annotate(
            cell_service=F("service_id"),
            cell_month=TruncMonth("received_at"),
            cell_steps=Case(
                When(Q(target_cycle__gt=0) | Q(escalated_to__isnull=False), then=_steps(rungs)),
                default=None,
                output_field=BigIntegerField(),
            ),
        )
        .values("cell_service", "cell_month", "cell_steps")
        .annotate(
            cell_n=Count("pk"),
            **{f"cell_{name}": Sum(_one(counted[name])) for name in COUNTED},
        )
        .order_by()
    )
    sql, params = groups.query.sql_with_params()
    q = connection.ops.quote_name
    steps, n = q("cell_steps"), q("cell_n")

    def digit(k: int) -> str:
        return f"(({steps} / {BASE**k}) %% {BASE})"  # %% : the SQL has parameters

    sums = [f"SUM({n})", *(f"SUM({q(f'cell_{name}')})" for name in COUNTED)]
    sums.append(f"SUM(CASE WHEN {digit(rungs + 1)} > 0 THEN {n} ELSE 0 END)")
    sums += [f"SUM(CASE WHEN {digit(r)} > 0 THEN {n} ELSE 0 END)" for r in range(rungs)]
    sums += [f"SUM({digit(r)} * {n})" for r in range(rungs + 1)]
    keys = ", ".join(q(f"cell_{k}") for k in ("service", "month"))
    services, directorates = Service._meta.db_table, Directorate._meta.db_table
    return (
        f"SELECT d.{q('name')}, s.{q('name')}, cube.* FROM ("
        f"SELECT {keys}, {', '.join(sums)} FROM ({sql}) g GROUP BY {keys}) cube "
        f"JOIN {q(services)} s ON s.{q('id')} = cube.{q('cell_service')} "
        f"JOIN {q(directorates)} d ON d.{q('id')} = s.{q('directorate_id')}",
        list(params),
    )


def _cells(qs: QuerySet[Enquiry]) -> list[dict]:
    rungs = len(escalation_ladder())
    names = figure_names(rungs)
    sql, params = _cells_sql(qs, rungs)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        {"service__directorate__name": d, "service__name": s, "service_id": service}
        | _year_month(month)
        | {name: int(value or 0) for name, value in zip(names, values, strict=True)}
        for d, s, service, month, *values in rows
    ]


def _year_month(month) -> dict[str, int]:
    """The first of the month, as the database gives it (a date-time, or text on SQLite)."""
    if isinstance(month, str):
        month = datetime.fromisoformat(month)
    return {"year": month.year, "month": month.month}


def _histogram(qs: QuerySet[Enquiry]) -> dict[int, dict[int, int]]:
    """How many first replies took each number of working days, per service id."""
    buckets: dict[int, dict[int, int]] = defaultdict(dict)
    for service, days, n in (
        qs.filter(first_reply_working_days__isnull=False)
        .values_list("service_id", "first_reply_working_days")
        .annotate(n=Count("pk"))
        .values_list("service_id", "first_reply_working_days", "n")
    ):
        buckets[service][days] = n
    return buckets


def cells(qs: QuerySet[Enquiry], key) -> list[dict]:
    return memoised(("reports.enquiry_cells", key, timezone.localdate()), lambda: _cells(qs))


def histogram(qs: QuerySet[Enquiry], key) -> dict[int, dict[int, int]]:
    return memoised(("reports.enquiry_days", key), lambda: _histogram(qs))


def add_up(rows: list[dict], by) -> dict:
    """Sum the cells into groups: {by(row): summed figures}."""
    out: dict = {}
    for row in rows:
        total = out.setdefault(by(row), {})
        for name, value in row.items():
            if name not in LABELS:
                total[name] = total.get(name, 0) + value
    return out


def share(figures: dict) -> float | None:
    counted = figures["on_time"] + figures["late"] + figures["open_overdue"]
    return 100.0 * figures["on_time"] / counted if counted else None


def month_start(year: int, month: int) -> datetime:
    return timezone.make_aware(datetime(year, month, 1))


def empty(rungs: int) -> dict:
    return dict.fromkeys(figure_names(rungs), 0)
