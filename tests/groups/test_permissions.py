"""Who may act on a briefing request: the Chief Executive decides, the member who asked
withdraws and shares, the officer cleared writes and logs attendance; the services refuse
anyone else with the rule's own words."""

import pytest
from django.core.exceptions import PermissionDenied

from groups import permissions
from groups.services import briefing_decline, briefing_withdraw

from .helpers import ask, cleared

pytestmark = pytest.mark.django_db


def test_each_rule_names_its_people(org, group_leader, director, chief_executive, officer):
    briefing = cleared(org)
    assert briefing.officer.user == director
    assert permissions.can_decide(chief_executive, briefing)
    assert not permissions.can_decide(group_leader, briefing)
    for rule in (permissions.can_withdraw, permissions.can_share):
        assert rule(group_leader, briefing) and not rule(chief_executive, briefing)
    for rule in (permissions.can_write_note, permissions.can_record_attendance):
        assert rule(director, briefing) and not rule(officer, briefing)


def test_the_services_refuse_with_the_rules_words(org, group_leader, director):
    briefing = ask(org)
    with pytest.raises(PermissionDenied, match="Only the Chief Executive"):
        briefing_decline(actor=group_leader, briefing=briefing, reason="Too political.")
    with pytest.raises(PermissionDenied, match="Only the member who asked"):
        briefing_withdraw(actor=director, briefing=briefing)
