"""A declaration made, re-confirmed or changed reaches the briefings still open: where the officer
giving one (the nominee, or the officer it is addressed to) has a declared relationship with the
member who asked or, for a briefing to the whole group, with one of the group's members, the
briefing is flagged to the Monitoring Officer. Relationships with particular members or groups
must not suggest an officer favours them (002 §3.c.iv); who gives a briefing is the Chief
Executive's choice (001 §1.11), so nothing is moved automatically.

The timeline says only that the officer may not be the right one to give it.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from declarations.models import Declaration
from declarations.reach import Outcome, flag_to_monitoring_officer, reach_once
from protocol_site.cases import lock, record_event
from registers.models import Councillor

from ..models import BriefingEvent, BriefingRequest
from ..selectors import briefings_visible_to

FLAGGED = (
    "Flagged to the Monitoring Officer: {officer} may not be the right officer to give this "
    "briefing. The Chief Executive may choose someone else."
)


def _giver(user_id: int) -> Q:
    return Q(officer__user_id=user_id) | Q(officer__isnull=True, addressed_to__user_id=user_id)


def _asked_by(user_id: int) -> Q:
    in_group = Councillor.objects.serving().filter(user_id=user_id, group=OuterRef("group"))
    return Q(requested_by_id=user_id) | (Q(confidential=False) & Q(Exists(in_group)))


def shared_open_briefings(declaration: Declaration):
    a, b = declaration.declarer_id, declaration.other_party_id
    return (
        BriefingRequest.objects.open()
        .filter((_giver(a) & _asked_by(b)) | (_giver(b) & _asked_by(a)))
        .order_by("pk")
    )


def briefings_visible(user, ids: list[int]) -> set[int]:
    """The briefings among `ids` the user may open."""
    return set(briefings_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def briefings_reach(declaration: Declaration, actor) -> None:
    """The finder registered with declarations (see GroupsConfig.ready)."""
    for briefing in shared_open_briefings(declaration):
        reach_once(
            declaration,
            case_type="briefing",
            case=briefing,
            url=reverse("groups:detail", args=[briefing.pk]),
            act=lambda briefing=briefing: _flag(briefing, declaration, actor=actor),
        )


def _flag(briefing: BriefingRequest, declaration: Declaration, *, actor):
    briefing = lock(briefing, "officer", "addressed_to")
    if not briefing.is_open:
        return None
    officer = briefing.officer or briefing.addressed_to
    summary = FLAGGED.format(officer=officer)
    record_event(
        briefing,
        BriefingEvent.Kind.FLAGGED,
        actor=actor,
        show_actor=False,
        detail=summary,
        audit={"declaration": declaration.reference},
    )
    flag_to_monitoring_officer(declaration, reference=briefing.reference, summary=summary)
    return Outcome.FLAGGED, summary
