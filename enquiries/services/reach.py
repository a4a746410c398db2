"""A declaration made, re-confirmed or changed reaches the enquiries already open between the two
people: each is passed on by the same rules as a new enquiry (the clock keeps running), or flagged
to the Monitoring Officer where nobody else can take it.

The timeline and the emails say only that the previous officer could not deal with it: the
relationship itself stays on the declaration, which the councillor's other officers may not see.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.urls import reverse

from declarations.models import Declaration
from declarations.reach import Outcome, flag_to_monitoring_officer, reach_once
from protocol_site.cases import lock, notify, record_event

from ..models import Enquiry
from ..models import EnquiryEvent as Ev
from ..policy import escalation_ladder
from ..routing import route
from ..selectors import enquiries_visible_to
from .clock import next_on_ladder
from .reassign import hand_over

COULD_NOT = "the previous officer could not deal with it."
ESCALATION_COULD_NOT = "the senior officer it was escalated to could not deal with it."
FLAGGED = (
    "Flagged to the Monitoring Officer: {who} cannot deal with it and nobody else could be "
    "found to take it."
)


def shared_open_enquiries(declaration: Declaration):
    """Open enquiries of either person (as the councillor) held by, or escalated to, the other."""
    a, b = declaration.declarer_id, declaration.other_party_id
    held_by = Q(assigned_to__user_id=b) | Q(escalated_to__user_id=b)
    held_by_a = Q(assigned_to__user_id=a) | Q(escalated_to__user_id=a)
    return (
        Enquiry.objects.open()
        .filter((Q(councillor__user_id=a) & held_by) | (Q(councillor__user_id=b) & held_by_a))
        .order_by("pk")
    )


def enquiries_visible(user, ids: list[int]) -> set[int]:
    """The enquiries among `ids` the user may open."""
    return set(enquiries_visible_to(user).filter(pk__in=ids).values_list("pk", flat=True))


def enquiries_reach(declaration: Declaration, actor) -> None:
    """The finder registered with declarations (see EnquiriesConfig.ready)."""
    for enquiry in shared_open_enquiries(declaration):
        reach_once(
            declaration,
            case_type="enquiry",
            case=enquiry,
            url=reverse("enquiries:detail", args=[enquiry.pk]),
            act=lambda enquiry=enquiry: _reroute(enquiry, declaration, actor=actor),
        )


def _reroute(enquiry: Enquiry, declaration: Declaration, *, actor) -> tuple[str, str] | None:
    enquiry = lock(enquiry, "councillor__user", "assigned_to__user", "escalated_to__user")
    if not enquiry.is_open:
        return None
    parties = {declaration.declarer_id, declaration.other_party_id}
    if enquiry.councillor.user_id not in parties:
        return None
    done: list[str] = []
    flagged: list[str] = []
    if enquiry.assigned_to.user_id in parties:
        previous = enquiry.assigned_to
        try:
            to = route(
                service=enquiry.service,
                kind=enquiry.kind,
                approached=enquiry.approached_officer,
                councillor=enquiry.councillor,
            )
        except ValidationError:
            to = None
        if to is None or to.assigned_to.user_id in parties:
            flagged.append(str(previous))
        else:
            hand_over(
                enquiry,
                to.assigned_to,
                actor=actor,
                note=f"Passed to {to.assigned_to}: {COULD_NOT}",
                director=to.director,
                show_actor=False,
            )
            done.append(f"Passed from {previous} to {to.assigned_to}.")
    if enquiry.escalated_to_id and enquiry.escalated_to.user_id in parties:
        moved = _pass_escalation_on(enquiry, actor=actor)
        if moved:
            done.append(moved)
        else:
            flagged.append(str(enquiry.escalated_to))
    if flagged:
        who = " and ".join(flagged)
        summary = FLAGGED.format(who=who)
        record_event(
            enquiry,
            Ev.Kind.FLAGGED,
            actor=actor,
            show_actor=False,
            detail=summary,
            visible_to_councillor=False,
            audit={"declaration": declaration.reference},
        )
        flag_to_monitoring_officer(declaration, reference=enquiry.reference, summary=summary)
        return Outcome.FLAGGED, " ".join([*done, summary])
    if not done:
        return None
    return Outcome.MOVED, " ".join(done)


def _pass_escalation_on(enquiry: Enquiry, *, actor) -> str:
    """The escalation goes to the next person up the ladder who can take it ("" if nobody)."""
    ladder = [r.rung for r in escalation_ladder()]
    found = next_on_ladder(enquiry, ladder)
    if found is None:
        return ""
    step, position, _ = found
    previous, officer = enquiry.escalated_to, step.person
    enquiry.escalated_to = officer
    enquiry.save(update_fields=["escalated_to"])
    record_event(
        enquiry,
        Ev.Kind.ESCALATED,
        actor=actor,
        show_actor=False,
        detail=f"Escalation passed to {officer} ({step.label}): {ESCALATION_COULD_NOT}",
        cycle=enquiry.target_cycle,
        rung=position,
        reached_rung=step.rung.value,
        officer=officer,
    )
    notify(
        [officer.user],
        "enquiry_escalated",
        {"enquiry": enquiry, "escalated_to": officer, "role": step.label},
        key=f"enquiry:{enquiry.pk}:escalated:{enquiry.target_cycle}:{position}",
    )
    return f"Escalation passed from {previous} to {officer}."
