"""Property tests for the rules at the top: what the Chief Executive must confirm before
deciding, and when an officer may take a complaint to the Standards Committee."""

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from complaints.models import Complaint, Outcome, Status
from complaints.services.top import _missing, may_go_to_standards_committee

people = st.one_of(st.none(), st.just("Cllr A"))


@given(
    leader=people,
    group_leader=people,
    chair=people,
    leader_told=st.booleans(),
    group_leader_told=st.booleans(),
    consulted=st.booleans(),
)
def test_the_decision_names_exactly_what_is_missing(
    leader, group_leader, chair, leader_told, group_leader_told, consulted
):
    errors = _missing(
        leader=leader,
        group_leader=group_leader,
        chair=chair,
        leader_told=leader_told,
        group_leader_told=group_leader_told,
        consulted=consulted,
    )
    expected = set()
    if leader is not None and not leader_told:
        expected.add("leader_told")
    if group_leader is not None and not group_leader_told:
        expected.add("group_leader_told")
    if not consulted:
        expected.add("standards_chair_consulted")
    assert set(errors) == expected
    for message in errors.values():
        assert message.startswith("Confirm you ")
        assert "§" not in message


@given(
    direction=st.sampled_from(list(Complaint.Direction)),
    status=st.sampled_from(list(Status)),
    outcome=st.sampled_from([""] + list(Outcome)),
    reported=st.booleans(),
)
def test_the_standards_committee_route(direction, status, outcome, reported):
    complaint = SimpleNamespace(
        direction=direction,
        status=status,
        outcome=outcome,
        reported_at="then" if reported else None,
    )
    allowed = may_go_to_standards_committee(complaint)
    if allowed:
        assert direction == Complaint.Direction.OFFICER_ABOUT_MEMBER and not reported
        assert status == Status.OPEN or (
            status == Status.RESOLVED and outcome != Outcome.RESOLVED_INFORMALLY
        )
    if status in (Status.REFERRED, Status.WITHDRAWN):
        assert not allowed
    if direction == Complaint.Direction.OFFICER_ABOUT_MEMBER and status == Status.OPEN:
        assert allowed == (not reported)
