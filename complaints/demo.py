"""Demo complaints for `manage.py seed_demo`: a few at different stages, one moved up by the
sweep, so the Monitoring Officer's queue and the handlers' dashboards have something in them.
Each is made through the services, once (keyed by its summary)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from protocol_site.calendar import LONDON, council_calendar
from registers.models import Councillor, Officer

from .models import Complaint, Outcome
from .services import (
    complaint_escalate,
    complaint_notify_subject,
    complaint_raise,
    complaint_report_outcome,
    complaint_stage_acknowledge,
    complaint_stage_resolve,
    complaints_sweep,
)
from .services.common import acknowledge_reminder_at, next_action_at, stage_dates

# (summary, complainant, about an officer or a councillor, working days ago, what happens)
DEMO_COMPLAINTS = [
    ("Dismissive replies to casework emails", "cllr.demo", ("officer", "officer.demo"), 1, "new"),
    (
        "Briefing not given before a ward meeting",
        0,
        ("officer", "officer.demo"),
        14,
        "overdue",
    ),
    (
        "Criticised an officer by name at an area forum",
        "officer.demo",
        ("councillor", 1),
        6,
        "resolved",
    ),
    (
        "Decision on a ward scheme made without consultation",
        2,
        ("officer", "director.demo"),
        3,
        "acknowledged",
    ),
    (
        "Raised voice at an officer after a planning committee",
        "officer.demo",
        ("councillor", 2),
        12,
        "reported",
    ),
    (
        "Repeated late replies on housing casework",
        "cllr.demo",
        ("officer", "officer.demo"),
        8,
        "next_stage",
    ),
]


def _working_days_ago(calendar, n: int) -> datetime:
    day = timezone.localdate()
    for _ in range(n):
        day -= timedelta(days=1)
        while not calendar.is_working_day(day):
            day -= timedelta(days=1)
    return min(datetime.combine(day, time(10, 0), tzinfo=LONDON), timezone.now())


def _backdate(complaint: Complaint, when: datetime, calendar) -> None:
    """Move a just-raised complaint's dates back (dates only: its state moves by services)."""
    acknowledge_by, resolve_by = stage_dates(calendar, when)
    complaint.stages.update(
        opened_at=when,
        acknowledge_by=acknowledge_by,
        resolve_by=resolve_by,
        acknowledge_reminder_at=acknowledge_reminder_at(calendar, when, acknowledge_by),
    )
    Complaint.objects.filter(pk=complaint.pk).update(
        created_at=when, next_action_at=next_action_at(complaint.stages.get())
    )
    complaint.events.update(at=when)
    complaint.copies.update(at=when)


def seed(recorder) -> int:
    """Create the demo complaints that do not exist yet; returns how many were created."""
    calendar = council_calendar()
    others = list(
        Councillor.objects.exclude(user__username="cllr.demo")
        .filter(co_opted=False)
        .select_related("user")
        .order_by("user__username")[:4]
    )

    def councillor(who):
        if isinstance(who, str):
            return Councillor.objects.select_related("user").get(user__username=who)
        return others[who]

    created = 0
    for summary, who, (kind, subject), ago, outcome in DEMO_COMPLAINTS:
        if Complaint.objects.filter(summary=summary).exists():
            continue
        if kind == "officer":
            actor = councillor(who).user
            about = {"about_officer": Officer.objects.get(user__username=subject)}
        else:
            actor = Officer.objects.get(user__username=who).user
            about = {"about_councillor": councillor(subject)}
        complaint = complaint_raise(
            actor=actor,
            summary=summary,
            details=f"{summary}. I would like this looked at, informally first if possible.",
            **about,
        )
        _backdate(complaint, _working_days_ago(calendar, ago), calendar)
        _play(complaint, outcome)
        created += 1
    complaints_sweep(now=timezone.now())
    return created


def _play(complaint: Complaint, outcome: str) -> None:
    complaint.refresh_from_db()
    handler = complaint.current_handler
    if outcome in ("acknowledged", "resolved", "next_stage"):
        complaint_stage_acknowledge(actor=handler, complaint=complaint)
    if outcome == "resolved":
        complaint_notify_subject(actor=handler, complaint=complaint)
        complaint_stage_resolve(
            actor=handler,
            complaint=complaint,
            outcome=Outcome.RESOLVED_INFORMALLY,
            note="We met; the councillor apologised and agreed to raise concerns privately.",
        )
    if outcome == "reported":
        # 003 §14.2: the Monitoring Officer reports the outcome and tells the group leader.
        subject = complaint.subject_councillor
        leader = subject.group.leader if subject.group_id else None
        complaint_report_outcome(
            actor=Officer.objects.get(user__username="monitoring.officer").user,
            complaint=complaint,
            report="The councillor accepts the remarks were inappropriate and has apologised "
            "to the officer in writing. No further action is recommended.",
            tell_group_leader=leader is not None and leader.pk != subject.pk,
        )
    if outcome == "next_stage":
        complaint_stage_resolve(
            actor=handler,
            complaint=complaint,
            outcome=Outcome.NOT_UPHELD,
            note="The replies were within the protocol's ten working days.",
        )
        complaint_escalate(
            actor=complaint.complainant,
            complaint=complaint,
            reason="Residents are still waiting; I would like the next stage to look at it.",
        )
