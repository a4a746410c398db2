"""The annual report's counts of keeping local members informed: ward notices by kind (media
interest among them) and members' public meetings the relevant officer was told of, in one
query (a union of the two grouped counts)."""

from __future__ import annotations

from django.db.models import CharField, Count, Q, Value

from notices.models import MemberMeeting, WardNotice

from .selectors import Period

MEMBER_MEETINGS = "member_meeting"


def informed_counts(period: Period) -> list[dict]:
    """One row per kind of ward notice recorded in the period (`kind`, `recorded`, `ended`:
    withdrawn), and one for members' public meetings held in it (`ended`: cancelled)."""
    notices = (
        WardNotice.objects.filter(period.at("recorded_at"))
        .order_by()
        .values("kind")
        .annotate(recorded=Count("pk"), ended=Count("pk", filter=Q(withdrawn_at__isnull=False)))
    )
    meetings = (
        MemberMeeting.objects.filter(period.at("meeting_at"))
        .order_by()
        .annotate(kind=Value(MEMBER_MEETINGS, output_field=CharField()))
        .values("kind")
        .annotate(recorded=Count("pk"), ended=Count("pk", filter=Q(cancelled_at__isnull=False)))
    )
    return list(notices.union(meetings, all=True).order_by("kind"))
