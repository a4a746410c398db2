"""Who sees which briefings (GRP-7): the group's members, the member a confidential briefing is
for, and the officers whose role needs it; nobody else."""

import pytest

from groups.models import BriefingOffer, BriefingRequest
from groups.selectors import (
    briefings_visible_to,
    equal_access_log,
    note_for,
    offers_visible_to,
    shares_visible_to,
)
from groups.services import briefing_nominate, briefing_offer_receive, briefing_share

from .helpers import ask, attended, cleared, issued

pytestmark = pytest.mark.django_db


def visible(user) -> set[int]:
    return set(briefings_visible_to(user).values_list("pk", flat=True))


def test_the_groups_members_see_its_requests_and_other_groups_do_not(
    org, group_leader, councillor, other_group_councillor, group_b_leader
):
    briefing = ask(org)
    assert visible(group_leader) == visible(councillor) == {briefing.pk}
    assert visible(other_group_councillor) == visible(group_b_leader) == set()


def test_a_confidential_briefing_is_the_members_alone(
    org, group_leader, councillor, chief_executive, monitoring_officer, director
):
    briefing = ask(org, confidential=True)
    assert briefing.pk in visible(group_leader)
    assert briefing.pk not in visible(councillor)
    for officer in (chief_executive, monitoring_officer, director):
        assert briefing.pk in visible(officer)


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("chief_executive", True),
        ("monitoring_officer", True),
        ("director", True),  # addressed to them
        ("assistant_director", False),
        ("officer", False),
        ("democratic_services", False),
        ("outsider", False),
    ],
)
def test_officers_see_what_their_role_needs(request, org, who, sees):
    briefing = ask(org)
    assert (briefing.pk in visible(request.getfixturevalue(who))) is sees


def test_a_nominee_and_the_senior_officer_present_see_it(org, chief_executive, after_meeting):
    nominated = ask(org, kind=BriefingRequest.Kind.ATTENDANCE)
    briefing_nominate(
        actor=chief_executive, briefing=nominated, nominee=org.officers.head_of_service
    )
    assert nominated.pk in visible(org.officers.head_of_service.user)
    logged = attended(org)
    assert logged.pk in visible(org.officers.monitoring_officer.user)


def test_a_draft_is_for_the_officers_only(org, group_leader, director):
    from groups.services import briefing_note_save

    briefing = cleared(org)
    briefing_note_save(actor=director, briefing=briefing, facts="Draft", options="Draft")
    assert note_for(director, briefing) is not None
    assert note_for(group_leader, briefing) is None


def test_offers_are_seen_by_the_offered_group_only(
    org, group_b_leader, other_group_councillor, councillor, settings
):
    issued(org)
    assert offers_visible_to(other_group_councillor).count() == 1
    assert offers_visible_to(councillor).count() == 0
    settings.GROUP_BRIEFING_EQUAL_ACCESS = False
    assert offers_visible_to(other_group_councillor).count() == 0


def test_shares_are_seen_by_the_person_shared_with(org, group_leader, councillor):
    briefing = issued(org, confidential=True)
    assert shares_visible_to(councillor).count() == 0
    briefing_share(actor=group_leader, briefing=briefing, user=councillor)
    assert shares_visible_to(councillor).count() == 1


def test_the_equal_access_log_per_topic(
    org, group_b_leader, group_c, chief_executive, group_leader
):
    first = issued(org)
    issued(org, actor=group_b_leader, subject="Bids compared")
    offer = BriefingOffer.objects.get(note__request=first, group=org.group_b)
    briefing_offer_receive(actor=group_b_leader, offer=offer)
    (topic,) = equal_access_log(chief_executive)
    assert topic.name == "Waste contract renewal" and len(topic.notes) == 2
    assert topic.same_access
    rows = {access.group.name: access for access in topic.groups}
    assert len(rows["Group A"].given) == 1 and len(rows["Group A"].offers) == 1
    b_offers = dict((note.request_id, o) for note, o in rows["Group B"].offers)
    assert b_offers[first.pk].received_at is not None
    assert equal_access_log(group_leader) == []


def test_the_log_shows_a_group_that_was_not_offered(org, chief_executive, group_b_leader, settings):
    settings.GROUP_BRIEFING_EQUAL_ACCESS = False
    issued(org)
    (topic,) = equal_access_log(chief_executive)
    assert not topic.same_access
    rows = {access.group.name: access for access in topic.groups}
    assert len(rows["Group B"].missing) == 1
