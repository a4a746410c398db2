"""Drill: two sweepers at once, tick after tick, over a few hundred overdue cases.

Every escalation rung of every enquiry and every stage of every complaint must be recorded
once and emailed once, whichever sweeper got there first (PostgreSQL only: in-memory SQLite
locks whole tables across threads).
"""

import re
import threading
from collections import Counter
from datetime import datetime

import pytest
from django.db import connection

from complaints.models import Complaint, ComplaintEvent, ComplaintStage
from complaints.services import complaints_sweep
from enquiries.models import Enquiry, EnquiryEvent
from enquiries.services import enquiries_sweep
from protocol_site.models import OutboxEmail
from tests.clock import LONDON, clock_at
from tests.complaints.helpers import RAISED, about_officer
from tests.concurrency import ON_SQLITE
from tests.enquiries.factories import casework

pytestmark = [pytest.mark.drill, ON_SQLITE, pytest.mark.django_db(transaction=True)]

ENQUIRIES = 100
COMPLAINTS = 100
RUNGS = 4  # the default enquiry ladder: line manager, AD, Director, Monitoring Officer
STAGES = 4  # the default complaint ladder, the same four rungs


def _at(*args) -> datetime:
    return datetime(*args, 9, 0, tzinfo=LONDON)


# Logged and raised Monday 2 November 2026. Enquiries are due Monday 16 November and climb
# the ladder on the 17th, 20th and 25th November and 2nd December; each complaint stage has
# ten working days, so stages 2, 3 and 4 open on 17 November, 2 and 17 December, and the last
# rung's one reminder goes on 6 January. The other ticks fall on days with nothing due. No
# tick falls in an enquiry's reminder window, and complaints are acknowledged within one
# working day (too soon for a reminder), so every step the sweepers take is an escalation.
TICKS = [
    _at(2026, 11, 10),
    _at(2026, 11, 17),
    _at(2026, 11, 18),
    _at(2026, 11, 20),
    _at(2026, 11, 25),
    _at(2026, 12, 2),
    _at(2026, 12, 9),
    _at(2026, 12, 17),
    _at(2026, 12, 31),
    _at(2027, 1, 6),
]


