"""One complaint: what it is, its stages, who has it and when it is due, and every step.
Every view is audited (CMP-5)."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..models import ComplaintEvent, Referral
from ..selectors import Reader, complaint_for, copies_for, shape
from ..services import complaint_record_view
from ..top.selectors import decision_on
from .common import actions_for

CONFIDENTIAL_REFERRAL = "Referred to the council's management procedures, which are confidential."


def _who_reads(event: ComplaintEvent, reader: Reader, subject) -> str:
    """Under a message on the timeline: its stage and who else reads it, for this reader."""
    stage = f"Stage {event.stage_number}."
    if reader.subject:
        return f"{stage} The handler shared this message with you."
    if event.shared_with_subject:
        return f"{stage} Shared with {subject}, whom the complaint is about."
    if reader.complainant:
        return f"{stage} Only you and those handling the complaint read this message."
    return f"{stage} Only the complainant and those handling the complaint read this message."


@require_GET
def complaint_detail(request, pk: int):
    complaint = complaint_for(request.user, pk, with_history=True)
    complaint_record_view(actor=request.user, complaint=complaint)
    shaped = shape(request.user, complaint)
    stages = shaped.stages
    for stage in stages:
        # 003 §13.3: the parties are told a referral happened, never the internal reasons,
        # and a disciplinary referral only as "management procedures".
        stage.public_note = stage.outcome_note
        stage.referral_text = stage.get_referral_display()
        if not shaped.internal and stage.referral:
            stage.public_note = ""
            if stage.referral == Referral.DISCIPLINARY:
                stage.referral_text = CONFIDENTIAL_REFERRAL
    current = next((s for s in stages if s.number == complaint.stage_number), None)
    for event in shaped.timeline:
        if event.kind in ComplaintEvent.MESSAGE_KINDS:
            event.reader_note = _who_reads(event, shaped.reader, complaint.subject)
    return render(
        request,
        "complaints/detail.html",
        {
            "complaint": complaint,
            "stages": stages,
            "current": current,
            "events": shaped.timeline,
            "copies": list(copies_for(complaint)),
            "actions": actions_for(request.user, complaint, current),
            "internal": shaped.internal,
            "decision": decision_on(complaint),
        },
    )
