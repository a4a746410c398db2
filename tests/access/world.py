"""A small council with one of every kind of record, for the access matrix.

Built on the standard `org` (tests/conftest.py) at a fixed moment (Monday 2 November 2026,
09:00), always through the services or the factories. Each record belongs to known people; the
keys are the `record` column of tests/access/matrix.py:

- `enquiry`: Cllr Baker's casework, put to the officer (assigned), the Director copied, with an
  attachment; `saved_view`: the officer's saved view of the list; `extension`: the officer's
  pending request for more time on it; `wording`: the
  standard wording democratic services keep for its service; `enquiry_file`: a file on Cllr
  Baker's message on it; `queued`: Cllr Baker's casework waiting in the waste service's team
  queue (held by the Head of Service);
- `complaint`: Cllr Baker's concern about the officer, with the line manager (stage 1), the
  Monitoring Officer copied; `about_member`: the officer's concern about Cllr Baker, with the
  officer's line manager, reported to the Chief Executive and copied to the Director;
  `upheld`: another such concern, upheld by the line manager and waiting for the Chief
  Executive's decision; `ruling`: the Chief Executive's ruling on reading the protocol;
- `declaration`: the officer's declared friendship with Cllr Price (group B), the line
  manager told; `declarable`: Cllr Baker, as the other side of a new declaration;
- `panel`, `visit` (Cllr Baker to a waste depot), `notice` (the officer's, for Riverside),
  `member_meeting` (Cllr Baker's public meeting on waste, the Head of Service told),
  `period` (declared by the Monitoring Officer), `protocol` (a version democratic services
  published), and the registers' entries: `directorate`,
  `service`, `post`, `officer`, `statutory`, `ward`, `councillor`, `cllr_role` (the Group
  Leader chairs a committee), `group`, `closureday`, `interest`, `training`, `attendee`;
- briefings group A's leader asked of the Director: `briefing` (awaiting the Chief
  Executive), `note` and `attendance` (cleared: the Director writes or attends), `offer` (an
  issued note offered to group B), `confidential` (issued to the leader) and its `share`
  with Cllr Baker (`unshare` to take it back);
- `advice`: Cllr Baker's request for the Monitoring Officer's advice on the protocol;
  `lobbying`: Cllr Baker's report that the officer lobbied them about their employment (the
  `enquiry`'s constituent is a council officer, so its councillor may seek advice on it);
- `inbound`: an email from a resident's address, waiting in triage for democratic services;
- meetings with an MP the Director asked for, Cllr Baker present: `meeting` (awaiting the
  Chief Executive) and `authorised`.

`build(org)` returns, per record key, the URL kwargs that name it.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django_otp.plugins.otp_totp.models import TOTPDevice

from complaints.models import Outcome
from complaints.services import complaint_stage_resolve, ruling_record
from declarations.models import Panel, Relationship
from declarations.panels.services import panel_save
from declarations.services import declaration_make
from enquiries.services import (
    constituent_details_save,
    enquiry_message,
    enquiry_request_extension,
    saved_view_create,
    wording_add,
)
from groups.models import BriefingOffer, BriefingRequest, RepresentativeMeeting
from groups.services import (
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
from registers.models import CouncillorRole, StatutoryRole
from registers.services import absence_record
from retention.services import legal_hold_set
from tests.advice.helpers import ask as ask_advice
from tests.advice.helpers import lobbied
from tests.clock import LONDON
from tests.complaints.helpers import about_member, about_officer
from tests.enquiries.factories import casework
from tests.groups.helpers import MEETING, ask, cleared, issued
from tests.inbox.mails import message
from tests.protocol_site.factories import ClosureDayFactory, UserFactory
from tests.registers.factories import (
    CouncillorRoleFactory,
    OfficerInterestFactory,
    TrainingAttendanceFactory,
    TrainingSessionFactory,
)
from tests.registers.helpers import ask_for_visit

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=LONDON)  # a Monday


def _pk(obj) -> dict:
    return {"pk": obj.pk}


def _meeting(org) -> RepresentativeMeeting:
    return representative_meeting_request(
        actor=org.officers.director.user,
        kind=RepresentativeMeeting.Kind.MP,
        representative="Jane Doe",
        representative_role="MP for Riverside",
        subject="Flooding on the Riverside estate",
        meeting_date=MEETING,
        ward=org.ward,
        local_councillor=org.councillors.councillor,
    )


def _enquiries(org) -> dict:
    enquiry = casework(org, attachment=SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n"))
    extension = enquiry_request_extension(
        actor=org.officers.officer.user,
        enquiry=enquiry,
        reason="Three depots' records to read.",
        proposed_date=council_calendar().add_working_days(NOW.date(), 15),
    )
    wording = wording_add(
        actor=org.officers.democratic_services.user,
        service=enquiry.service,
        title="Missed bin",
        text="The crew will return within two working days.",
    )
    message = enquiry_message(
        actor=org.councillors.councillor.user,
        enquiry=enquiry,
        message="The bins were left here.",
        files=[SimpleUploadedFile("bins.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    saved = saved_view_create(
        actor=org.officers.officer.user, name="Urgent casework", query="status=open&urgent=on"
    )
    org.service.team_queue = True
    org.service.save(update_fields=["team_queue"])
    queued = casework(org, approached_officer=None, subject="Bins left on the pavement")
    org.service.team_queue = False
    org.service.save(update_fields=["team_queue"])
    constituent = constituent_details_save(
        actor=org.councillors.councillor.user,
        enquiry=enquiry,
        name="Pat Resident",
        address="2 Mill Lane",
        phone="",
        email="",
        consented=True,
        council_officer=True,
    )
    hold = legal_hold_set(
        actor=org.officers.monitoring_officer.user,
        kind="enquiry",
        case=enquiry,
        reason="A claim to the county court.",
    )
    return {
        "saved_view": _pk(saved),
        "enquiry": _pk(enquiry),
        "rule": {"kind": "enquiry"},
        "hold": _pk(hold),
        "person": _pk(org.councillors.councillor.user),
        "constituent": _pk(constituent),
        "queued": _pk(queued),
        "extension": {"pk": enquiry.pk, "req": extension.pk},
        "wording": _pk(wording),
        "enquiry_file": {"pk": enquiry.pk, "file_pk": message.attachments.get().pk},
    }


def _complaints(org) -> dict:
    complaint = about_officer(org)
    member_complaint = about_member(org)
    upheld = complaint_stage_resolve(
        actor=org.officers.line_manager.user,
        complaint=about_member(org),
        outcome=Outcome.UPHELD,
        note="Upheld.",
    )
    ruling = ruling_record(
        actor=org.officers.chief_executive.user,
        title="Who counts as a member at a group meeting",
        ruling="Only members of the council.",
        rule="briefing_members_only",
        monitoring_officer_consulted=True,
    )
    return {
        "complaint": _pk(complaint),
        "about_member": _pk(member_complaint),
        "upheld": _pk(upheld),
        "ruling": _pk(ruling),
    }


def _registers(org) -> dict:
    declaration = declaration_make(
        actor=org.officers.officer.user,
        other_party=org.councillors.other_group_councillor.user,
        relationship=Relationship.CLOSE_FRIENDSHIP,
        details="We play in the same five-a-side team.",
        starts_on=date(2019, 4, 1),
    )
    panel = panel_save(
        actor=org.officers.democratic_services.user,
        purpose=Panel.Purpose.APPOINTMENT,
        post=org.posts.director,
        candidate_name="Priya Ramanathan",
        meets_on=date(2026, 12, 3),
        members=[org.councillors.councillor, org.councillors.other_group_councillor],
    )
    visit = ask_for_visit(org)
    attendance = TrainingAttendanceFactory(
        session=TrainingSessionFactory(title="Member induction"),
        councillor=org.councillors.councillor,
    )
    absence = absence_record(
        actor=org.officers.officer.user,
        officer=org.officers.officer,
        starts_on=date(2026, 11, 9),
        ends_on=date(2026, 11, 13),
        cover=org.officers.line_manager,
    )
    # Someone with an authenticator app, whose app democratic services may reset.
    app = TOTPDevice.objects.create(
        user=UserFactory(username="app.holder", first_name="Ada", last_name="Holder"),
        name="Authenticator app",
        confirmed=True,
    )
    return {
        "authenticator": {"pk": app.user_id},
        "absence": _pk(absence),
        "declaration": _pk(declaration),
        "declarable": {"user_pk": org.councillors.councillor.user.pk},
        "panel": _pk(panel),
        "visit": _pk(visit),
        "directorate": _pk(org.directorate),
        "service": _pk(org.service),
        "post": _pk(org.posts.officer),
        "officer": _pk(org.officers.officer),
        "statutory": _pk(StatutoryRole.objects.get(officer=org.officers.monitoring_officer)),
        "ward": _pk(org.ward),
        "councillor": _pk(org.councillors.councillor),
        "cllr_role": _pk(
            CouncillorRoleFactory(
                councillor=org.councillors.group_leader,
                kind=CouncillorRole.Kind.COMMITTEE_CHAIR,
                starts_on=date(2026, 5, 1),
            )
        ),
        "group": _pk(org.group_a),
        "closureday": _pk(ClosureDayFactory()),
        "interest": _pk(OfficerInterestFactory(officer=org.officers.officer)),
        "training": _pk(attendance.session),
        "attendee": _pk(attendance),
    }


def _notices(org) -> dict:
    notice = ward_notice_publish(
        actor=org.officers.officer.user,
        kind=WardNotice.Kind.MATTER,
        title="Planning application: 40 homes on the depot site",
        details="An application for 40 homes on the former depot.",
        wards=[org.ward],
    )
    period = election_period_declare(
        actor=org.officers.monitoring_officer.user,
        name="Borough elections 6 May 2027",
        starts_on=date(2027, 3, 29),
        polling_day=date(2027, 5, 6),
        guidance="No new publicity campaigns until polling day.",
    )
    protocol = protocol_publish(
        actor=org.officers.democratic_services.user,
        version="May 2026",
        text="1.1 Members and officers treat each other with respect.",
    )
    member_meeting = member_meeting_tell(
        actor=org.councillors.councillor.user,
        subject="Residents' meeting on the depot",
        meeting_at=datetime(2026, 11, 20, 18, 30, tzinfo=LONDON),
        place="Riverside Community Centre",
        service=org.service,
    )
    return {
        "notice": _pk(notice),
        "period": _pk(period),
        "protocol": _pk(protocol),
        "member_meeting": _pk(member_meeting),
    }


def _groups(org) -> dict:
    confidential = issued(org, confidential=True, subject="The leader's budget questions")
    share = briefing_share(
        actor=org.councillors.group_leader.user,
        briefing=confidential,
        user=org.councillors.councillor.user,
    )
    offered = issued(org, subject="Options for the leisure contract")
    meeting = representative_meeting_authorise(
        actor=org.officers.chief_executive.user, meeting=_meeting(org)
    )
    return {
        "briefing": _pk(ask(org)),
        "note": _pk(cleared(org, subject="Recycling rates")),
        "attendance": _pk(
            cleared(org, kind=BriefingRequest.Kind.ATTENDANCE, subject="Depot closures")
        ),
        "offer": _pk(BriefingOffer.objects.get(note__request=offered, group=org.group_b)),
        "confidential": _pk(confidential),
        "share": _pk(share),
        "unshare": {"pk": confidential.pk, "share_pk": share.pk},
        "meeting": _pk(_meeting(org)),
        "authorised": _pk(meeting),
    }


def _inbox(org) -> dict:
    waiting = inbound_receive(
        message(sender="resident@example.org", subject="Bins not collected again"),
        source=InboundEmail.Source.TEST,
    )
    return {"inbound": _pk(waiting)}


def _advice(org) -> dict:
    return {
        "advice": _pk(ask_advice(org.councillors.councillor.user)),
        "lobbying": _pk(lobbied(org)),
    }


def build(org) -> dict[str, dict]:
    """Every record, as the URL kwargs that name it; '-' is a URL with no arguments."""
    world = {"-": {}, "reset": {"uidb64": "MQ", "token": "set-password"}}
    for part in (_enquiries, _complaints, _registers, _notices, _groups, _inbox, _advice):
        world.update(part(org))
    return world
