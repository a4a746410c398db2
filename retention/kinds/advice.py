"""Requests for the Monitoring Officer's advice, and members' reports of lobbying about an
officer's employment: both confidential, both counted from when they were closed (advice
given or the request withdrawn; the Monitoring Officer's action recorded). The question, the
advice, what the member reported and what was done go, from the field history too, with every
timeline text; the topic, who asked from which side, the officer reported, the status and the
dates stay, for the counts."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from advice.models import AdviceRequest, AdviceStep, AskerSide, LobbyingReport

from ..models import RecordKind
from . import CaseKind, stamp, wipe_text

Status = AdviceRequest.Status


def _advice_ended_before(cutoff) -> Q:
    withdrawn = AdviceStep.objects.filter(
        request=OuterRef("pk"), kind=AdviceStep.Kind.WITHDRAWN, at__lt=cutoff
    )
    return Q(status=Status.ADVISED, advised_at__lt=cutoff) | Q(
        Exists(withdrawn), status=Status.WITHDRAWN
    )


def _advice_party_to(user) -> Q:
    return Q(asker=user) | Q(advised_by=user) | Q(steps__actor=user)


def _advice_roles(case: AdviceRequest) -> dict[int, str]:
    roles = {}
    if case.advised_by_id:
        roles[case.advised_by_id] = "the adviser"
    asked = "the member" if case.asker_side == AskerSide.COUNCILLOR else "the officer"
    roles[case.asker_id] = f"{asked} who asked"
    return roles


def _advice_wipe(case: AdviceRequest) -> list[str]:
    wipe_text(case, ("question", "advice"))
    AdviceStep.objects.filter(request=case).update(detail="", actor=None)
    return []


def _advice_export(case: AdviceRequest) -> dict:
    return {
        "reference": case.reference,
        "asked_by": str(case.asker),
        "asked_as": case.get_asker_side_display(),
        "topic": case.get_topic_display(),
        "status": case.get_status_display(),
        "created_at": stamp(case.created_at),
        "due_on": stamp(case.due_on),
        "question": case.question,
        "advice": case.advice,
        "advised_by": str(case.advised_by) if case.advised_by_id else "",
        "advised_at": stamp(case.advised_at),
    }


ADVICE = CaseKind(
    kind=RecordKind.ADVICE,
    model=AdviceRequest,
    ended_before=_advice_ended_before,
    party_to=_advice_party_to,
    roles=_advice_roles,
    wipe=_advice_wipe,
    export=_advice_export,
    timeline="steps",
    url_name="advice:detail",
)


def _lobbying_party_to(user) -> Q:
    return Q(member=user) | Q(officer__user=user) | Q(actioned_by=user)


def _lobbying_roles(report: LobbyingReport) -> dict[int, str]:
    roles = {}
    if report.actioned_by_id:
        roles[report.actioned_by_id] = "the Monitoring Officer"
    if report.officer.user_id:
        roles[report.officer.user_id] = "the officer reported"
    roles[report.member_id] = "the member who reported it"
    return roles


def _lobbying_wipe(report: LobbyingReport) -> list[str]:
    wipe_text(report, ("what", "action"))
    return []


def _lobbying_export(report: LobbyingReport) -> dict:
    return {
        "reference": report.reference,
        "member": str(report.member),
        "officer": str(report.officer),
        "lobbied_on": stamp(report.lobbied_on),
        "status": report.get_status_display(),
        "created_at": stamp(report.created_at),
        "what_was_raised": report.what,
        "action": report.action,
        "actioned_at": stamp(report.actioned_at),
    }


LOBBYING = CaseKind(
    kind=RecordKind.LOBBYING,
    model=LobbyingReport,
    ended_before=lambda cutoff: Q(status=LobbyingReport.Status.ACTIONED, actioned_at__lt=cutoff),
    party_to=_lobbying_party_to,
    roles=_lobbying_roles,
    wipe=_lobbying_wipe,
    export=_lobbying_export,
    url_name="advice:lobbying_detail",
)
