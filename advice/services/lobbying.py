"""A member reports lobbying by an officer about the officer's own employment; the Monitoring
Officer records what they did. Audited; the Monitoring Officer and the member are emailed once
each (no words of the report in either email)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.audit import audit_record
from protocol_site.cases import audit_case, create_with_reference, lock, notify, require
from registers.models import Officer
from registers.roles import person_for

from .. import permissions
from ..models import LobbyingReport
from ..routing import lobbying_told
from .requests import _text


def lobbying_report(*, actor, officer: Officer, lobbied_on: date, what: str) -> LobbyingReport:
    """A councillor tells the Monitoring Officer, at once, that `officer` lobbied them about
    their own employment."""
    if person_for(actor).councillor is None:
        raise PermissionDenied("Only councillors report lobbying about employment.")
    if officer is None:
        raise ValidationError({"officer": "Enter the officer who approached you"})
    if officer.user_id == actor.pk:
        raise ValidationError({"officer": "Enter another officer: you cannot report yourself"})
    today = timezone.localdate()
    if lobbied_on is None:
        raise ValidationError({"lobbied_on": "Enter the date you were approached"})
    if lobbied_on > today:
        raise ValidationError(
            {"lobbied_on": "The date you were approached must be today or in the past"}
        )
    what = _text(what, "what", "Say what the officer raised with you")
    now = timezone.now()
    with transaction.atomic():
        report = create_with_reference(
            LobbyingReport,
            prefix="LOB",
            on=now,
            history_user=actor,
            member=actor,
            officer=officer,
            lobbied_on=lobbied_on,
            what=what,
            created_at=now,
        )
        told = lobbying_told(report)
        audit_case(
            report,
            "reported",
            actor=actor,
            summary=f"Reported to {' and '.join(u.display_name for u in told) or 'nobody'}.",
        )
        notify(told, "lobbying_reported", {"report": report}, key=f"lobbying:{report.pk}:reported")
    return report


def lobbying_record_action(*, actor, report: LobbyingReport, action: str) -> LobbyingReport:
    """The Monitoring Officer records what they did (or that no action is needed); the member
    is told once, the first time."""
    action = _text(action, "action", "Say what action you took, or that none is needed")
    with transaction.atomic():
        report = lock(report, "member", "officer__user")
        require(permissions.can_record_action, actor, report)
        first = report.status == LobbyingReport.Status.REPORTED
        before = {"action": report.action}
        report.record_action()
        report.action = action
        report.actioned_by = actor
        report.actioned_at = timezone.now()
        report._history_user = actor
        report.save(update_fields=["status", "action", "actioned_by", "actioned_at"])
        audit_case(report, "actioned", actor=actor, summary="Action recorded.", before=before)
        if first:
            notify(
                [report.member],
                "lobbying_actioned",
                {"report": report},
                key=f"lobbying:{report.pk}:actioned",
            )
    return report


def lobbying_record_view(*, actor, report: LobbyingReport) -> None:
    if actor.pk != report.member_id:
        audit_record(
            actor=actor,
            action="advice.lobbying.viewed",
            obj=report,
            summary=f"Viewed by {actor}.",
        )
