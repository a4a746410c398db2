"""Complaint stages climb the ladder the way enquiries do: a rung that is vacant, held by
someone who already handled the complaint, or conflicted is passed over for the rung above;
the ladder ends at its top rung, where the Deputy Monitoring Officer stands in only when the
Monitoring Officer cannot act; a late sweep records when each step was due."""

from datetime import timedelta

import pytest

from complaints.models import ComplaintEvent
from complaints.services import complaints_sweep
from registers.ladder import Rung
from registers.models import StatutoryRole
from tests.clock import at, clock_at
from tests.concurrency import ON_SQLITE, run_twice_at_once
from tests.registers.factories import OfficerFactory, StatutoryRoleFactory

from ..declarations.factories_conflicts import declared_in_register
from .helpers import RAISED, about_officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def deputy(org):
    officer = OfficerFactory(user__first_name="Dee", user__last_name="Puty")
    StatutoryRoleFactory(kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=officer)
    return officer


def raised(org, **kwargs):
    with clock_at(RAISED):
        return about_officer(org, **kwargs)


def stages(complaint):
    return list(
        complaint.stages.order_by("number").values_list("rung", "stood_in_for", "handler_id")
    )


def sweep_hourly(until):
    now, taken = at(2026, 11, 2, 10, 0), []
    while now < until:
        taken.append(complaints_sweep(now=now))
        now += timedelta(hours=1)
    return taken


END = at(2027, 2, 1, 0, 0)


def test_a_vacant_assistant_director_is_passed_over(org, deputy):
    o = org.officers
    o.assistant_director.post = None
    o.assistant_director.save(update_fields=["post"])
    complaint = raised(org)
    assert max(sweep_hourly(END)) == 1
    assert stages(complaint) == [
        (Rung.LINE_MANAGER, "", o.line_manager.user_id),
        (Rung.DIRECTOR, Rung.ASSISTANT_DIRECTOR, o.director.user_id),
        (Rung.MONITORING_OFFICER, "", o.monitoring_officer.user_id),
    ]


def test_a_line_manager_who_is_also_the_assistant_director(org, deputy):
    o = org.officers
    o.officer.post.reports_to = o.assistant_director.post
    o.officer.post.save(update_fields=["reports_to"])
    complaint = raised(org)
    sweep_hourly(END)
    assert stages(complaint) == [
        (Rung.LINE_MANAGER, "", o.assistant_director.user_id),
        (Rung.DIRECTOR, Rung.ASSISTANT_DIRECTOR, o.director.user_id),
        (Rung.MONITORING_OFFICER, "", o.monitoring_officer.user_id),
    ]


def test_a_conflicted_director_is_passed_over(org, director, deputy):
    o = org.officers
    declared_in_register(org.councillors.councillor.user, director)
    complaint = raised(org)
    sweep_hourly(END)
    assert stages(complaint) == [
        (Rung.LINE_MANAGER, "", o.line_manager.user_id),
        (Rung.ASSISTANT_DIRECTOR, "", o.assistant_director.user_id),
        (Rung.MONITORING_OFFICER, Rung.DIRECTOR, o.monitoring_officer.user_id),
    ]


def test_the_deputy_acts_when_the_monitoring_officer_is_away_and_only_then(org, deputy):
    o = org.officers
    complaint = raised(org)
    sweep_hourly(END)
    assert [s[2] for s in stages(complaint)][-1] == o.monitoring_officer.user_id
    assert deputy.user_id not in [s[2] for s in stages(complaint)]

    o.monitoring_officer.is_active = False
    o.monitoring_officer.save(update_fields=["is_active"])
    other = raised(org, summary="Another matter")
    sweep_hourly(END)
    last = other.stages.order_by("number").last()
    assert (last.rung, last.handler_id) == (Rung.MONITORING_OFFICER, deputy.user_id)
    assert last.handler_role == "Deputy Monitoring Officer"


def test_hourly_sweeps_never_repeat_a_rung_or_pass_the_top(org, deputy):
    complaint = raised(org)
    assert max(sweep_hourly(END)) == 1
    rungs = [s[0] for s in stages(complaint)]
    assert rungs == [
        Rung.LINE_MANAGER,
        Rung.ASSISTANT_DIRECTOR,
        Rung.DIRECTOR,
        Rung.MONITORING_OFFICER,
    ]
    # At the top: one reminder, and nothing more.
    assert complaint.events.filter(kind=ComplaintEvent.Kind.REMINDER).count() == 1


def test_a_late_sweep_records_when_the_stage_was_due(client_for, org, councillor):
    complaint = raised(org)
    taken = at(2026, 11, 24, 10, 0)  # stage 1 ran out at the end of 16 November
    assert complaints_sweep(now=taken) == 1
    stage = complaint.stages.get(number=2)
    assert (stage.due_at, stage.opened_at) == (at(2026, 11, 17, 0, 0), taken)
    event = complaint.events.get(kind=ComplaintEvent.Kind.STAGE_OPENED, stage_number=2)
    assert event.is_late and "escalated late" in event.heading
    page = client_for(councillor).get(f"/complaints/{complaint.pk}/").content.decode()
    assert "Stage opened: escalated late" in page
    assert "It was due at the end of Monday 16 November 2026" in page


@ON_SQLITE
@pytest.mark.django_db(transaction=True)
def test_two_sweepers_at_once_with_a_vacant_rung(org, deputy):
    o = org.officers
    o.assistant_director.post = None
    o.assistant_director.save(update_fields=["post"])
    complaints = [raised(org, summary=f"Matter {i}") for i in range(10)]
    now = at(2026, 11, 2, 10, 0)
    while now < END:
        assert run_twice_at_once(complaints_sweep, now=now, rounds=1) == []
        now += timedelta(days=1)
    for complaint in complaints:
        assert [s[0] for s in stages(complaint)] == [
            Rung.LINE_MANAGER,
            Rung.DIRECTOR,
            Rung.MONITORING_OFFICER,
        ]


def test_nobody_is_offered_a_move_up_at_the_top_of_the_ladder(client_for, org, councillor):
    complaint = raised(org)
    sweep_hourly(at(2026, 12, 20, 0, 0))
    top = complaint.stages.order_by("number").last()
    assert top.rung == Rung.MONITORING_OFFICER and top.last_rung
    assert not complaint.stages.filter(last_rung=True).exclude(pk=top.pk).exists()
    handler = top.handler
    for person, words in ((handler, "Move up a stage"), (councillor, "Ask for the next stage")):
        page = client_for(person).get(f"/complaints/{complaint.pk}/").content.decode()
        assert words not in page
        assert client_for(person).get(f"/complaints/{complaint.pk}/escalate/").status_code == 403
