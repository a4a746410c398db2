"""One record of each kind added to the schedule after the casework, made through the
services with a constituent's name (Mary Jones) in its text, and the moments around its
period: `early` is before it ends, `due` after."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from advice.services import advice_give, lobbying_record_action
from inbox.models import InboundEmail
from inbox.services import inbound_discard, inbound_receive
from notices.meetings.services import member_meeting_tell
from notices.models import WardNotice
from notices.services import ward_notice_publish
from registers.manage.forms import TrainingAttendanceForm
from registers.services import register_entry_save, visit_arrange
from tests.advice.helpers import ask, lobbied
from tests.clock import at, clock_at
from tests.inbox.mails import PDF, message
from tests.registers.factories import TrainingSessionFactory
from tests.registers.helpers import ask_for_visit

NAME = "Mary Jones"


@dataclass
class Built:
    kind: str
    case: object
    party: object  # a user party to it, whom subject access finds it for
    early: datetime
    due: datetime
    # What the annual report counts on it: the same before and after.
    counts: Callable[[object], tuple]
    # Its own personal text (the audit trail's is checked for every kind).
    texts: Callable[[object], list[str]]
    # Words in it, or in its audit trail, that must go.
    secret: str = NAME


def _fresh(case):
    return type(case)._default_manager.get(pk=case.pk)


def _history_texts(case, *fields) -> list[str]:
    return [str(value) for row in case.history.values_list(*fields) for value in row]


def advice(org) -> Built:
    councillor = org.councillors.councillor.user
    case = ask(councillor, question=f"May I tell the press what {NAME} said?")
    with clock_at(at(2026, 11, 3, 9, 0)):
        advice_give(
            actor=org.officers.monitoring_officer.user, case=case, advice=f"Do not name {NAME}."
        )
    return Built(
        "advice",
        case,
        councillor,
        early=at(2032, 10, 1, 3, 0),
        due=at(2032, 12, 1, 3, 0),
        counts=lambda c: (c.status, c.topic, c.asker_id, c.advised_at, c.steps.count()),
        texts=lambda c: (
            [c.question, c.advice, *_history_texts(c, "question", "advice")]
            + list(c.steps.values_list("detail", flat=True))
        ),
    )


def lobbying(org) -> Built:
    report = lobbied(org, what=f"He asked me to stop {NAME}'s restructure.")
    with clock_at(at(2026, 11, 3, 9, 0)):
        lobbying_record_action(
            actor=org.officers.monitoring_officer.user,
            report=report,
            action=f"Spoke to {NAME}'s manager.",
        )
    return Built(
        "lobbying",
        report,
        org.councillors.councillor.user,
        early=at(2032, 10, 1, 3, 0),
        due=at(2032, 12, 1, 3, 0),
        counts=lambda c: (c.status, c.member_id, c.officer_id, c.lobbied_on, c.actioned_at),
        texts=lambda c: [c.what, c.action, *_history_texts(c, "what", "action")],
    )


def member_meeting(org) -> Built:
    councillor = org.councillors.councillor.user
    with clock_at(at(2026, 4, 15, 10, 0)):
        meeting = member_meeting_tell(
            actor=councillor,
            subject=f"Residents' meeting at {NAME}'s house",
            meeting_at=at(2026, 4, 25, 18, 0),
            place="Riverside Community Centre",
            service=org.service,
            details=f"{NAME} of 4 Elm Road invites her neighbours.",
        )
    return Built(
        "member_meeting",
        meeting,
        councillor,
        early=at(2028, 4, 1, 3, 0),
        due=at(2028, 5, 1, 3, 0),
        counts=lambda c: (c.councillor_id, c.service_id, c.officer_id, c.meeting_at),
        texts=lambda c: [c.subject, c.details, *_history_texts(c, "subject", "details")],
    )


def ward_notice(org) -> Built:
    officer = org.officers.officer.user
    with clock_at(at(2026, 4, 15, 10, 0)):
        notice = ward_notice_publish(
            actor=officer,
            kind=WardNotice.Kind.MEDIA_INTEREST,
            title=f"The Gazette asks about {NAME}'s complaint",
            details=f"A reporter asked about {NAME} of 4 Elm Road.",
            wards=[org.ward],
        )
    return Built(
        "ward_notice",
        notice,
        officer,
        early=at(2028, 4, 1, 3, 0),
        due=at(2028, 5, 1, 3, 0),
        counts=lambda c: (c.kind, c.recorded_at, c.recorded_by_id, list(c.wards.all())),
        texts=lambda c: [c.title, c.details, *_history_texts(c, "title", "details")],
    )


def visit(org) -> Built:
    councillor = org.councillors.councillor.user
    with clock_at(at(2026, 11, 2, 9, 0)):
        asked = ask_for_visit(org, purpose=f"{NAME} asked me to see the lorries.")
        visit_arrange(
            actor=org.officers.director.user,
            visit=asked,
            meeting_officer=org.officers.officer,
            conditions=f"{NAME}'s son works there: wear boots.",
        )
    return Built(
        "visit",
        asked,
        councillor,
        early=at(2028, 11, 1, 3, 0),
        due=at(2028, 12, 1, 3, 0),
        counts=lambda c: (c.status, c.councillor_id, c.directorate_id, c.starts_at, c.premises),
        texts=lambda c: [c.purpose, c.conditions, *_history_texts(c, "purpose", "conditions")],
    )


def training(org) -> Built:
    session = TrainingSessionFactory(held_on=date(2026, 6, 9))
    councillor = org.councillors.councillor
    form = TrainingAttendanceForm(
        data={"session": session.pk, "councillor": councillor.pk, "attended": "on"}
    )
    with clock_at(at(2026, 6, 10, 9, 0)):
        place = register_entry_save(actor=org.officers.democratic_services.user, form=form)
    return Built(
        "training",
        place,
        councillor.user,
        early=at(2032, 6, 1, 3, 0),
        due=at(2032, 7, 1, 3, 0),
        counts=lambda c: (c.session_id, c.councillor_id, c.attended),
        texts=lambda c: [],  # nothing of its own: its audit trail names the councillor
        secret=councillor.user.get_full_name(),
    )


def inbound_email(org) -> Built:
    raw = message(
        sender="mary.jones@example.org",
        subject=f"{NAME}'s bins",
        body=f"{NAME} at 4 Elm Road asks about her bins.",
        attachments=[("letter.pdf", PDF, "application", "pdf")],
    )
    with clock_at(at(2026, 11, 2, 9, 0)):
        email = inbound_receive(raw, source=InboundEmail.Source.TEST)
    assert email.status == InboundEmail.Status.TRIAGE and email.enquiry is None
    ds = org.officers.democratic_services.user
    with clock_at(at(2026, 11, 3, 9, 0)):
        inbound_discard(actor=ds, email=email, reason=f"{NAME} wrote to the wrong council.")
    return Built(
        "inbound_email",
        email,
        ds,
        early=at(2027, 10, 1, 3, 0),
        due=at(2027, 12, 1, 3, 0),
        counts=lambda c: (c.status, c.received_at, c.handled_at, c.size, c.message_id),
        texts=lambda c: (
            [bytes(c.raw).decode(), c.text, c.subject, c.from_name, c.reason] + [c.from_address]
        ),
    )


BUILDERS = {
    builder.__name__: builder
    for builder in (
        advice,
        lobbying,
        member_meeting,
        ward_notice,
        visit,
        training,
        inbound_email,
    )
}


def build(org, name: str) -> Built:
    built = BUILDERS[name](org)
    built.case = _fresh(built.case)
    return built
