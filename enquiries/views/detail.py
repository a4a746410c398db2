"""One enquiry: what it is, who has it and why, when it is due and how, and every step."""

from __future__ import annotations

import os

from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from registers.roles import person_for

from ..models import EnquiryEvent
from ..permissions import can_keep_constituent, can_see_constituent, can_work, is_enquirer
from ..selectors import (
    advised_copy_for,
    attachments_for,
    constituent_of,
    enquiry_for,
    linked_for,
    may_read_casework,
    sharing_for,
    timeline_for,
)
from ..services import enquiry_record_view
from .common import actions_for
from .conversation import talk_for
from .files import send_file
from .followup import follow_up_window


@require_GET
def enquiry_detail(request, pk: int):
    enquiry = enquiry_for(request.user, pk)
    person = person_for(request.user)
    casework = may_read_casework(request.user, enquiry)
    if casework:
        enquiry_record_view(actor=request.user, enquiry=enquiry)
    events = list(timeline_for(request.user, enquiry))
    files = _files_by_event(request.user, enquiry)
    question = None
    for event in events:
        event.withheld = not casework and event.kind in EnquiryEvent.CASEWORK_TEXT_KINDS
        event.files = files.get(event.pk, [])
        if event.kind == EnquiryEvent.Kind.QUESTION:
            question = event
    actions = actions_for(request.user, enquiry)
    may_work = actions.work
    if not enquiry.is_open and person.officer is not None:
        may_work = can_work(request.user, enquiry)
    enquirer = is_enquirer(request.user, enquiry)
    linked = linked_for(request.user, enquiry) if person.officer is not None else []
    sees_constituent = can_see_constituent(request.user, enquiry, may_work=may_work)
    pauses, round_paused = _pauses(enquiry, to_councillor=enquirer)
    return render(
        request,
        "enquiries/detail.html",
        {
            "enquiry": enquiry,
            "may_read_casework": casework,
            "events": events,
            "actions": actions,
            "talk": talk_for(request.user, enquiry, may_work=may_work),
            "question": question if enquiry.is_waiting else None,
            "pauses": pauses,
            "round_paused": round_paused,
            **follow_up_window(enquiry),
            "enquirer": enquirer,
            "linked": linked,
            "may_link": may_work and person.officer is not None,
            "shares": sharing_for(enquiry) if enquirer else [],
            "shared_with_you": person.officer is None
            and person.councillor is not None
            and not enquirer,
            "sees_constituent": sees_constituent,
            "constituent": constituent_of(enquiry) if sees_constituent else None,
            "may_keep_constituent": sees_constituent
            and can_keep_constituent(request.user, enquiry),
            "is_officer": person.officer is not None,
            "away": enquiry.is_open and enquiry.away_until is not None,
            "today": timezone.localdate(),
            "attachment_name": os.path.basename(enquiry.attachment.name)
            if enquiry.attachment
            else "",
        },
    )


def _files_by_event(user, enquiry) -> dict[int, list]:
    """The files the viewer may download, by the step they came with: one query."""
    files: dict[int, list] = {}
    for attachment in attachments_for(user, enquiry).only(
        "pk", "enquiry_id", "event_id", "name", "size"
    ):
        files.setdefault(attachment.event_id, []).append(attachment)
    return files


@require_GET
def enquiry_copy(request, pk: int):
    """The copy of a response, for the committee chair or lead member advised of it."""
    enquiry = advised_copy_for(request.user, pk)
    return render(request, "enquiries/copy.html", {"enquiry": enquiry})


@require_GET
def enquiry_attachment(request, pk: int):
    enquiry = enquiry_for(request.user, pk)
    if not enquiry.attachment or not may_read_casework(request.user, enquiry):
        raise Http404
    response = send_file(enquiry.attachment, os.path.basename(enquiry.attachment.name))
    enquiry_record_view(
        actor=request.user, enquiry=enquiry, action="enquiries.enquiry.attachment_downloaded"
    )
    return response


def _pauses(enquiry, *, to_councillor: bool) -> tuple[list[str], int]:
    """The clock's pauses in words, and the working days they moved this round's due date on
    by: a pause before the latest follow-up belongs to an earlier round, and says so."""
    if enquiry.waiting_since is None and not enquiry.paused_working_days:
        return [], 0
    said, moved, start = [], 0, enquiry.clock_started_at
    for pause in enquiry.pauses.all():
        if not (pause.working_days or pause.resumed_at is None):
            continue
        words = pause.explain(to_councillor=to_councillor)
        if pause.asked_at < start:
            earlier = "Before the follow-up, so not moving this round's date: "
            words = earlier + words[0].lower() + words[1:]
        else:
            moved += pause.working_days
        said.append(words)
    return said, moved
