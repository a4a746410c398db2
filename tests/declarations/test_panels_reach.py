"""A declaration reaches the panels still to meet: a member related to the officer concerned
stands down and the panel is flagged to the Monitoring Officer, once."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from declarations.models import CaseReached
from declarations.selectors import review_queue
from declarations.services import declaration_change, declaration_make
from protocol_site.models import AuditEvent, OutboxEmail

from .panel_helpers import director_panel

pytestmark = pytest.mark.django_db


def make(declarer, other_party):
    return declaration_make(
        actor=declarer,
        other_party=other_party,
        relationship="business",
        details="We own a holiday let together.",
        starts_on=timezone.localdate() - timedelta(days=100),
    )


def test_a_related_member_stands_down_and_the_panel_is_flagged(
    org, councillor, director, monitoring_officer, client_for
):
    meets = timezone.localdate() + timedelta(days=10)
    panel = director_panel(org, officer=org.officers.director, candidate_name="", meets_on=meets)
    past = director_panel(
        org,
        officer=org.officers.director,
        candidate_name="",
        meets_on=timezone.localdate() - timedelta(days=1),
    )

    declaration = make(councillor, director)

    assert list(panel.members.all()) == [org.councillors.other_group_councillor]
    assert org.councillors.councillor in past.members.all()  # it has met: history stands
    reached = CaseReached.objects.get()
    assert (reached.case_type, reached.case_id, reached.outcome) == (
        "panel",
        panel.pk,
        CaseReached.Outcome.FLAGGED,
    )
    assert "Chris Baker stood down from the panel" in reached.summary
    assert AuditEvent.objects.filter(action="declarations.panel.member_stood_down").count() == 1
    assert (
        OutboxEmail.objects.filter(
            recipient=monitoring_officer, subject__contains="needs your attention"
        ).count()
        == 1
    )
    assert list(review_queue(monitoring_officer)) == [declaration]
    page = client_for(monitoring_officer).get(reverse("declarations:detail", args=[declaration.pk]))
    assert reverse("panels:detail", args=[panel.pk]) in page.content.decode()

    declaration_change(
        actor=councillor,
        declaration=declaration,
        details="We own a holiday let together, since 2019.",
        ends_on=None,
    )
    assert CaseReached.objects.count() == 1
    assert AuditEvent.objects.filter(action="declarations.panel.member_stood_down").count() == 1
