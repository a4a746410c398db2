"""The annual report's counts of keeping local members informed: ward notices by kind
(media interest among them) and members' public meetings the relevant officer was told of."""

from __future__ import annotations

from django.db.models import Count, Q

from notices.models import MemberMeeting, WardNotice

from .selectors import Period


def ward_notices_by_kind(period: Period) -> list[dict]:
    return list(
        WardNotice.objects.filter(period.at("recorded_at"))
        .order_by()
        .values("kind")
        .annotate(
            notices=Count("pk"),
            withdrawn=Count("pk", filter=Q(withdrawn_at__isnull=False)),
        )
        .order_by("kind")
    )


def member_meetings_by_service(period: Period) -> list[dict]:
    return list(
        MemberMeeting.objects.filter(period.at("meeting_at"))
        .order_by()
        .values("service__directorate__name", "service__name")
        .annotate(
            meetings=Count("pk"),
            cancelled=Count("pk", filter=Q(cancelled_at__isnull=False)),
        )
        .order_by("service__directorate__name", "service__name")
    )
