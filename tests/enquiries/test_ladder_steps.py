"""The escalation ladder steps right: each rung fires at its own moment, a rung that is
vacant, held by someone who already had the enquiry, or conflicted is passed over and its
moment goes to the person above, and nobody is escalated to after the top rung has it (the
Deputy Monitoring Officer stands in only when the Monitoring Officer cannot act)."""

from datetime import timedelta

import pytest

from enquiries.models import EnquiryEvent
from enquiries.services import enquiries_sweep
from protocol_site.models import OutboxEmail
from registers.ladder import Rung
from registers.models import StatutoryRole
from tests.clock import at, clock_at
from tests.concurrency import ON_SQLITE, run_twice_at_once
from tests.enquiries.factories import casework
from tests.registers.factories import OfficerFactory, StatutoryRoleFactory

from ..declarations.factories_conflicts import declared_in_register

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind
# Logged Monday 2 November 2026, due by the end of Monday 16 November. The default ladder's
# moments: line manager at the end of the deadline day, then +3, +3 and +5 working days.
MOMENTS = [at(2026, 11, 17, 0, 0), at(2026, 11, 20, 0, 0), at(2026, 11, 25, 0, 0),
           at(2026, 12, 2, 0, 0)]  # fmt: skip


@pytest.fixture
def enquiry(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):
        return casework(org, actor=councillor)


@pytest.fixture
def deputy(org):
    officer = OfficerFactory(user__first_name="Dee", user__last_name="Puty")
    StatutoryRoleFactory(kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=officer)
    return officer


def escalations(enquiry):
    """(rung reached, rung passed over, officer, due moment) for each escalation, in order."""
    return list(
        enquiry.events.filter(kind=Ev.ESCALATED)
        .order_by("id")
        .values_list("reached_rung", "stood_in_for", "officer", "due_at")
    )


def sweep_each_moment(enquiry):
    """One sweep at each moment (and one just after): the steps each took."""
    return [enquiries_sweep(now=moment) + enquiries_sweep(now=moment + timedelta(minutes=5))
            for moment in MOMENTS]  # fmt: skip


def test_the_full_ladder_one_rung_a_moment(org, enquiry, deputy):
    o = org.officers
    assert sweep_each_moment(enquiry) == [1, 1, 1, 1]
    assert escalations(enquiry) == [
        (Rung.LINE_MANAGER, "", o.line_manager.pk, MOMENTS[0]),
        (Rung.ASSISTANT_DIRECTOR, "", o.assistant_director.pk, MOMENTS[1]),
        (Rung.DIRECTOR, "", o.director.pk, MOMENTS[2]),
        (Rung.MONITORING_OFFICER, "", o.monitoring_officer.pk, MOMENTS[3]),
    ]
    # The top has it: the Deputy is never an extra rung, however long it stays open.
    assert enquiries_sweep(now=at(2027, 3, 1, 9, 0)) == 0
    assert not enquiry.events.filter(officer=deputy).exists()


def test_a_vacant_assistant_director_hands_its_moment_up(org, enquiry, deputy):
    o = org.officers
    o.assistant_director.post = None
    o.assistant_director.save(update_fields=["post"])
    assert sweep_each_moment(enquiry) == [1, 1, 1, 0]
    assert escalations(enquiry) == [
        (Rung.LINE_MANAGER, "", o.line_manager.pk, MOMENTS[0]),
        (Rung.DIRECTOR, Rung.ASSISTANT_DIRECTOR, o.director.pk, MOMENTS[1]),
        (Rung.MONITORING_OFFICER, "", o.monitoring_officer.pk, MOMENTS[2]),
    ]
    enquiry.refresh_from_db()
    assert enquiry.next_action_at is None
    assert enquiry.escalated_to == o.monitoring_officer


def test_a_line_manager_who_is_also_the_assistant_director(org, councillor, deputy):
    o = org.officers
    # The officer reports straight to the Assistant Director.
    o.officer.post.reports_to = o.assistant_director.post
    o.officer.post.save(update_fields=["reports_to"])
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org, actor=councillor)
    assert sweep_each_moment(enquiry) == [1, 1, 1, 0]
    assert escalations(enquiry) == [
        (Rung.LINE_MANAGER, "", o.assistant_director.pk, MOMENTS[0]),
        (Rung.DIRECTOR, Rung.ASSISTANT_DIRECTOR, o.director.pk, MOMENTS[1]),
        (Rung.MONITORING_OFFICER, "", o.monitoring_officer.pk, MOMENTS[2]),
    ]


