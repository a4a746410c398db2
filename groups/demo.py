"""Demo briefings for `manage.py seed_demo`: requests from several groups at different steps,
one with a non-council attendee (an MP) under the Chief Executive's written exception, a
minority party's alternative budget, a confidential briefing shared by permission, and an
officer's authorised meeting with an MP. Each is made through the services, once (keyed by
its subject)."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from registers.models import Councillor, Officer, PoliticalGroup

from .models import BriefingOffer, BriefingRequest, RepresentativeMeeting, SeniorCapacity
from .services import (
    briefing_attendance_record,
    briefing_clear,
    briefing_decline,
    briefing_nominate,
    briefing_note_issue,
    briefing_note_save,
    briefing_offer_receive,
    briefing_request,
    briefing_share,
    representative_meeting_authorise,
    representative_meeting_request,
)

NOTE, ATTENDANCE = BriefingRequest.Kind.NOTE, BriefingRequest.Kind.ATTENDANCE
FACTS = (
    "The collection contract ends on 31 March 2028. Three compliant bids were received; the "
    "lowest is 4% above the current price. Recycling rates are 46% against a 50% target."
)
OPTIONS = (
    "1. Extend the current contract for a year: no disruption; the price rises by 6%.\n"
    "2. Award to the lowest bidder: saves 2% on the extension; a new fleet from 2028.\n"
    "3. Bring the service in house: control of the service; an upfront cost of £4m."
)

# (subject, group, kind, what happens, extra fields)
DEMO_BRIEFINGS = [
    (
        "Options for the waste collection contract",
        "Conservative Group",
        NOTE,
        "issued",
        {"topic": "Waste contract renewal", "decision_meeting": "Cabinet"},
    ),
    (
        "Flood defences on the Riverside estate",
        "Conservative Group",
        ATTENDANCE,
        "exception",
        {
            "topic": "Flood risk management",
            "non_council_attendees": True,
            "non_council_names": "Sarah Whitfield MP, Member of Parliament for Eastgate",
        },
    ),
    (
        "Waste contract: the bids compared",
        "Labour Group",
        ATTENDANCE,
        "attended",
        {"topic": "Waste contract renewal", "decision_meeting": "Cabinet"},
    ),
    (
        "The new local plan timetable",
        "Liberal Democrat Group",
        NOTE,
        "requested",
        {"topic": "Local plan"},
    ),
    (
        "Costing an alternative budget",
        "Green Group",
        NOTE,
        "draft",
        {
            "topic": "2027/28 budget",
            "alternative_budget": True,
            "decision_meeting": "Budget Council",
        },
    ),
    (
        "Campaign material on the leisure centre",
        "Labour Group",
        ATTENDANCE,
        "declined",
        {"topic": "Leisure centre"},
    ),
    (
        "Pressures on the children's services budget",
        "Conservative Group",
        NOTE,
        "confidential",
        {"topic": "2027/28 budget", "confidential": True},
    ),
]


def _user(username: str):
    return get_user_model().objects.filter(username=username).first()


def _officer(username: str) -> Officer | None:
    return Officer.objects.select_related("user").filter(user__username=username).first()


def seed(recorder) -> int:
    ce, director = _user("chief.executive"), _officer("director.demo")
    if ce is None or director is None:
        return 0
    groups = {g.name: g for g in PoliticalGroup.objects.select_related("leader__user")}
    today = timezone.localdate()
    created = 0
    for subject, group_name, kind, step, extra in DEMO_BRIEFINGS:
        group = groups.get(group_name)
        if group is None or group.leader is None:
            continue
        if BriefingRequest.objects.filter(subject=subject).exists():
            continue
        meeting = today if step == "attended" else today + timedelta(days=8)
        values = (
            {"decision_meeting_date": meeting + timedelta(days=14)}
            if extra.get("decision_meeting")
            else {}
        )
        briefing = briefing_request(
            actor=group.leader.user,
            kind=kind,
            addressed_to=director,
            subject=subject,
            meeting_date=meeting,
            others_present="Group members only"
            if not extra.get("non_council_attendees")
            else "Group members and a guest",
            **values,
            **extra,
        )
        created += 1
        _advance(briefing, step, ce=ce, director=director, groups=groups)
    return created + _representative_meeting(ce)


def _advance(briefing, step: str, *, ce, director, groups) -> None:
    if step == "requested":
        return
    if step == "declined":
        briefing_decline(
            actor=ce,
            briefing=briefing,
            reason="The item is campaign material, a matter of party business: officers do "
            "not advise on it.",
        )
        return
    if step == "exception":
        nominee = _officer("officer.demo") or director
        briefing_nominate(
            actor=ce,
            briefing=briefing,
            nominee=nominee,
            exception_text="The MP chairs the regional flood board. Officers may give factual "
            "information on the defence scheme only; nothing confidential is discussed.",
        )
        return
    briefing = briefing_clear(actor=ce, briefing=briefing)
    officer = briefing.officer.user
    if step == "attended":
        mo = _officer("monitoring.officer")
        briefing_attendance_record(
            actor=officer,
            briefing=briefing,
            attended_on=briefing.meeting_date,
            senior_officer=mo,
            senior_capacity=SeniorCapacity.MONITORING_OFFICER,
            left_before_decision=True,
            only_council_members=True,
        )
    elif step == "draft":
        briefing_note_save(actor=officer, briefing=briefing, facts=FACTS, options=OPTIONS)
    elif step in ("issued", "confidential"):
        briefing_note_issue(
            actor=officer, briefing=briefing, facts=FACTS, options=OPTIONS, confirmed=True
        )
    if step == "issued":
        labour = groups.get("Labour Group")
        offer = BriefingOffer.objects.filter(note__request=briefing, group=labour).first()
        if offer is not None and labour.leader is not None:
            briefing_offer_receive(actor=labour.leader.user, offer=offer)
    if step == "confidential":
        colleague = _user("cllr.demo")
        if colleague is not None:
            briefing_share(actor=briefing.requested_by, briefing=briefing, user=colleague)


def _representative_meeting(ce) -> int:
    subject = "Traffic calming on the A-road through Ashfield"
    officer = _user("officer.demo")
    local = Councillor.objects.filter(user__username="cllr.demo").select_related("ward").first()
    if officer is None or local is None or local.ward is None:
        return 0
    if RepresentativeMeeting.objects.filter(subject=subject).exists():
        return 0
    meeting = representative_meeting_request(
        actor=officer,
        kind=RepresentativeMeeting.Kind.MP,
        representative="Sarah Whitfield",
        representative_role="MP for Eastgate",
        subject=subject,
        meeting_date=timezone.localdate() + timedelta(days=10),
        ward=local.ward,
        local_councillor=local,
    )
    representative_meeting_authorise(actor=ce, meeting=meeting)
    return 1
