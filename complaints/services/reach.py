"""A declaration made, re-confirmed or changed reaches the complaint stages already open whose
handler it relates to the complainant or the person complained about: the stage passes to the
next person on the complaint's ladder who may take it (the same rules as moving up; the clock
keeps running), or is flagged to the Monitoring Officer where nobody else can take it.

The timeline and the emails say only that the previous handler could not deal with it.
"""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse

from declarations.models import Declaration
from declarations.reach import Outcome, flag_to_monitoring_officer, reach_once
from protocol_site.cases import lock, notify, record_event
from protocol_site.models import User

from ..models import Complaint, ComplaintStage
from ..routing import next_handler, next_rung
from ..selectors import complaints_visible_to
from .common import PEOPLE, Ev, earlier_handlers

COULD_NOT = "the previous handler could not deal with it."
FLAGGED = (
    "Flagged to the Monitoring Officer: the handler of stage {number} cannot deal with it and "
    "nobody else on the complaint's ladder could be found to take it."
)


def _party(user_id: int) -> Q:
    return (
        Q(complainant_id=user_id)
        | Q(subject_officer__user_id=user_id)
        | Q(subject_councillor__user_id=user_id)
    )


def shared_open_complaints(declaration: Declaration):
    """Open complaints whose current handler is one of the two and a party the other."""
    a, b = declaration.declarer_id, declaration.other_party_id
    return (
        Complaint.objects.open()
        .filter((Q(current_handler_id=a) & _party(b)) | (Q(current_handler_id=b) & _party(a)))
        .order_by("pk")
    )


def complaint_stages_visible(user, ids: list[int]) -> set[int]:
    """The stages among `ids` whose complaint the user may open."""
    stages = ComplaintStage.objects.filter(pk__in=ids, complaint__in=complaints_visible_to(user))
    return set(stages.values_list("pk", flat=True))


def complaints_reach(declaration: Declaration, actor) -> None:
    """The finder registered with declarations (see ComplaintsConfig.ready)."""
    for complaint in shared_open_complaints(declaration):
        stage = complaint.stages.get(number=complaint.stage_number)
        reach_once(
            declaration,
            case_type="complaint stage",
            case=stage,
            reference=f"{complaint.reference} stage {stage.number}",
            url=reverse("complaints:detail", args=[complaint.pk]),
            act=lambda complaint=complaint: _reroute(complaint, declaration, actor=actor),
        )


def _reroute(complaint: Complaint, declaration: Declaration, *, actor) -> tuple[str, str] | None:
    complaint = lock(complaint, *PEOPLE)
    stage = complaint.stages.select_related("handler").get(number=complaint.stage_number)
    parties = {declaration.declarer_id, declaration.other_party_id}
    if not complaint.is_open or not stage.is_open or stage.handler_id not in parties:
        return None
    below = complaint.stages.filter(number__lt=stage.number).order_by("-number").first()
    step = next_handler(
        complaint,
        after_rung=below.rung if below else None,
        earlier=earlier_handlers(complaint),
    )
    if step is None:
        summary = FLAGGED.format(number=stage.number)
        record_event(
            complaint,
            Ev.FLAGGED,
            actor=actor,
            show_actor=False,
            detail=summary,
            stage_number=stage.number,
            visible_to_complainant=False,
            audit={"declaration": declaration.reference},
        )
        flag_to_monitoring_officer(
            declaration, reference=f"{complaint.reference} stage {stage.number}", summary=summary
        )
        return Outcome.FLAGGED, summary
    previous = stage.handler
    stage.handler_id, stage.handler_role, stage.rung = step.user_id, step.label, step.rung.value
    stage.last_rung = next_rung(complaint, after_rung=step.rung) is None
    # The stage keeps its number and its dates: the clock keeps running.
    stage.save(update_fields=["handler", "handler_role", "rung", "last_rung"])
    complaint.current_handler_id = step.user_id
    complaint.save(update_fields=["current_handler"])
    note = f"Stage {stage.number} passed to the {step.label}, {step.person}: {COULD_NOT}"
    record_event(
        complaint,
        Ev.PASSED_ON,
        actor=actor,
        show_actor=False,
        detail=note,
        stage_number=stage.number,
        audit={"handler": step.user_id, "declaration": declaration.reference},
    )
    handler = User.objects.get(pk=step.user_id)
    context = {"complaint": complaint, "stage": stage, "note": note}
    notify([handler, previous, complaint.complainant], "complaint_stage_passed_on", context)
    return Outcome.MOVED, (
        f"Stage {stage.number} passed from {previous.display_name} to {handler.display_name}."
    )