def test_a_conflicted_director_is_passed_over(org, councillor, enquiry, director, deputy):
    o = org.officers
    declared_in_register(councillor, director)
    assert sweep_each_moment(enquiry) == [1, 1, 1, 0]
    assert escalations(enquiry) == [
        (Rung.LINE_MANAGER, "", o.line_manager.pk, MOMENTS[0]),
        (Rung.ASSISTANT_DIRECTOR, "", o.assistant_director.pk, MOMENTS[1]),
        (Rung.MONITORING_OFFICER, Rung.DIRECTOR, o.monitoring_officer.pk, MOMENTS[2]),
    ]
    assert not enquiry.events.filter(officer=o.director).exists()


def test_the_deputy_acts_when_the_monitoring_officer_is_away(org, enquiry, deputy):
    o = org.officers
    o.monitoring_officer.is_active = False
    o.monitoring_officer.save(update_fields=["is_active"])
    assert sweep_each_moment(enquiry) == [1, 1, 1, 1]
    last = enquiry.events.filter(kind=Ev.ESCALATED).order_by("id").last()
    assert (last.reached_rung, last.officer) == (Rung.MONITORING_OFFICER, deputy)
    assert "Deputy Monitoring Officer" in last.detail
    assert enquiries_sweep(now=at(2027, 3, 1, 9, 0)) == 0


def test_a_late_sweep_records_when_each_step_was_due(client_for, org, enquiry, councillor):
    taken = at(2026, 12, 9, 10, 0)  # the machine was down for a week
    assert enquiries_sweep(now=taken) == 4
    rows = list(enquiry.events.filter(kind=Ev.ESCALATED).order_by("id"))
    assert [(e.due_at, e.at) for e in rows] == [(moment, taken) for moment in MOMENTS]
    assert all(e.is_late and e.heading == "Escalated late" for e in rows)
    assert enquiries_sweep(now=taken) == 0
    page = client_for(councillor).get(f"/enquiries/{enquiry.pk}/").content.decode()
    assert page.count("Escalated late") == 4
    assert "It was due at the end of Monday 16 November 2026" in page
    assert "It was due at the end of Tuesday 1 December 2026" in page


def test_an_escalation_on_time_is_not_late(org, enquiry):
    enquiries_sweep(now=MOMENTS[0] + timedelta(minutes=2))
    event = enquiry.events.get(kind=Ev.ESCALATED)
    assert not event.is_late and event.heading == "Escalated"


@pytest.mark.parametrize("setup", ["full", "vacant_ad", "conflicted_director", "mo_away"])
def test_hourly_sweeps_for_three_weeks_never_repeat_a_rung_or_pass_the_top(
    org, councillor, director, deputy, setup
):
    o = org.officers
    if setup == "vacant_ad":
        o.assistant_director.post = None
        o.assistant_director.save(update_fields=["post"])
    elif setup == "conflicted_director":
        declared_in_register(councillor, director)
    elif setup == "mo_away":
        o.monitoring_officer.is_active = False
        o.monitoring_officer.save(update_fields=["is_active"])
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org, actor=councillor)
    now, end, per_sweep = at(2026, 11, 16, 0, 0), at(2026, 12, 21, 0, 0), []
    while now < end:
        per_sweep.append(enquiries_sweep(now=now))
        now += timedelta(hours=1)
    assert max(per_sweep) == 1  # never two steps in one sweep when sweeps run on time
    rows = list(enquiry.events.filter(kind=Ev.ESCALATED).order_by("id"))
    reached = [e.reached_rung for e in rows]
    assert len(reached) == len(set(reached))  # no rung twice in one cycle
    assert reached[-1] == Rung.MONITORING_OFFICER  # the ladder ends at its top
    people = [e.officer_id for e in rows]
    assert len(people) == len(set(people))
    assert (deputy.pk in people) == (setup == "mo_away")
    assert [e.rung for e in rows] == sorted(e.rung for e in rows)


@ON_SQLITE
@pytest.mark.django_db(transaction=True)
def test_two_sweepers_at_once_every_hour_with_a_vacant_rung(org, councillor, deputy):
    o = org.officers
    o.assistant_director.post = None
    o.assistant_director.save(update_fields=["post"])
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiries = [casework(org, actor=councillor, subject=f"Case {i}") for i in range(10)]
    now = at(2026, 11, 16, 12, 0)
    while now < at(2026, 12, 8, 0, 0):
        assert run_twice_at_once(enquiries_sweep, now=now, rounds=1) == []
        now += timedelta(hours=6)
    for enquiry in enquiries:
        assert [e[0] for e in escalations(enquiry)] == [
            Rung.LINE_MANAGER,
            Rung.DIRECTOR,
            Rung.MONITORING_OFFICER,
        ]
    subjects = OutboxEmail.objects.filter(subject__startswith="Escalated to you")
    assert subjects.count() == len(enquiries) * 3
