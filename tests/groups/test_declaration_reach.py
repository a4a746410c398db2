"""A declaration reaches the briefings still open: where the officer giving one is related to the
member who asked, or to a member of the group it is for, it is flagged to the Monitoring Officer
(who gives a briefing is the Chief Executive's choice); once."""

from datetime import date

import pytest
from django.urls import reverse

from declarations.models import CaseReached
from declarations.services import declaration_change, declaration_make
from groups.models import BriefingEvent
from protocol_site.models import AuditEvent, OutboxEmail

from .helpers import ask, cleared

pytestmark = pytest.mark.django_db

Kind = BriefingEvent.Kind


def make(declarer, other_party):
    return declaration_make(
        actor=declarer,
        other_party=other_party,
        relationship="close_friendship",
        details="We sail together most weekends.",
        starts_on=date(2024, 5, 1),
    )


def test_a_briefing_given_by_a_related_officer_is_flagged(
    org, councillor, director, monitoring_officer, client_for, group_b_leader
):
    briefing = cleared(org)  # asked for by the Group Leader, for the whole of Group A
    unrelated = ask(org, actor=group_b_leader)

    declaration = make(councillor, director)  # a member of Group A

    flag = briefing.events.get(kind=Kind.FLAGGED)
    assert flag.actor is None
    assert flag.detail.startswith("Flagged to the Monitoring Officer: David Okafor may not be")
    assert not unrelated.events.filter(kind=Kind.FLAGGED).exists()
    reached = CaseReached.objects.get()
    assert (reached.case_type, reached.case_id, reached.outcome) == (
        "briefing",
        briefing.pk,
        CaseReached.Outcome.FLAGGED,
    )
    assert AuditEvent.objects.filter(action="groups.briefing.flagged").count() == 1
    assert (
        OutboxEmail.objects.filter(
            recipient=monitoring_officer, subject__contains=briefing.reference
        ).count()
        == 1
    )
    # The group's page says nothing of the relationship.
    page = client_for(org.councillors.group_leader.user).get(
        reverse("groups:detail", args=[briefing.pk])
    )
    main = page.content.decode().split("<main", 1)[1]
    assert "may not be the right officer" in main
    for word in ("sail", "relationship", "DEC-", "Chris Baker"):
        assert word not in main

    declaration_change(
        actor=councillor, declaration=declaration, details="We sail together.", ends_on=None
    )
    assert briefing.events.filter(kind=Kind.FLAGGED).count() == 1
    assert CaseReached.objects.count() == 1


def test_a_confidential_briefing_is_only_about_the_member_who_asked(org, councillor, director):
    private = ask(org, confidential=True)  # the Group Leader's own
    make(councillor, director)
    assert not private.events.filter(kind=Kind.FLAGGED).exists()
