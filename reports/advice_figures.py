"""The annual report's figures for advice from the Monitoring Officer and for lobbying about
employment: requests asked in the period by topic, how they ended and how many went overdue,
and the lobbying reports made and acted on. Database aggregates, one query each."""

from __future__ import annotations

from django.db.models import Count, Q

from advice.models import AdviceRequest, AdviceStep, LobbyingReport, Topic

from .selectors import Period
from .tables import Table

Status = AdviceRequest.Status


def advice_by_topic(period: Period) -> list[dict]:
    """Requests asked in the period, per topic: advised, withdrawn, still open, and those whose
    advice went overdue (passed on by the clock)."""

    def counted(condition: Q) -> Count:
        return Count("pk", filter=condition, distinct=True)

    return list(
        AdviceRequest.objects.filter(period.at("created_at"))
        .order_by()
        .values("topic")
        .annotate(
            asked=Count("pk", distinct=True),
            advised=counted(Q(status=Status.ADVISED)),
            withdrawn=counted(Q(status=Status.WITHDRAWN)),
            waiting=counted(Q(status=Status.ASKED)),
            overdue=counted(Q(steps__kind=AdviceStep.Kind.ESCALATED)),
            by_officers=counted(Q(asker_side="officer")),
        )
        .order_by("topic")
    )


def lobbying_counts(period: Period) -> dict:
    """Lobbying about employment reported in the period, and those the Monitoring Officer has
    recorded action on."""
    return LobbyingReport.objects.filter(period.at("created_at")).aggregate(
        reported=Count("pk"),
        actioned=Count("pk", filter=Q(status=LobbyingReport.Status.ACTIONED)),
    )


ADVICE_COLUMNS = [
    ("asked", "Asked"),
    ("by_officers", "Asked by officers"),
    ("advised", "Advised"),
    ("withdrawn", "Withdrawn"),
    ("waiting", "Awaiting advice"),
    ("overdue", "Went overdue"),
]


def advice_tables(period: Period) -> list[Table]:
    rows = advice_by_topic(period)
    lobbying = lobbying_counts(period)
    return [
        Table(
            "advice-by-topic",
            "Advice asked of the Monitoring Officer by topic",
            ["Topic", *(label for _, label in ADVICE_COLUMNS)],
            [[Topic(r["topic"]).label, *(r[k] for k, _ in ADVICE_COLUMNS)] for r in rows],
            chart="Asked",
        ),
        Table(
            "lobbying",
            "Lobbying about employment reported to the Monitoring Officer",
            ["Reports", "Made", "Action recorded"],
            [
                ["Lobbying by officers about their own employment"]
                + [lobbying["reported"], lobbying["actioned"]]
            ],
        ),
    ]
