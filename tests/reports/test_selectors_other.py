"""RPT-1 complaints, declarations, visits, training and briefings figures, worked out by hand.

Everything happens in November 2026 (the period); one of each kind falls outside it."""

from datetime import date, timedelta

import pytest

from complaints.models import Complaint, Outcome, Referral
from complaints.services import complaint_stage_refer, complaint_stage_resolve
from declarations.services import declaration_review
from groups.services import briefing_decline
from registers.models import TrainingSession, Visit
from registers.services.visits import visit_cancel
from reports.selectors import (
    Period,
    briefings_by_group,
    complaints_by_direction,
    complaints_by_outcome,
    complaints_by_stage,
    declarations_by_side,
    training_by_group,
    training_by_kind,
    visits_by_directorate,
)
from tests.clock import clock_at
from tests.complaints.helpers import about_member, about_officer
from tests.declarations.helpers import MADE, officer_declares
from tests.groups.helpers import MEETING, NOW, ask, attended, issued
from tests.registers.factories import (
    TrainingAttendanceFactory,
    TrainingSessionFactory,
    VisitFactory,
)

pytestmark = pytest.mark.django_db

NOVEMBER = Period(date(2026, 11, 1), date(2026, 12, 1))
MAO, OAM = Complaint.Direction.MEMBER_ABOUT_OFFICER, Complaint.Direction.OFFICER_ABOUT_MEMBER


@pytest.fixture
def complaints(org):
    with clock_at(NOW):
        resolved = about_officer(org)
        complaint_stage_resolve(
            actor=resolved.current_handler,
            complaint=resolved,
            outcome=Outcome.UPHELD,
            note="Apology given.",
        )
        about_officer(org, summary="Still open")
        referred = about_member(org)
        complaint_stage_refer(
            actor=org.officers.monitoring_officer.user,
            complaint=referred,
            referral=Referral.STANDARDS_COMMITTEE,
            note="A Code of Conduct matter.",
        )
    with clock_at(NOW - timedelta(days=30)):
        about_officer(org, summary="October's")


def test_complaints_by_direction(complaints):
    rows = {r["direction"]: r for r in complaints_by_direction(NOVEMBER)}
    assert set(rows) == {MAO, OAM}
    mao, oam = rows[MAO], rows[OAM]
    assert (mao["received"], mao["open"], mao["resolved"], mao["referred"]) == (2, 1, 1, 0)
    assert mao["to_standards_committee"] == 0
    assert (oam["received"], oam["referred"], oam["to_standards_committee"]) == (1, 1, 1)


def test_complaints_by_stage_and_outcome(complaints):
    assert [
        (r["stage_number"], r["total"], r[MAO], r[OAM]) for r in complaints_by_stage(NOVEMBER)
    ] == [(1, 3, 2, 1)]
    assert [(r["outcome"], r[MAO], r[OAM]) for r in complaints_by_outcome(NOVEMBER)] == [
        (Outcome.REFERRED, 0, 1),
        (Outcome.UPHELD, 1, 0),
    ]


def test_declarations_made_and_reviewed(org):
    with clock_at(MADE):
        declaration = officer_declares(org)
        declaration_review(
            actor=org.officers.monitoring_officer.user,
            declaration=declaration,
            advice="Do not handle the councillor's casework.",
        )
    rows = {r["declarer_side"]: r for r in declarations_by_side(NOVEMBER)}
    assert rows["officer"]["made"] == 1
    assert rows["officer"]["reviewed"] == 1
    assert rows["officer"]["lapsed"] == 0
    assert declarations_by_side(Period(date(2026, 12, 1), date(2027, 1, 1)))[0]["made"] == 0


def test_visits_by_directorate(org, director):
    with clock_at(NOW):
        councillor = org.councillors.councillor
        when = NOW + timedelta(days=7)
        VisitFactory(councillor=councillor, service=org.service, starts_at=when)
        cancelled = VisitFactory(councillor=councillor, service=org.service, starts_at=when)
        visit_cancel(actor=councillor.user, visit=cancelled, reason="Ill.")
        VisitFactory(
            councillor=councillor, service=org.service, starts_at=when + timedelta(days=60)
        )
    rows = visits_by_directorate(NOVEMBER)
    assert [
        (r["directorate__name"], r["visits"], r["not_arranged"], r["cancelled"]) for r in rows
    ] == [("Place and Environment", 2, 1, 1)]
    assert Visit.objects.count() == 3


def test_training_by_kind_and_group(org):
    induction = TrainingSessionFactory(
        kind=TrainingSession.Kind.INDUCTION, held_on=date(2026, 11, 5)
    )
    c = org.councillors
    TrainingAttendanceFactory(session=induction, councillor=c.councillor)
    TrainingAttendanceFactory(session=induction, councillor=c.group_leader)
    TrainingAttendanceFactory(
        session=induction, councillor=c.other_group_councillor, attended=False
    )
    TrainingAttendanceFactory(
        session=TrainingSessionFactory(held_on=date(2026, 10, 5)), councillor=c.councillor
    )
    assert [
        (r["kind"], r["sessions"], r["places"], r["attended"], r["councillors"])
        for r in training_by_kind(NOVEMBER)
    ] == [("induction", 1, 3, 2, 2)]
    assert [(r["councillor__group__name"], r["attended"]) for r in training_by_group(NOVEMBER)] == [
        ("Group A", 2)
    ]


def test_briefings_by_group_shows_every_group(org):
    with clock_at(NOW):
        issued(org)
        briefing_decline(
            actor=org.officers.chief_executive.user, briefing=ask(org), reason="Too political."
        )
    with clock_at(MEETING):
        attended(org)
    rows = {r["name"]: r for r in briefings_by_group(NOVEMBER)}
    a, b = rows["Group A"], rows["Group B"]
    assert (a["requested"], a["declined"], a["notes_issued"], a["attendances"]) == (3, 1, 1, 1)
    assert (b["requested"], b["notes_issued"], b["attendances"]) == (0, 0, 0)
    assert b["offered"] == 1  # the issued note, offered under equal access
    assert (a["offered"], b["received"]) == (0, 0)
