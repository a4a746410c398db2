"""Demo enquiries for `manage.py seed_demo`: every state, some due soon, some overdue and
escalated, so a newcomer sees a living system. Each is made through the services, once."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from protocol_site.calendar import LONDON, council_calendar
from registers.models import Councillor, Officer, Service

from .models import Enquiry
from .services import (
    enquiries_sweep,
    enquiry_acknowledge,
    enquiry_decide_extension,
    enquiry_decline,
    enquiry_log,
    enquiry_request_extension,
    enquiry_respond,
    enquiry_send_holding_reply,
)

CASEWORK, GENERAL = Enquiry.Kind.CASEWORK, Enquiry.Kind.GENERAL

# (subject, councillor, service, kind, officer approached, working days ago, what happens)
DEMO_ENQUIRIES = [
    (
        "Missed bin collections on Elm Road",
        "cllr.demo",
        "Waste and Recycling",
        CASEWORK,
        "officer.demo",
        0,
        "new",
    ),
    (
        "Fly-tipping behind Ashfield parade",
        "cllr.demo",
        "Waste and Recycling",
        CASEWORK,
        "officer.demo",
        8,
        "acknowledged",
    ),
    (
        "Garden waste subscription refund",
        "cllr.demo",
        "Waste and Recycling",
        CASEWORK,
        "officer.demo",
        9,
        "new",
    ),
    ("Recycling rates by ward", "cllr.demo", "Waste and Recycling", GENERAL, None, 12, "new"),
    # Waste and Recycling keeps a team queue: these wait there for an officer.
    (
        "Overflowing litter bins on the High Street",
        "cllr.demo",
        "Waste and Recycling",
        CASEWORK,
        None,
        1,
        "new",
    ),
    ("Bin store access at Riverside Court", 0, "Waste and Recycling", CASEWORK, None, 2, "new"),
    ("Clinical waste collection missed", 1, "Waste and Recycling", CASEWORK, None, 3, "new"),
    (
        "Damp and mould at a council flat",
        "cllr.demo",
        "Housing Management",
        CASEWORK,
        None,
        6,
        "holding",
    ),
    (
        "Street lighting outage on Mill Lane",
        "cllr.demo",
        "Highways and Transport",
        CASEWORK,
        None,
        15,
        "responded",
    ),
    (
        "Every officer's email from 2019",
        "cllr.demo",
        "Customer Services",
        GENERAL,
        None,
        3,
        "declined",
    ),
    (
        "Special educational needs transport times",
        "cllr.demo",
        "School Admissions and Transport",
        CASEWORK,
        None,
        7,
        "extension_pending",
    ),
    (
        "Noise nuisance from a late-night venue",
        0,
        "Environmental Health",
        CASEWORK,
        None,
        14,
        "new",
    ),
    (
        "Planning enforcement on a house extension",
        1,
        "Planning",
        CASEWORK,
        None,
        11,
        "acknowledged",
    ),
    ("Council tax reduction backlog", 2, "Revenues and Benefits", GENERAL, None, 18, "new"),
    (
        "Temporary accommodation placements",
        3,
        "Housing Options",
        GENERAL,
        None,
        5,
        "extension_agreed",
    ),
    ("Pothole on the A-road junction", 4, "Highways and Transport", CASEWORK, None, 2, "new"),
    (
        "Adult social care assessment waiting times",
        5,
        "Adult Social Work",
        GENERAL,
        None,
        13,
        "holding",
    ),
    ("Community safety patrols in the park", 6, "Community Safety", CASEWORK, None, 4, "responded"),
    ("Foster carer allowances", 7, "Fostering and Adoption", GENERAL, None, 20, "acknowledged"),
]


def _received(calendar, working_days_ago: int) -> datetime:
    today = timezone.localdate()
    day = today
    for _ in range(working_days_ago):
        day -= timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
    when = datetime.combine(day, time(10, 0), tzinfo=LONDON)
    return min(when, timezone.now() - timedelta(minutes=5))


def _future_working_day(calendar, working_days: int):
    return calendar.add_working_days(timezone.localdate(), working_days)


def seed(recorder) -> int:
    """Create the demo enquiries that do not exist yet; returns how many were created."""
    calendar = council_calendar()
    others = list(
        Councillor.objects.exclude(user__username="cllr.demo")
        .filter(co_opted=False)
        .select_related("user")
        .order_by("user__username")[:8]
    )
    created = 0
    for subject, who, service_name, kind, approached, ago, outcome in DEMO_ENQUIRIES:
        if Enquiry.objects.filter(subject=subject).exists():
            continue
        councillor = (
            Councillor.objects.get(user__username=who) if isinstance(who, str) else others[who]
        )
        service = Service.objects.get(name=service_name)
        officer = Officer.objects.get(user__username=approached) if approached else None
        common = {
            "councillor": councillor,
            "subject": subject,
            "details": f"{subject}. Residents have raised this with me; please advise.",
            "kind": kind,
            "service": service,
            "approached_officer": officer,
        }
        if ago == 0:
            enquiry = enquiry_log(actor=councillor.user, **common)
        else:
            enquiry = enquiry_log(
                actor=recorder,
                channel=Enquiry.Channel.EMAIL,
                received_at=_received(calendar, ago),
                **common,
            )
        _play(enquiry, outcome, calendar)
        created += 1
    enquiries_sweep(now=timezone.now())
    return created


def _play(enquiry: Enquiry, outcome: str, calendar) -> None:
    worker = enquiry.assigned_to.user
    if enquiry.director and enquiry.director_id != enquiry.assigned_to_id:
        senior = enquiry.director.user
    else:  # the Director holds it: the Chief Executive decides
        senior = Officer.objects.get(user__username="chief.executive").user
    if outcome in ("acknowledged", "holding", "extension_pending", "extension_agreed"):
        enquiry_acknowledge(actor=worker, enquiry=enquiry)
    if outcome == "holding":
        enquiry_send_holding_reply(
            actor=worker,
            enquiry=enquiry,
            explanation="We are waiting for a report from the contractor and will reply in full.",
            expected_date=_future_working_day(calendar, 6),
        )
    if outcome in ("extension_pending", "extension_agreed"):
        request = enquiry_request_extension(
            actor=worker,
            enquiry=enquiry,
            reason="The answer needs records from several teams.",
            proposed_date=_future_working_day(calendar, 15),
        )
        if outcome == "extension_agreed":
            enquiry_decide_extension(
                actor=senior, request=request, agree=True, note="Agreed with the councillor."
            )
    if outcome == "responded":
        enquiry_respond(
            actor=worker,
            enquiry=enquiry,
            response="This has been fixed; the crew will check again next week.",
            minor=True,
        )
    if outcome == "declined":
        enquiry_decline(
            actor=senior,
            enquiry=enquiry,
            reason=Enquiry.DeclineReason.CURIOSITY,
            explanation="No need to know has been shown for the whole mailbox.",
            point_to_foi=True,
        )
