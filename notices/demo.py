"""Demo ward notices and a past pre-election period for `manage.py seed_demo`. Each is made
through the services, once (keyed by its title or name). The period is last year's, so the
demo does not show the pre-election banner all the time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from protocol_site.calendar import LONDON
from registers.models import Service, Ward

from .meetings.services import member_meeting_tell
from .models import ElectionPeriod, MemberMeeting, ProtocolVersion, WardNotice
from .services import (
    election_period_declare,
    protocol_confirm_read,
    protocol_publish,
    ward_notice_publish,
)

Kind = WardNotice.Kind
MONITORING_OFFICER = "monitoring.officer"
COUNCILLOR = "cllr.demo"
DEMOCRATIC_SERVICES = "dem.services"
# The demo's protocol, published by democratic services; these people have confirmed reading it.
PROTOCOL_VERSION = "Version 3, adopted by Council on 21 May 2026"
PROTOCOL_READ_BY = ("officer.demo", "manager.demo", "monitoring.officer")
PROTOCOL_SUMMARY = """Members' enquiries now have a response time of 10 working days, and a \
member may follow up a response within 5 working days. Each political group names a member to \
lead on resolving problems under the protocol."""
PROTOCOL_TEXT = """1. Introduction

1.1 This protocol guides the relationship between members and officers of the council. Mutual \
trust, respect and courtesy are at its heart.

2. Members' enquiries

2.1 Members may make enquiries of officers by any means. Officers will respond, or send a \
holding reply, within 10 working days.

2.2 A member who is not satisfied may follow up a response within 5 working days.

3. Concerns and complaints

3.1 Concerns are raised privately, never in public, and informally first.

3.2 Each service names an officer to whom members may direct complaints, and each political \
group names a member to lead on resolving problems under this protocol.

4. Reading this protocol

4.1 Every member and officer reads this protocol when it is adopted or changed, and confirms \
that they have read it."""

GUIDANCE = """Until the end of polling day:

- Council publicity must not seek to affect support for a candidate or party: no new \
campaigns, no photographs or quotes of candidates in council material, except where a \
genuine emergency needs them.
- Officers should not arrange visits, openings or photo opportunities for members who are \
standing for election.
- Members may still raise casework and enquiries, which are answered in the usual way. \
Answers must not be used as campaign material.
- Ask the Monitoring Officer or democratic services before anything that might be seen as \
supporting a candidate or party."""


def _first_thursday_of_may(year: int) -> date:
    day = date(year, 5, 1)
    return day + timedelta(days=(3 - day.weekday()) % 7)


def _notices(wards: list[Ward]) -> list[dict]:
    today = timezone.localdate()
    first, second, third = (wards * 3)[:3]
    return [
        {
            "kind": Kind.PUBLIC_MEETING,
            "title": "Public meeting on the Mill Lane traffic scheme",
            "details": "Highways will present the options for traffic calming on Mill Lane "
            "and take questions from residents. Contact the Highways team for details.",
            "wards": [first, second],
            "meeting_at": datetime.combine(today + timedelta(days=14), time(18, 30), LONDON),
            "place": "Riverside Community Centre, Mill Lane",
        },
        {
            "kind": Kind.CONSULTATION,
            "title": "Consultation on library opening hours",
            "details": "The council is consulting residents on new opening hours for the "
            "branch libraries. Responses online or at any library.",
            "wards": [second, third],
            "consultation_closes_on": today + timedelta(days=28),
        },
        {
            "kind": Kind.MATTER,
            "title": "Planning application: 40 homes on the former depot site",
            "details": "An application has been received for 40 homes on the former council "
            "depot. The planning committee is expected to decide it within 13 weeks.",
            "wards": [first],
        },
        {
            "kind": Kind.MEDIA_INTEREST,
            "title": "The Evening Echo is asking about the Mill Lane traffic scheme",
            "details": "A reporter has asked the press office for the council's timetable for "
            "the scheme and for comment from the ward members. The press office will share "
            "its statement with you before it is issued.",
            "wards": [first, second],
        },
    ]


def seed(recorder) -> int:
    created = 0
    wards = list(Ward.objects.order_by("name")[:3])
    if wards:
        for values in _notices(wards):
            if not WardNotice.objects.filter(title=values["title"]).exists():
                ward_notice_publish(actor=recorder, **values)
                created += 1
    monitoring_officer = get_user_model().objects.filter(username=MONITORING_OFFICER).first()
    if monitoring_officer is not None:
        polling_day = _first_thursday_of_may(timezone.localdate().year - 1)
        name = f"Borough elections {polling_day.day} May {polling_day.year}"
        if not ElectionPeriod.objects.filter(name=name).exists():
            election_period_declare(
                actor=monitoring_officer,
                name=name,
                starts_on=polling_day - timedelta(days=38),
                polling_day=polling_day,
                guidance=GUIDANCE,
            )
            created += 1
    return created + _protocol() + _member_meeting()


MEMBER_MEETING = "Residents' meeting on the Mill Lane traffic scheme"
# Its Head of Service's post is vacant in the demo, so the Director is told.
MEMBER_MEETING_SERVICE = "Highways and Transport"


def _member_meeting() -> int:
    """Cllr Demo's public meeting on a council matter, the service's Head of Service told."""
    councillor = get_user_model().objects.filter(username=COUNCILLOR).first()
    service = Service.objects.active().filter(name=MEMBER_MEETING_SERVICE).first()
    if (
        councillor is None
        or service is None
        or MemberMeeting.objects.filter(subject=MEMBER_MEETING).exists()
    ):
        return 0
    member_meeting_tell(
        actor=councillor,
        subject=MEMBER_MEETING,
        meeting_at=datetime.combine(timezone.localdate() + timedelta(days=10), time(19), LONDON),
        place="St Mark's Church Hall, Mill Lane",
        service=service,
        details="Residents have asked for a meeting before the traffic scheme goes to committee.",
    )
    return 1


def _protocol() -> int:
    users = get_user_model().objects
    publisher = users.filter(username=DEMOCRATIC_SERVICES).first()
    if publisher is None or ProtocolVersion.objects.filter(version=PROTOCOL_VERSION).exists():
        return 0
    version = protocol_publish(
        actor=publisher, version=PROTOCOL_VERSION, text=PROTOCOL_TEXT, summary=PROTOCOL_SUMMARY
    )
    for reader in users.filter(username__in=PROTOCOL_READ_BY):
        protocol_confirm_read(actor=reader, version=version)
    return 1
