"""Asking the councillor: an officer's question stops the clock until the councillor answers.

The working days counted are the council's (protocol_site.calendar): the day the question is
asked still counts; the working days after it, up to and including the day of the answer, do
not. When the answer comes, the due date and the date worked to move on by those working days,
and reminders and escalation start again from the moved date. While it waits, nothing
escalates; a question unanswered for ENQUIRY_WAITING_REMINDER_WORKING_DAYS reminds the
councillor once (clock.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.calendar import council_calendar
from protocol_site.cases import lock, long_date, notify, record_event, require
from registers.cover.rules import stand_in

from ..models import Enquiry, EnquiryPause
from ..models import EnquiryEvent as Ev
from ..permissions import can_answer, can_ask
from ..search import search_index
from .attachments import attach_files, checked_files
from .clock import reschedule
from .common import require_open
from .deadlines import move_target


def end_wait(enquiry: Enquiry, now) -> list[str]:
    """An enquiry closed while it waited (responded, declined, withdrawn): the question is no
    longer waiting. The fields it set."""
    if enquiry.waiting_since is None:
        return []
    enquiry.waiting_since = None
    enquiry.pauses.filter(resumed_at__isnull=True).update(resumed_at=now)
    return ["waiting_since"]


def enquiry_ask_councillor(*, actor, enquiry: Enquiry, question: str, files=()) -> EnquiryPause:
    """A question for clarification or consent: the enquiry waits with the councillor."""
    question = (question or "").strip()
    if not question:
        raise ValidationError({"question": "Enter your question for the councillor"})
    files = checked_files(files)
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user", "assigned_to__user")
        require(can_ask, actor, enquiry)
        require_open(enquiry)
        if enquiry.waiting_since is not None:
            raise ValidationError(
                "The councillor has a question to answer already: wait for the answer, or send "
                "a message."
            )
        now = timezone.now()
        pause = EnquiryPause.objects.create(
            enquiry=enquiry,
            number=enquiry.pauses.count() + 1,
            asked_by=actor,
            asked_at=now,
        )
        enquiry.waiting_since = now
        reschedule(enquiry, council_calendar(), now=now)
        enquiry.save(update_fields=["waiting_since", "next_action_at"])
        event = record_event(enquiry, Ev.Kind.QUESTION, actor=actor, detail=question)
        search_index(enquiry)
        attach_files(event, files, actor=actor)
        notify(
            [enquiry.councillor.user],
            "enquiry_question",
            {"enquiry": enquiry, "actor": actor},
            key=f"enquiry:{enquiry.pk}:question:{event.pk}",
        )
    return pause


def enquiry_answer(*, actor, enquiry: Enquiry, answer: str, files=()) -> EnquiryPause:
    """The councillor's answer restarts the clock; the dates move by the paused working days."""
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": "Enter your answer"})
    files = checked_files(files)
    calendar = council_calendar()
    with transaction.atomic():
        enquiry = lock(enquiry, "councillor__user", "assigned_to__user")
        require(can_answer, actor, enquiry)
        require_open(enquiry)
        pause = enquiry.pauses.filter(resumed_at__isnull=True).first()
        if enquiry.waiting_since is None or pause is None:
            raise ValidationError("There is no question waiting for your answer.")
        now = timezone.now()
        asked = timezone.localtime(pause.asked_at).date()
        answered = timezone.localtime(now).date()
        days = calendar.working_days_between(asked, answered)
        pause.resumed_at = now
        pause.working_days = days
        if days:
            pause.first_day = calendar.next_working_day(asked)
            pause.last_day = calendar.previous_working_day(calendar.next_working_day(answered))
        pause.save(update_fields=["resumed_at", "working_days", "first_day", "last_day"])
        enquiry.waiting_since = None
        fields = ["waiting_since", "next_action_at", "paused_working_days"]
        enquiry.paused_working_days += days
        new_date = None
        if days:
            enquiry.due_date = calendar.add_working_days(enquiry.due_date, days)
            new_date = calendar.add_working_days(enquiry.target_date, days)
            fields += ["due_date", *move_target(enquiry, new_date, calendar, now)]
        else:
            reschedule(enquiry, calendar, now=now)
            fields.append("reminded_cycle")
        enquiry.save(update_fields=fields)
        event = record_event(enquiry, Ev.Kind.ANSWER, actor=actor, detail=answer, new_date=new_date)
        search_index(enquiry)
        attach_files(event, files, actor=actor)
        notify(
            [stand_in(enquiry.assigned_to).user],
            "enquiry_answered",
            {
                "enquiry": enquiry,
                "actor": actor,
                "paused": days,
                "due": long_date(enquiry.target_date),
            },
            key=f"enquiry:{enquiry.pk}:answer:{event.pk}",
        )
    return pause
