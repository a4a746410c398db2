"""Referring a complaint out of this procedure (003 §15): disciplinary, the Standards Committee
(by the Monitoring Officer only, 003 §14.4) or whistleblowing."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from protocol_site.cases import lock, notify, record_event, require

from ..models import Complaint, Outcome, Referral
from ..permissions import can_refer
from .common import (
    PEOPLE,
    Ev,
    close_complaint,
    close_stage,
    current_stage,
    require_open,
)

Direction = Complaint.Direction


def complaint_stage_refer(
    *, actor, complaint: Complaint, referral: str, note: str, management_note: str = ""
) -> Complaint:
    """003 §15: refer out of the procedure. Standards Committee (a member's Code of Conduct)
    only by the Monitoring Officer (003 §14.4); disciplinary only for an officer."""
    if referral not in Referral.values:
        raise ValidationError({"referral": "Select where it is referred"})
    with transaction.atomic():
        complaint = lock(complaint, *PEOPLE)
        require_open(complaint)
        require(can_refer, actor, complaint, referral)
        if (
            referral == Referral.STANDARDS_COMMITTEE
            and complaint.direction != Direction.OFFICER_ABOUT_MEMBER
        ):
            raise ValidationError(
                {"referral": "The Standards Committee hears complaints about members"}
            )
        if (
            referral == Referral.DISCIPLINARY
            and complaint.direction != Direction.MEMBER_ABOUT_OFFICER
        ):
            raise ValidationError({"referral": "The disciplinary procedure is for officers"})
        stage = current_stage(complaint)
        close_stage(
            stage,
            outcome=Outcome.REFERRED,
            note=note.strip(),
            management_note=management_note.strip(),
            referral=referral,
        )
        complaint.refer()
        close_complaint(complaint, Outcome.REFERRED)
        referral = Referral(referral)
        # 003 §13.3: management's decision, confidential; the member is told only that.
        confidential = referral == Referral.DISCIPLINARY
        if confidential:
            public = "Referred to the council's management procedures, which are confidential."
        else:
            public = f"Referred to {referral.label}."
        record_event(
            complaint,
            Ev.REFERRED,
            actor=actor,
            detail=f"Stage {stage.number}: referred to {referral.label}. {note}".strip(),
            stage_number=stage.number,
            row={"visible_to_complainant": False},
            audit={"referral": referral},
        )
        record_event(complaint, Ev.REFERRED, actor=actor, detail=public, stage_number=stage.number)
        context = {"complaint": complaint, "referral": referral, "confidential": confidential}
        notify([complaint.complainant], "complaint_referred", context)
    return complaint
