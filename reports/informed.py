"""The annual report's counts by kind, in one query (a union of grouped counts): training
sessions by kind, ward notices by kind (media interest among them) and members' public
meetings the relevant officer was told of. The training and the keeping-informed tables both
read it, once a page view (request_memo)."""

from __future__ import annotations

from django.db.models import CharField, Count, IntegerField, Q, Value

from notices.models import MemberMeeting, WardNotice
from protocol_site.request_memo import memoised
from registers.models import TrainingSession

from .selectors import Period

MEMBER_MEETINGS = "member_meeting"
# Each part's four counts, as the union's columns a, b, c, d name them.
NAMES = {
    "training": ("sessions", "places", "attended", "councillors"),
    "notice": ("recorded", "ended", "", ""),
    MEMBER_MEETINGS: ("recorded", "ended", "", ""),
}


def _source(name: str) -> Value:
    return Value(name, output_field=CharField())


def _zero() -> Value:
    return Value(0, output_field=IntegerField())


def _counts(period: Period) -> dict[str, list[dict]]:
    attended = Q(attendance__attended=True)
    training = (
        TrainingSession.objects.filter(period.on("held_on"))
        .order_by()
        .annotate(source=_source("training"))
        .values("source", "kind")
        .annotate(
            a=Count("pk", distinct=True),
            b=Count("attendance"),
            c=Count("attendance", filter=attended),
            d=Count("attendance__councillor", filter=attended, distinct=True),
        )
    )
    notices = (
        WardNotice.objects.filter(period.at("recorded_at"))
        .order_by()
        .annotate(source=_source("notice"))
        .values("source", "kind")
        .annotate(
            a=Count("pk"),
            b=Count("pk", filter=Q(withdrawn_at__isnull=False)),
            c=_zero(),
            d=_zero(),
        )
    )
    meetings = (
        MemberMeeting.objects.filter(period.at("meeting_at"))
        .order_by()
        .annotate(source=_source(MEMBER_MEETINGS), kind=_source(MEMBER_MEETINGS))
        .values("source", "kind")
        .annotate(
            a=Count("pk"),
            b=Count("pk", filter=Q(cancelled_at__isnull=False)),
            c=_zero(),
            d=_zero(),
        )
    )
    found: dict[str, list[dict]] = {source: [] for source in NAMES}
    for row in training.union(notices, meetings, all=True).order_by("source", "kind"):
        names = NAMES[row["source"]]
        counts = dict(zip(names, (row["a"], row["b"], row["c"], row["d"]), strict=True))
        counts.pop("", None)
        if any(counts.values()):
            found[row["source"]].append({"kind": row["kind"], **counts})
    return found


def counts_by_kind(period: Period) -> dict[str, list[dict]]:
    """{"training": [{kind, sessions, places, attended, councillors}], "notice": [{kind,
    recorded, ended (withdrawn)}], "member_meeting": [{kind, recorded, ended (cancelled)}]}."""
    return memoised(("reports.counts_by_kind", period), lambda: _counts(period))
