"""Reads scoped to the viewer. A request for advice is seen by whoever asked, the Monitoring
Officer and the Deputy, and, on a financial matter, the Chief Finance Officer; a lobbying
report by the member who made it, the Monitoring Officer and the Deputy. Anyone else: 404."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from protocol_site.access import visible_or_404

from .models import AdviceRequest, AdviceStep, LobbyingReport, Topic
from .routing import holds_monitoring_role, is_chief_finance_officer


def advice_visible_to(user) -> QuerySet[AdviceRequest]:
    if not getattr(user, "is_authenticated", False):
        return AdviceRequest.objects.none()
    if holds_monitoring_role(user):
        return AdviceRequest.objects.all()
    scope = Q(asker_id=user.pk)
    if is_chief_finance_officer(user):
        scope |= Q(topic=Topic.FINANCIAL)
    return AdviceRequest.objects.filter(scope)


def advises(user) -> bool:
    """Whether the viewer answers requests (the advisers' queue)."""
    return holds_monitoring_role(user) or is_chief_finance_officer(user)


def asked_by(user) -> QuerySet[AdviceRequest]:
    return AdviceRequest.objects.filter(asker_id=user.pk).order_by("-created_at", "-pk")


def advice_queue(user) -> QuerySet[AdviceRequest]:
    """Requests awaiting advice the viewer may see and did not ask themselves, soonest due
    first."""
    if not advises(user):
        return AdviceRequest.objects.none()
    return (
        advice_visible_to(user)
        .filter(status=AdviceRequest.Status.ASKED)
        .exclude(asker_id=user.pk)
        .select_related("asker")
        .order_by("due_on", "pk")
    )


def advice_answered(user, limit: int = 50) -> QuerySet[AdviceRequest]:
    if not advises(user):
        return AdviceRequest.objects.none()
    return (
        advice_visible_to(user)
        .exclude(status=AdviceRequest.Status.ASKED)
        .exclude(asker_id=user.pk)
        .select_related("asker")
        .order_by("-created_at", "-pk")[:limit]
    )


def advice_for(user, pk) -> AdviceRequest:
    return visible_or_404(advice_visible_to(user).select_related("asker", "advised_by"), pk=pk)


def steps_of(case: AdviceRequest) -> QuerySet[AdviceStep]:
    return case.steps.select_related("actor").order_by("at", "pk")


def enquiries_linked(case: AdviceRequest) -> list:
    """The enquiries this advice was sought for (the enquiries app links them): their
    references only, for the asker and the adviser."""
    related = getattr(case, "enquiries", None)
    if related is None:
        return []
    return list(related.order_by("pk").only("pk", "reference"))


# Lobbying about employment.
def lobbying_visible_to(user) -> QuerySet[LobbyingReport]:
    if not getattr(user, "is_authenticated", False):
        return LobbyingReport.objects.none()
    if holds_monitoring_role(user):
        return LobbyingReport.objects.all()
    return LobbyingReport.objects.filter(member_id=user.pk)


def lobbying_list(user, limit: int = 100) -> QuerySet[LobbyingReport]:
    return (
        lobbying_visible_to(user)
        .select_related("member", "officer__user")
        .order_by("-created_at", "-pk")[:limit]
    )


def lobbying_for(user, pk) -> LobbyingReport:
    return visible_or_404(
        lobbying_visible_to(user).select_related("member", "officer__user", "actioned_by"),
        pk=pk,
    )
