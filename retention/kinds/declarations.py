"""Relationship declarations: the period starts when the relationship ended (its end date)
or the declaration was withdrawn. The details, the Monitoring Officer's questions, advice and
action, and every timeline text go, from the field history too; the declarer's side, the kind
of relationship and the dates stay, for the counts."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from declarations.models import Declaration, DeclarationStep

from ..models import RecordKind
from . import CaseKind, stamp, wipe_text

TEXT_FIELDS = ("details", "information_requested", "mo_advice", "mo_action")


def _ended_before(cutoff) -> Q:
    withdrawn = DeclarationStep.objects.filter(
        declaration=OuterRef("pk"), kind=DeclarationStep.Kind.WITHDRAWN, at__lt=cutoff
    )
    return Q(ends_on__lt=cutoff.date()) | Q(Exists(withdrawn), status=Declaration.Status.WITHDRAWN)


def _party_to(user) -> Q:
    return (
        Q(declarer=user)
        | Q(other_party=user)
        | Q(manager_notified=user)
        | Q(reviewed_by=user)
        | Q(steps__actor=user)
        | Q(steps__recipient=user)
    )


def _roles(declaration: Declaration) -> dict[int, str]:
    roles = {}
    if declaration.reviewed_by_id:
        roles[declaration.reviewed_by_id] = "the Monitoring Officer"
    if declaration.manager_notified_id:
        roles[declaration.manager_notified_id] = "the manager told of it"
    roles[declaration.other_party_id] = "the other party"
    roles[declaration.declarer_id] = "the declarer"
    return roles


def _wipe(declaration: Declaration) -> list[str]:
    wipe_text(declaration, TEXT_FIELDS)  # from the field history too: every earlier wording
    DeclarationStep.objects.filter(declaration=declaration).update(detail="", actor=None)
    return []


def _export(declaration: Declaration) -> dict:
    return {
        "reference": declaration.reference,
        "declarer": str(declaration.declarer),
        "other_party": str(declaration.other_party),
        "relationship": declaration.get_relationship_display(),
        "status": declaration.get_status_display(),
        "starts_on": stamp(declaration.starts_on),
        "ends_on": stamp(declaration.ends_on),
        "details": declaration.details,
        "monitoring_officer_advice": declaration.mo_advice,
        "monitoring_officer_action": declaration.mo_action,
    }


DECLARATIONS = CaseKind(
    kind=RecordKind.DECLARATION,
    model=Declaration,
    ended_before=_ended_before,
    party_to=_party_to,
    roles=_roles,
    wipe=_wipe,
    export=_export,
    timeline="steps",
    url_name="declarations:detail",
)
