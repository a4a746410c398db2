"""A year of answered enquiries for `manage.py seed_demo`, so the annual report and the
Directors' figures have a history to show: each made and answered through the enquiries'
services, then its dates moved back (dates only, as the complaints demo does; its state moved by
the services). Each is made once."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.test import override_settings
from django.utils import timezone

from enquiries.demo import DEMO_ENQUIRIES
from enquiries.models import Enquiry, EnquiryEvent
from enquiries.services import enquiry_log, enquiry_respond
from protocol_site.calendar import LONDON, council_calendar
from registers.models import Councillor, Officer, Service

MONTHS = 12
# Working days each month's enquiries to a service took to answer: most on time, some late.
TOOK = (3, 7, 10, 12)
TOPICS = (
    "Street lighting out",
    "Pothole report",
    "Resident's letter",
    "Follow-up on casework",
)


def _months_back(today: date) -> list[date]:
    """The first days of the twelve months before last month (so every reply is in the past)."""
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
    months = []
    for _ in range(MONTHS):
        first = (first - timedelta(days=1)).replace(day=1)
        months.append(first)
    return months


def _backdate(enquiry: Enquiry, received: datetime, took: int, calendar) -> None:
    """Move a just-answered enquiry's dates back to when it was received and answered."""
    receipt = calendar.day_of_receipt(received)
    replied = datetime.combine(calendar.add_working_days(receipt, took), time(15, 0), LONDON)
    Enquiry.objects.filter(pk=enquiry.pk).update(
        created_at=received,
        acknowledged_at=None,
        first_reply_at=replied,
        first_reply_working_days=took,
        closed_at=replied,
        next_action_at=None,
    )
    enquiry.events.exclude(kind=EnquiryEvent.Kind.RESPONDED).update(at=received)
    enquiry.events.filter(kind=EnquiryEvent.Kind.RESPONDED).update(at=replied)


def seed(recorder) -> int:
    """Create the year of answered enquiries that does not exist yet; returns how many. The
    demo council's records start with that history, over a year back (RECORDS_START_DATE)."""
    months = _months_back(timezone.localdate())
    with override_settings(RECORDS_START_DATE=min(months)):
        return _seed(recorder, months)


def _seed(recorder, months: list[date]) -> int:
    calendar = council_calendar()
    places = sorted(
        {(service, officer) for _s, _c, service, _k, officer, _a, _o in DEMO_ENQUIRIES},
        key=lambda place: (place[0], place[1] or ""),
    )
    councillor = Councillor.objects.select_related("user").get(user__username="cllr.demo")
    created = 0
    for month in months:
        for i, (service_name, approached) in enumerate(places):
            topic = TOPICS[(i + month.month) % len(TOPICS)]
            subject = f"{topic}: {service_name}, {month:%B %Y}"
            if Enquiry.objects.filter(subject=subject).exists():
                continue
            received = datetime.combine(
                calendar.working_day_on_or_after(month + timedelta(days=(2 + 3 * i) % 25)),
                time(10, 0),
                LONDON,
            )
            enquiry = enquiry_log(
                actor=recorder,
                channel=Enquiry.Channel.EMAIL,
                received_at=received,
                councillor=councillor,
                subject=subject,
                details=f"{subject}. Residents have raised this with me; please advise.",
                kind=Enquiry.Kind.CASEWORK,
                service=Service.objects.get(name=service_name),
                approached_officer=(
                    Officer.objects.get(user__username=approached) if approached else None
                ),
            )
            enquiry_respond(
                actor=enquiry.assigned_to.user,
                enquiry=enquiry,
                response="This has been dealt with; thank you for raising it.",
                minor=True,
            )
            _backdate(enquiry, received, TOOK[(i + month.month) % len(TOOK)], calendar)
            created += 1
    return created
