"""The demo council's other registers (REG-3): officers' interests, member training and
induction, and members' visits in each state. `manage.py seed_demo` runs `seed` (exported by
registers.demo) once the council itself is built."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from protocol_site.calendar import LONDON, council_calendar

from .models import (
    Councillor,
    Officer,
    OfficerInterest,
    Service,
    TrainingAttendance,
    TrainingSession,
    Visit,
)
from .services import visit_arrange, visit_cancel, visit_record_unannounced, visit_request
from .services.visits import visit_earliest_date

_I = OfficerInterest.Kind
# (officer, kind, description, from, to)
DEMO_INTERESTS = [
    (
        "officer.demo",
        _I.OUTSIDE_EMPLOYMENT,
        "Weekend swimming teacher at a private club outside the borough.",
        date(2024, 9, 1),
        None,
    ),
    (
        "manager.demo",
        _I.BUSINESS_INTEREST,
        "Partner in a family catering business; it does not trade with the council.",
        date(2021, 4, 1),
        None,
    ),
    (
        "director.demo",
        _I.MEMBERSHIP,
        "Trustee of Brookside Housing Association, a registered provider in the borough.",
        date(2023, 1, 16),
        None,
    ),
    (
        "ad.demo",
        _I.LAND_OR_PROPERTY,
        "A let flat in Castle ward, since sold.",
        date(2019, 9, 1),
        date(2025, 8, 29),
    ),
]
# (title, kind, date, provider, {councillor: attended})
DEMO_TRAINING = [
    (
        "New councillor induction",
        TrainingSession.Kind.INDUCTION,
        date(2026, 5, 12),
        "Democratic Services",
        {"cllr.demo": True, "leader.group": True},
    ),
    (
        "The Code of Conduct and registering interests",
        TrainingSession.Kind.TRAINING,
        date(2026, 6, 9),
        "The Monitoring Officer",
        {"cllr.demo": True, "leader.group": False},
    ),
]
# (councillor, premises, service, working days after the earliest day, hour, purpose, then)
DEMO_VISITS = [
    (
        "cllr.demo",
        "Waste Transfer Station, Mill Lane",
        "Waste and Recycling",
        3,
        10,
        "Ashfield residents ask about lorry movements: to see the site and its traffic plan.",
        "",
    ),
    (
        "cllr.demo",
        "Environmental Health, Civic Centre",
        "Environmental Health",
        6,
        14,
        "To understand how food hygiene inspections are planned in my ward.",
        "arrange",
    ),
    (
        "leader.group",
        "Highways Depot, Canal Street",
        "Highways and Transport",
        4,
        9,
        "To see the winter gritting fleet before the season.",
        "cancel",
    ),
]


def seed(recorder) -> int:
    """The demo registers of interests and training, and visits in each state; each made once
    (found by its natural key), the visits through their services."""
    created = 0
    officers = {o.user.username: o for o in Officer.objects.select_related("user")}
    councillors = {c.user.username: c for c in Councillor.objects.select_related("user")}
    for username, kind, description, starts_on, ends_on in DEMO_INTERESTS:
        _, new = OfficerInterest.objects.get_or_create(
            officer=officers[username],
            kind=kind,
            starts_on=starts_on,
            defaults={"description": description, "ends_on": ends_on},
        )
        created += new
    for title, kind, held_on, provider, attendance in DEMO_TRAINING:
        session, new = TrainingSession.objects.get_or_create(
            title=title, held_on=held_on, defaults={"kind": kind, "provider": provider}
        )
        created += new
        for username, attended in attendance.items():
            _, new = TrainingAttendance.objects.get_or_create(
                session=session, councillor=councillors[username], defaults={"attended": attended}
            )
            created += new
    calendar = council_calendar()
    earliest = visit_earliest_date(calendar, timezone.now())
    director = officers["director.demo"].user
    for username, premises, service_name, days, hour, purpose, then in DEMO_VISITS:
        councillor = councillors[username]
        if Visit.objects.filter(councillor=councillor, premises=premises).exists():
            continue
        service = Service.objects.get(name=service_name)
        day = calendar.add_working_days(earliest, days)
        visit = visit_request(
            actor=councillor.user,
            service=service,
            premises=premises,
            starts_at=datetime.combine(day, time(hour, 0), tzinfo=LONDON),
            purpose=purpose,
        )
        if then == "arrange":
            head = Officer.objects.get(post__title=f"Head of {service_name}")
            visit_arrange(
                actor=director,
                visit=visit,
                meeting_officer=head,
                conditions="Sign in at reception; the inspection kitchen is closed to visitors.",
            )
        elif then == "cancel":
            visit_cancel(actor=councillor.user, visit=visit, reason="A council meeting was moved.")
        created += 1
    return created + _unannounced_visit(councillors["cllr.demo"])


UNANNOUNCED_PREMISES = "Mill Lane Household Recycling Centre"


def _unannounced_visit(councillor) -> int:
    """A visit made without notice last week, in special circumstances, recorded afterwards."""
    if Visit.objects.filter(councillor=councillor, premises=UNANNOUNCED_PREMISES).exists():
        return 0
    day = timezone.localdate() - timedelta(days=5)
    visit_record_unannounced(
        actor=councillor.user,
        service=Service.objects.get(name="Waste and Recycling"),
        premises=UNANNOUNCED_PREMISES,
        starts_at=datetime.combine(day, time(16, 0), tzinfo=LONDON),
        purpose="To see the queues residents reported at the gate.",
        reason="Residents called me from the queue after the site closed early without notice.",
    )
    return 1
