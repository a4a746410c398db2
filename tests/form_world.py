"""One of each thing a form or a form page works on, made through the services on top of the
standard organisation (tests/conftest.py) at a fixed moment, each only when first asked for."""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property

from declarations.models import Relationship
from declarations.panels.services import panel_save
from declarations.services import declaration_ask_for_information, declaration_make
from enquiries.models import Enquiry
from enquiries.services import (
    constituent_details_save,
    enquiry_request_extension,
    saved_view_create,
    wording_add,
)
from groups.models import BriefingRequest, RepresentativeMeeting
from groups.services import (
    briefing_clear,
    briefing_note_issue,
    briefing_share,
    representative_meeting_authorise,
    representative_meeting_request,
)
from inbox.models import InboundEmail
from inbox.services import inbound_receive
from notices.meetings.services import member_meeting_tell
from notices.models import WardNotice
from notices.services import election_period_declare, protocol_publish, ward_notice_publish
from protocol_site.calendar import council_calendar
from registers.models import CouncillorRole, Post
from registers.services import absence_record
from retention.services import legal_hold_set
from tests.advice.helpers import ask as ask_advice
from tests.advice.helpers import lobbied
from tests.clock import LONDON
from tests.complaints.helpers import about_member, about_officer
from tests.enquiries.factories import casework
from tests.groups.helpers import MEETING, ask
from tests.inbox.mails import message
from tests.protocol_site.factories import ClosureDayFactory, UserFactory
from tests.registers.factories import (
    CouncillorFactory,
    CouncillorRoleFactory,
    OfficerInterestFactory,
    TrainingAttendanceFactory,
    TrainingSessionFactory,
)
from tests.registers.helpers import ask_for_visit

# Monday 2 November 2026, 09:00: every fixed date below is counted from here.
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=LONDON)
AFTER_MEETING = datetime(2026, 11, 10, 21, 0, tzinfo=LONDON)