def _clone(instance, count: int, **per_copy):
    """`count` copies of a row made through its service, written in one statement."""
    model = type(instance)
    values = {
        field.attname: getattr(instance, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key
    }
    rows = [
        model(**{**values, **{name: make(i) for name, make in per_copy.items()}})
        for i in range(count)
    ]
    return model.objects.bulk_create(rows, batch_size=500)


@pytest.fixture
def cases(org, councillor, settings):
    settings.COMPLAINT_ACKNOWLEDGE_WORKING_DAYS = 1
    with clock_at(RAISED):
        enquiry = casework(org, actor=councillor, subject="Overdue casework")
        complaint = about_officer(org, summary="Overdue concern")
    _clone(enquiry, ENQUIRIES - 1, reference=lambda i: f"ENQ-2026-D{i:05d}")
    stage = complaint.stages.get()
    copies = _clone(complaint, COMPLAINTS - 1, reference=lambda i: f"CMP-2026-D{i:05d}")
    _clone(stage, len(copies), complaint_id=lambda i: copies[i].pk)
    return list(Enquiry.objects.all()), list(Complaint.objects.all())


def _two_sweepers(ticks) -> tuple[list[int], list[Exception]]:
    """Two sweepers, each with its own connection, run every tick at the same moment.

    The main thread moves the clock for each tick and waits for both to finish it.
    Returns the steps each sweeper reported (summed) and any errors.
    """
    start, done = threading.Barrier(3, timeout=60), threading.Barrier(3, timeout=60)
    steps, errors = [0, 0], []

    def sweeper(me: int) -> None:
        try:
            for now in ticks:
                start.wait()
                try:
                    steps[me] += enquiries_sweep(now=now) + complaints_sweep(now=now)
                finally:
                    done.wait()
        except Exception as exc:  # noqa: BLE001 - reported to the test
            errors.append(exc)
            start.abort()
            done.abort()
        finally:
            connection.close()

    threads = [threading.Thread(target=sweeper, args=(me,)) for me in (0, 1)]
    for thread in threads:
        thread.start()
    try:
        for now in ticks:
            with clock_at(now, tick=True):
                start.wait()
                done.wait()
    except threading.BrokenBarrierError:
        pass
    for thread in threads:
        thread.join(60)
    return steps, errors


def _keys(pattern: str) -> Counter:
    """How many outbox rows there are per match of `pattern` in their dedupe keys."""
    regex = re.compile(pattern)
    found = Counter()
    for key in OutboxEmail.objects.exclude(dedupe_key=None).values_list("dedupe_key", flat=True):
        if match := regex.fullmatch(key):
            found[tuple(int(group) for group in match.groups())] += 1
    return found


def _steps_recorded() -> int:
    """Every exactly-once step is a row: reminders, escalations and complaint stages."""
    return (
        EnquiryEvent.objects.filter(kind__in=["reminder", "escalated"]).count()
        + ComplaintStage.objects.count()
        + ComplaintEvent.objects.filter(kind__in=["acknowledge_reminder", "reminder"]).count()
    )


def test_two_sweepers_ticking_together_escalate_every_case_once_per_rung(cases):
    enquiries, complaints = cases
    assert (len(enquiries), len(complaints)) == (ENQUIRIES, COMPLAINTS)
    steps_before = _steps_recorded()

    steps, errors = _two_sweepers(TICKS)

    assert errors == []
    # Enquiries: one escalation record per rung, one email to the rung, one copy to the officer.
    escalated = Counter(
        EnquiryEvent.objects.filter(kind="escalated").values_list("enquiry", "rung")
    )
    every_rung = {(e.pk, rung) for e in enquiries for rung in range(RUNGS)}
    assert set(escalated) == every_rung
    assert set(escalated.values()) == {1}
    to_rung = _keys(r"enquiry:(\d+):escalated:0:(\d+):user:\d+")
    copies = _keys(r"enquiry:(\d+):escalated-copy:0:(\d+):user:\d+")
    assert set(to_rung) == set(copies) == every_rung
    assert set(to_rung.values()) == set(copies.values()) == {1}
    escalation_emails = OutboxEmail.objects.filter(subject__startswith="Escalated to you")
    assert escalation_emails.count() == ENQUIRIES * RUNGS
    # Complaints: stage N is the record of moving up; its handler and complainant told once.
    stages = Counter(ComplaintStage.objects.values_list("complaint", "number"))
    every_stage = {(c.pk, n) for c in complaints for n in range(1, STAGES + 1)}
    assert set(stages) == every_stage
    assert set(stages.values()) == {1}
    moved_up = {(c.pk, n) for c in complaints for n in range(2, STAGES + 1)}
    to_handler = _keys(r"complaint:(\d+):stage:([2-9]):handler:user:\d+")
    to_complainant = _keys(r"complaint:(\d+):stage:([2-9]):complainant:user:\d+")
    assert set(to_handler) == set(to_complainant) == moved_up
    assert set(to_handler.values()) == set(to_complainant.values()) == {1}
    stage_emails = OutboxEmail.objects.filter(subject__startswith="A complaint has come to you")
    assert stage_emails.count() == COMPLAINTS * (STAGES - 1) + 1  # + stage 1 of the one raised
    last_rung = Counter(ComplaintEvent.objects.filter(kind="reminder").values_list("complaint"))
    assert len(last_rung) == COMPLAINTS and set(last_rung.values()) == {1}
    # Whichever sweeper took a step, it was taken once: the two tallies add up exactly.
    assert (
        sum(steps)
        == _steps_recorded() - steps_before
        == (ENQUIRIES * RUNGS)
        + (
            COMPLAINTS * STAGES  # three moves up and the last rung's reminder
        )
    )
