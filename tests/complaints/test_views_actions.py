"""Each step on a complaint through its page: the state changes, the timeline shows it, bad
input saves nothing, and only the people the services allow may take it."""

import pytest
from django.urls import reverse

from complaints.models import Complaint, ComplaintEvent, Status
from complaints.services import complaint_stage_resolve

from .helpers import about_member, about_officer

pytestmark = pytest.mark.django_db

Ev = ComplaintEvent.Kind


def url(name, complaint):
    return reverse(f"complaints:{name}", args=[complaint.pk])


def fresh(complaint) -> Complaint:
    return Complaint.objects.get(pk=complaint.pk)


def kinds(complaint):
    return list(complaint.events.values_list("kind", flat=True))


@pytest.fixture
def complaint(org):
    return about_officer(org)


def test_the_handler_acknowledges_it(client_for, line_manager, complaint):
    client = client_for(line_manager)
    assert "Acknowledge the complaint" in client.get(url("acknowledge", complaint)).content.decode()
    response = client.post(url("acknowledge", complaint))
    assert response["Location"] == url("detail", complaint)
    assert Ev.ACKNOWLEDGED in kinds(complaint)
    html = client.get(url("detail", complaint)).content.decode()
    assert f"You acknowledged {complaint.reference}" in html
    assert "Acknowledged" in html
    # Once acknowledged, the page is no longer offered.
    assert client.get(url("acknowledge", complaint)).status_code == 403


def test_the_handler_records_an_outcome(client_for, line_manager, councillor, complaint):
    client = client_for(line_manager)
    page = client.get(url("resolve", complaint)).content.decode()
    assert "Resolved informally" in page and "Partly upheld" in page
    response = client.post(
        url("resolve", complaint), {"outcome": "resolved_informally", "note": "We talked."}
    )
    assert response.status_code == 302
    assert fresh(complaint).status == Status.RESOLVED
    assert Ev.RESOLVED in kinds(complaint)
    html = client_for(councillor).get(url("detail", complaint)).content.decode()
    assert "We talked." in html


def test_an_outcome_without_a_choice_or_note_saves_nothing(client_for, line_manager, complaint):
    html = client_for(line_manager).post(url("resolve", complaint), {}).content.decode()
    assert "There is a problem" in html
    assert "Select how the stage was resolved" in html
    assert "Say what was decided" in html
    assert fresh(complaint).status == Status.OPEN
    assert Ev.RESOLVED not in kinds(complaint)


def test_a_blank_note_is_refused_by_the_service(client_for, line_manager, complaint):
    html = (
        client_for(line_manager)
        .post(url("resolve", complaint), {"outcome": "upheld", "note": "   "})
        .content.decode()
    )
    assert "There is a problem" in html
    assert fresh(complaint).status == Status.OPEN


def test_the_handler_refers_to_disciplinary_and_the_councillor_sees_only_that_it_was(
    client_for, line_manager, councillor, complaint
):
    response = client_for(line_manager).post(
        url("refer", complaint),
        {"referral": "disciplinary", "note": "Pattern of conduct.", "management_note": "HR."},
    )
    assert response.status_code == 302
    assert fresh(complaint).status == Status.REFERRED
    html = client_for(councillor).get(url("detail", complaint)).content.decode()
    assert "management procedures, which are confidential" in html
    assert "Pattern of conduct." not in html and "HR." not in html


def test_the_service_refuses_standards_committee_for_a_handler(client_for, line_manager, complaint):
    response = client_for(line_manager).post(
        url("refer", complaint), {"referral": "standards_committee", "note": "Code."}
    )
    assert response.status_code == 403
    assert fresh(complaint).status == Status.OPEN


def test_the_monitoring_officer_refers_a_member_to_the_standards_committee(
    client_for, monitoring_officer, org
):
    complaint = about_member(org)
    response = client_for(monitoring_officer).post(
        url("refer", complaint), {"referral": "standards_committee", "note": "Code breach."}
    )
    assert response.status_code == 302
    assert fresh(complaint).status == Status.REFERRED


def test_the_handler_moves_it_up_a_stage(client_for, line_manager, complaint):
    client = client_for(line_manager)
    assert "Move it up a stage" in client.get(url("escalate", complaint)).content.decode()
    response = client.post(url("escalate", complaint), {"reason": "Needs a senior view."})
    assert response.status_code == 302
    assert fresh(complaint).stage_number == 2
    assert Ev.ESCALATED in kinds(complaint)


def test_moving_up_without_reasons_saves_nothing(client_for, line_manager, complaint):
    html = client_for(line_manager).post(url("escalate", complaint), {}).content.decode()
    assert "There is a problem" in html and "Give the reasons" in html
    assert fresh(complaint).stage_number == 1


def test_the_complainant_asks_for_the_next_stage_after_an_outcome(
    client_for, councillor, line_manager, complaint
):
    complaint_stage_resolve(
        actor=line_manager, complaint=complaint, outcome="not_upheld", note="No evidence."
    )
    client = client_for(councillor)
    assert "Ask for the next stage" in client.get(url("escalate", complaint)).content.decode()
    response = client.post(url("escalate", complaint), {"reason": "Unhappy with it."})
    assert response.status_code == 302
    complaint = fresh(complaint)
    assert complaint.status == Status.OPEN and complaint.stage_number == 2
    assert Ev.NEXT_STAGE_REQUESTED in kinds(complaint)


def test_the_complainant_withdraws_it(client_for, councillor, complaint):
    response = client_for(councillor).post(url("withdraw", complaint), {"reason": "Sorted."})
    assert response.status_code == 302
    assert fresh(complaint).status == Status.WITHDRAWN
    assert Ev.WITHDRAWN in kinds(complaint)


def test_the_handler_tells_the_subject_who_can_then_see_it(
    client_for, line_manager, officer, complaint
):
    assert client_for(officer).get(url("detail", complaint)).status_code == 404
    response = client_for(line_manager).post(url("notify_subject", complaint))
    assert response.status_code == 302
    assert Ev.SUBJECT_NOTIFIED in kinds(complaint)
    assert client_for(officer).get(url("detail", complaint)).status_code == 200


@pytest.mark.parametrize(
    ("who", "name"),
    [
        ("councillor", "acknowledge"),
        ("councillor", "resolve"),
        ("councillor", "refer"),
        ("line_manager", "withdraw"),
        ("monitoring_officer", "resolve"),
    ],
)
def test_people_in_the_complaint_without_the_step_get_403(
    client_for, complaint, who, name, request
):
    response = client_for(request.getfixturevalue(who)).post(url(name, complaint), {})
    assert response.status_code == 403
    assert fresh(complaint).status == Status.OPEN


def test_a_closed_complaint_offers_no_handler_steps(client_for, line_manager, complaint):
    complaint_stage_resolve(actor=line_manager, complaint=complaint, outcome="upheld", note="x")
    for name in ("acknowledge", "resolve", "escalate"):
        assert client_for(line_manager).get(url(name, complaint)).status_code == 403
