"""The conversation's pages: messages both ways, internal notes, the question to the councillor
and its answer, the councillor's chase and withdrawal. Each is a case step (protocol_site.views):
an enquiry outside the viewer's reach is a 404, a step they may not take a 403."""

from __future__ import annotations

from dataclasses import dataclass

from protocol_site.cases import long_date
from protocol_site.views import CaseStep, case_step_view

from .. import conversation_forms as forms
from .. import services
from ..models import EnquiryEvent
from ..permissions import (
    can_answer,
    can_ask,
    can_chase,
    can_message,
    can_note,
    can_share,
    can_withdraw,
    can_work,
    is_enquirer,
    is_shared_with,
)
from ..selectors import enquiry_for, wording_offered
from ..services.followup import may_follow_up_now
from .actions import render_step
from .common import done


def _message(actor, enquiry, data):
    services.enquiry_message(
        actor=actor, enquiry=enquiry, message=data["message"], files=data["files"]
    )
    if is_enquirer(actor, enquiry):
        return f"Message sent on {enquiry.reference}. {enquiry.assigned_to} has been told."
    return f"Message sent on {enquiry.reference}. The councillor has been told."


def _note(actor, enquiry, data):
    services.enquiry_add_note(actor=actor, enquiry=enquiry, note=data["note"], files=data["files"])
    return f"Internal note added to {enquiry.reference}. The councillor cannot see it."


def _ask(actor, enquiry, data):
    services.enquiry_ask_councillor(
        actor=actor, enquiry=enquiry, question=data["question"], files=data["files"]
    )
    return (
        f"Question sent to {enquiry.councillor} on {enquiry.reference}. The clock has stopped "
        "until they answer."
    )


def _answer(actor, enquiry, data):
    services.enquiry_answer(
        actor=actor, enquiry=enquiry, answer=data["answer"], files=data["files"]
    )
    enquiry.refresh_from_db()
    return (
        f"Answer sent on {enquiry.reference}. The clock has restarted: the reply is now due by "
        f"{long_date(enquiry.target_date)}."
    )


def _chase(actor, enquiry, data):
    services.enquiry_chase(actor=actor, enquiry=enquiry, message=data["message"])
    return f"You chased {enquiry.reference}. {enquiry.assigned_to} has been told."


def _withdraw(actor, enquiry, data):
    services.enquiry_withdraw(actor=actor, enquiry=enquiry, reason=data["reason"])
    return f"{enquiry.reference} withdrawn. The officer has been told; nothing more is needed."


def _share(actor, enquiry, data):
    shares = services.enquiry_share(actor=actor, enquiry=enquiry, councillors=data["councillors"])
    if not shares:
        return f"{enquiry.reference} is not shared with anyone."
    names = ", ".join(str(share.councillor) for share in shares)
    return f"{enquiry.reference} is shared with {names}. Anyone newly added has been told."


def _question(enquiry) -> dict:
    """The question waiting for the councillor's answer, shown above the answer box."""
    question = enquiry.events.filter(kind=EnquiryEvent.Kind.QUESTION).order_by("-at", "-id")
    return {"question": question.values_list("detail", flat=True).first() or ""}


def _officer_wording(user, enquiry) -> dict:
    """The officers dealing with it may insert the service's standard wording; never the
    councillor, nor a ward colleague it is shared with."""
    return {"wordings": wording_offered(enquiry)} if can_work(user, enquiry) else {}


STEPS = {
    "message": CaseStep(
        title="Send a message",
        submit="Send message",
        form=forms.MessageForm,
        viewer_kwargs=_officer_wording,
        allowed=can_message,
        perform=_message,
        intro="The councillor and the officers dealing with the enquiry see its messages.",
    ),
    "note": CaseStep(
        title="Add an internal note",
        submit="Add note",
        form=forms.NoteForm,
        allowed=can_note,
        perform=_note,
        intro="Internal notes are for the officers dealing with the enquiry and their "
        "managers. The councillor never sees them.",
    ),
    "ask": CaseStep(
        title="Ask the councillor a question",
        submit="Ask the councillor",
        form=forms.AskForm,
        allowed=can_ask,
        perform=_ask,
        intro="Ask for clarification or consent. The enquiry then waits with the councillor: "
        "the working days do not count until they answer, and the due date moves on by the "
        "working days it waited.",
    ),
    "answer": CaseStep(
        title="Answer the officer's question",
        submit="Send answer",
        form=forms.AnswerForm,
        allowed=can_answer,
        perform=_answer,
        intro="When you answer, the clock restarts and the due date moves on by the working "
        "days the enquiry waited for you.",
        context=_question,
    ),
    "chase": CaseStep(
        title="Chase the enquiry",
        submit="Chase",
        form=forms.ChaseForm,
        allowed=can_chase,
        perform=_chase,
        intro="The officer dealing with it is told. If it is overdue, whoever it has been "
        "escalated to is told as well.",
    ),
    "withdraw": CaseStep(
        title="Withdraw the enquiry",
        submit="Withdraw enquiry",
        form=forms.WithdrawForm,
        allowed=can_withdraw,
        perform=_withdraw,
        intro="The enquiry closes and the officer is told that nothing more is needed.",
        warning=True,
    ),
    "share": CaseStep(
        title="Share with ward colleagues",
        submit="Save sharing",
        form=forms.ShareForm,
        allowed=can_share,
        perform=_share,
        intro="The other councillors serving your ward can read the enquiry and write "
        "messages on it. Only you can chase it, answer the officer's questions, follow it up "
        "or withdraw it. A colleague's access ends when they stop serving your ward.",
        form_kwargs=lambda enquiry: {"enquiry": enquiry},
    ),
}


def _step_view(name: str):
    return case_step_view(
        f"enquiry_{name}", STEPS[name], load=enquiry_for, done=done, render=render_step
    )


enquiry_message = _step_view("message")
enquiry_note = _step_view("note")
enquiry_ask = _step_view("ask")
enquiry_answer = _step_view("answer")
enquiry_chase = _step_view("chase")
enquiry_withdraw = _step_view("withdraw")
enquiry_share = _step_view("share")


@dataclass(frozen=True)
class Talk:
    """What the viewer may say on this enquiry now, for the buttons on its page."""

    message: bool = False
    note: bool = False
    ask: bool = False
    answer: bool = False
    chase: bool = False
    withdraw: bool = False
    share: bool = False
    follow_up: bool = False
    urgent: bool = False
    not_urgent: bool = False

    @property
    def any(self) -> bool:
        return any(vars(self).values())


def talk_for(user, enquiry, *, may_work: bool) -> Talk:
    """`may_work`: the viewer's can_work, already asked for the page's other buttons."""
    if is_enquirer(user, enquiry):
        if not enquiry.is_open:
            return Talk(share=True, follow_up=may_follow_up_now(enquiry))
        waiting = enquiry.is_waiting
        return Talk(
            message=True,
            answer=waiting,
            chase=not waiting,
            withdraw=True,
            share=True,
            urgent=not enquiry.urgent,
            not_urgent=enquiry.urgent,
        )
    if not may_work:
        return Talk(message=enquiry.is_open and is_shared_with(user, enquiry))
    is_open = enquiry.is_open
    return Talk(message=is_open, note=True, ask=is_open and not enquiry.is_waiting)
