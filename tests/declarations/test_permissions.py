"""Who may act on a declaration: the declarer on their own, the Monitoring Officer reviews,
nobody else does either; the services refuse with the rule's own words."""

import pytest
from django.core.exceptions import PermissionDenied

from declarations import permissions
from declarations.services import declaration_review, declaration_withdraw

from .helpers import officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]

DECLARER_RULES = (
    permissions.can_change,
    permissions.can_withdraw,
    permissions.can_confirm,
    permissions.can_answer,
)
REVIEWER_RULES = (permissions.can_review, permissions.can_ask)


def test_the_declarer_acts_on_their_own_and_does_not_review_it(org, officer):
    declaration = officer_declares(org)
    assert all(rule(officer, declaration) for rule in DECLARER_RULES)
    assert not any(rule(officer, declaration) for rule in REVIEWER_RULES)


def test_the_monitoring_officer_reviews_and_does_not_act_as_declarer(org, monitoring_officer):
    declaration = officer_declares(org)
    assert all(rule(monitoring_officer, declaration) for rule in REVIEWER_RULES)
    assert not any(rule(monitoring_officer, declaration) for rule in DECLARER_RULES)


def test_anyone_else_may_do_neither(org, line_manager, outsider):
    declaration = officer_declares(org)
    for user in (line_manager, outsider):
        assert not any(rule(user, declaration) for rule in DECLARER_RULES + REVIEWER_RULES)


def test_the_services_refuse_with_the_rules_words(org, monitoring_officer, councillor):
    declaration = officer_declares(org)
    with pytest.raises(PermissionDenied, match="Only the Monitoring Officer reviews"):
        declaration_review(actor=councillor, declaration=declaration, advice="No.")
    with pytest.raises(PermissionDenied, match="Only the person who made the declaration"):
        declaration_withdraw(actor=monitoring_officer, declaration=declaration)
