"""Referring a complaint out of this procedure (003 §15): disciplinary, the Standards Committee
(by the Monitoring Officer only, 003 §14.4) or whistleblowing."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ..models import Complaint, Outcome, Referral
from .common import (
    Ev,
    close_complaint,
    close_stage,
    current_stage,
    is_monitoring_officer,
    locked,
    notify,
    record,
    require_open,
)

Direction = Complaint.Direction


def complaint_stage_refer(
    *, actor, complaint: Complaint, referral: str, note: str, management_note: str = ""
) -> Complaint:
    """003 §15: refer out of the procedure. Standards Committee (a member's Code of Conduct)
    only by the Monitoring Officer (003 §14.4); disciplinary only for an officer."""
    if referral not in Referral.values:
        raise ValidationError({"referral": "Choose where it is referred."})
    with transaction.atomic():
        complaint = locked(complaint)
        require_open(complaint)
        mo = is_monitoring_officer(actor)
        if complaint.current_handler_id != actor.pk and not (
            mo and referral == Referral.STANDARDS_COMMITTEE
        ):
            raise PermissionDenied("Only the handler of the current stage can refer it.")
        if referral == Referral.STANDARDS_COMMITTEE:
            if not mo:
                raise PermissionDenied(
                    "Only the Monitoring Officer refers to the Standards Committee."
                )
            if complaint.direction != Direction.OFFICER_ABOUT_MEMBER:
                raise ValidationError(
                    {"referral": "The Standards Committee hears complaints about members."}
                )
        if (
            referral == Referral.DISCIPLINARY
            and complaint.direction != Direction.MEMBER_ABOUT_OFFICER
        ):
            raise ValidationError({"referral": "The disciplinary procedure is for officers."})
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
        if referral == Referral.DISCIPLINARY:
            # 003 §13.3: management's decision, confidential; the member is told only this.
            public = "Referred to the council's management procedures, which are confidential."
        else:
            public = f"Referred to {Referral(referral).label}."
        record(
            complaint,
            Ev.REFERRED,
            actor=actor,
            detail=f"Stage {stage.number}: referred to {Referral(referral).label}. {note}".strip(),
            stage_number=stage.number,
            visible_to_complainant=False,
            referral=referral,
        )
        record(complaint, Ev.REFERRED, actor=actor, detail=public, stage_number=stage.number)
        notify([complaint.complainant], complaint, "Your complaint has been referred", [public])
    return complaint