class World:
    """`world.enquiry`, `world.briefing`, ...: made on first use, then kept."""

    def __init__(self, org):
        self.org = org
        self.people = {**vars(org.officers), **vars(org.councillors)}

    def user(self, role: str):
        """A standard person's user by fixture name ('officer', 'councillor', ...)."""
        if role == "group_b_leader":
            return self.group_b_leader
        return self.people[role].user

    @cached_property
    def group_b_leader(self):
        user = UserFactory(username="b.leader", first_name="Bella", last_name="Morgan")
        councillor = CouncillorFactory(user=user, ward=self.org.ward, group=self.org.group_b)
        self.org.group_b.leader = councillor
        self.org.group_b.save(update_fields=["leader"])
        return user

    # --- enquiries ---------------------------------------------------------------------------

    @cached_property
    def enquiry(self) -> Enquiry:
        return casework(self.org)

    @cached_property
    def officer_constituent(self) -> Enquiry:
        """Casework for a constituent who is a council officer (advice not yet sought)."""
        return casework(
            self.org, constituent={"name": "Sam Clerk", "consented": True, "council_officer": True}
        )

    @cached_property
    def advice(self):
        return ask_advice(self.org.councillors.councillor.user)

    @cached_property
    def lobbying(self):
        return lobbied(self.org)

    @cached_property
    def saved_view(self):
        return saved_view_create(
            actor=self.org.officers.officer.user, name="Urgent", query="scope=all&urgent=on"
        )

    @cached_property
    def queued(self) -> Enquiry:
        """Casework waiting in the waste service's team queue."""
        self.org.service.team_queue = True
        self.org.service.save(update_fields=["team_queue"])
        return casework(self.org, approached_officer=None)

    @cached_property
    def absence(self):
        """The officer away next week, the line manager covering."""
        return absence_record(
            actor=self.org.officers.officer.user,
            officer=self.org.officers.officer,
            starts_on=date(2026, 11, 9),
            ends_on=date(2026, 11, 13),
            cover=self.org.officers.line_manager,
        )

    @cached_property
    def wording(self):
        return wording_add(
            actor=self.org.officers.democratic_services.user,
            service=self.org.service,
            title="Missed bin",
            text="The crew will return within two working days.",
        )

    @cached_property
    def extension(self):
        proposed = council_calendar().add_working_days(self.enquiry.target_date, 5)
        return enquiry_request_extension(
            actor=self.enquiry.assigned_to.user,
            enquiry=self.enquiry,
            reason="The site survey is next month.",
            proposed_date=proposed,
        )

    @cached_property
    def constituent(self):
        return constituent_details_save(
            actor=self.org.councillors.councillor.user,
            enquiry=self.enquiry,
            name="Pat Resident",
            address="2 Mill Lane",
            phone="",
            email="pat@example.com",
            consented=True,
        )

    @cached_property
    def legal_hold(self):
        return legal_hold_set(
            actor=self.org.officers.monitoring_officer.user,
            kind="enquiry",
            case=self.enquiry,
            reason="A claim to the county court.",
        )

    # --- complaints --------------------------------------------------------------------------

    @cached_property
    def complaint(self):
        return about_officer(self.org)

    @cached_property
    def complaint_about_member(self):
        return about_member(self.org)

    def complaint_handler(self, complaint) -> str:
        handler = complaint.current_handler
        return next(k for k, p in self.people.items() if p.user.pk == handler.pk)

    # --- group briefings ---------------------------------------------------------------------

    def _ask(self, **kwargs) -> BriefingRequest:
        return ask(self.org, **kwargs)

    @cached_property
    def briefing(self) -> BriefingRequest:
        return self._ask()

    @cached_property
    def briefing_with_outsiders(self) -> BriefingRequest:
        return self._ask(non_council_attendees=True, non_council_names="Jo Bloggs MP")

    @cached_property
    def cleared_note(self) -> BriefingRequest:
        return briefing_clear(actor=self.user("chief_executive"), briefing=self._ask())

    @cached_property
    def cleared_attendance(self) -> BriefingRequest:
        briefing = self._ask(kind=BriefingRequest.Kind.ATTENDANCE)
        return briefing_clear(actor=self.user("chief_executive"), briefing=briefing)

    @cached_property
    def confidential(self) -> BriefingRequest:
        return self._ask(confidential=True)

    @cached_property
    def share(self):
        return briefing_share(
            actor=self.user("group_leader"),
            briefing=self.confidential,
            user=self.user("councillor"),
        )

    @cached_property
    def offer(self):
        self.group_b_leader  # noqa: B018 -- group B needs a leader to be offered the note
        briefing = briefing_clear(actor=self.user("chief_executive"), briefing=self._ask())
        briefing_note_issue(
            actor=briefing.officer.user,
            briefing=briefing,
            facts="The contract ends in March 2027.",
            options="Extend for a year; re-tender.",
            confirmed=True,
        )
        return briefing.note.offers.get(group=self.org.group_b)

    def _representative(self) -> RepresentativeMeeting:
        return representative_meeting_request(
            actor=self.user("officer"),
            kind=RepresentativeMeeting.Kind.MP,
            representative="Jo Bloggs",
            representative_role="MP for Eastgate",
            subject="Flooding on the A1",
            meeting_date=MEETING,
            ward=self.org.ward,
            local_councillor=self.org.councillors.councillor,
        )

    @cached_property
    def representative(self) -> RepresentativeMeeting:
        return self._representative()

    @cached_property
    def representative_authorised(self) -> RepresentativeMeeting:
        return representative_meeting_authorise(
            actor=self.user("chief_executive"), meeting=self._representative(), note=""
        )

    # --- declarations and panels -------------------------------------------------------------

    @cached_property
    def declaration(self):
        """The officer's declaration about the councillor, awaiting review."""
        return declaration_make(
            actor=self.user("officer"),
            other_party=self.user("councillor"),
            relationship=Relationship.CLOSE_FRIENDSHIP,
            details="We play in the same five-a-side team.",
            starts_on=date(2019, 4, 1),
            ends_on=None,
        )

    @cached_property
    def declaration_asked(self):
        """The councillor's declaration about the line manager, with a question for them."""
        made = declaration_make(
            actor=self.user("councillor"),
            other_party=self.user("line_manager"),
            relationship=Relationship.FAMILY,
            details="She is my cousin.",
            starts_on=date(1990, 1, 1),
            ends_on=None,
        )
        return declaration_ask_for_information(
            actor=self.user("monitoring_officer"), declaration=made, question="Since when?"
        )

    @cached_property
    def panel(self):
        return panel_save(
            actor=self.user("democratic_services"),
            purpose="appointment",
            post=Post.objects.get(pk=self.org.posts.director.pk),
            officer=self.org.officers.assistant_director,
            meets_on=date(2026, 12, 1),
            members=[self.org.councillors.group_leader],
            notes="Interviews in the council chamber.",
        )

    # --- email received ------------------------------------------------------------------------

    @cached_property
    def inbound(self):
        """An email from a resident, waiting in triage for democratic services."""
        return inbound_receive(
            message(sender="resident@example.org", subject="Bins not collected"),
            source=InboundEmail.Source.TEST,
        )

    # --- notices, visits and the registers ---------------------------------------------------

    @cached_property
    def notice(self) -> WardNotice:
        return ward_notice_publish(
            actor=self.user("officer"),
            kind=WardNotice.Kind.PUBLIC_MEETING,
            title="Public meeting on the Mill Lane traffic scheme",
            details="Options for traffic calming.",
            wards=[self.org.ward],
            meeting_at=datetime(2026, 11, 20, 18, 30, tzinfo=LONDON),
            place="Riverside Community Centre",
        )

    @cached_property
    def period(self):
        return election_period_declare(
            actor=self.user("monitoring_officer"),
            name="Riverside ward by-election",
            starts_on=date(2026, 12, 1),
            polling_day=date(2027, 1, 14),
            guidance="No new publicity campaigns until polling day.",
        )

    @cached_property
    def protocol_version(self):
        return protocol_publish(
            actor=self.user("democratic_services"),
            version="May 2026",
            text="1.1 Members and officers treat each other with respect.",
        )

    @cached_property
    def visit(self):
        return ask_for_visit(self.org)

    @cached_property
    def member_meeting(self):
        return member_meeting_tell(
            actor=self.user("councillor"),
            subject="Residents' meeting on the depot",
            meeting_at=datetime(2026, 11, 20, 18, 30, tzinfo=LONDON),
            place="Riverside Community Centre",
            service=self.org.service,
        )

    @cached_property
    def registers(self) -> dict:
        """One entry in each register that the standard organisation does not fill."""
        org = self.org
        attendance = TrainingAttendanceFactory(councillor=org.councillors.councillor)
        return {
            "councillorrole": CouncillorRoleFactory(
                councillor=org.councillors.group_leader,
                kind=CouncillorRole.Kind.CABINET_MEMBER,
                starts_on=date(2026, 5, 20),
            ),
            "closureday": ClosureDayFactory(date=date(2026, 12, 24)),
            "officerinterest": OfficerInterestFactory(officer=org.officers.officer),
            "trainingsession": TrainingSessionFactory(),
            "trainingattendance": attendance,
        }
