"""A declaration reaches the enquiries already open between the two people: each is passed on by
the same rules as a new enquiry (the clock keeps running), or flagged to the Monitoring Officer
where nobody else can take it; once, however often the declaration changes."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from declarations.models import CaseReached
from declarations.selectors import review_queue
from declarations.services import declaration_change, declaration_make
from enquiries.models import Enquiry, EnquiryEvent
from enquiries.services import enquiries_sweep
from protocol_site.models import AuditEvent, OutboxEmail
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

from ..declarations.factories_conflicts import declared_in_register

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind
MOVED = "Passed to Gareth Evans: the previous officer could not deal with it."


def make(declarer, other_party, **kwargs):
    return declaration_make(
        actor=declarer,
        other_party=other_party,
        relationship="close_friendship",
        details="We have been close friends since school.",
        starts_on=timezone.localdate() - timedelta(days=400),
        **kwargs,
    )


def subjects(user) -> list[str]:
    return list(OutboxEmail.objects.filter(recipient=user).values_list("subject", flat=True))


def test_a_declaration_moves_the_open_enquiry_by_the_routing_rules(org, councillor, officer):
    enquiry = casework(org)
    assert enquiry.assigned_to == org.officers.officer
    due = enquiry.target_date

    declaration = make(councillor, officer)

    enquiry.refresh_from_db()
    assert enquiry.assigned_to == org.officers.head_of_service  # as if nobody was approached
    assert enquiry.target_date == due  # the clock keeps running
    moved = enquiry.events.get(kind=Ev.REASSIGNED)
    assert moved.detail == MOVED
    assert moved.actor is None and moved.visible_to_councillor  # who declared stays off it
    reached = CaseReached.objects.get()
    assert (reached.declaration, reached.case_id, reached.outcome) == (
        declaration,
        enquiry.pk,
        CaseReached.Outcome.MOVED,
    )
    assert reached.summary == "Passed from Oliver Hughes to Gareth Evans."
    assert AuditEvent.objects.filter(action="enquiries.enquiry.reassigned").count() == 1
    assert any("passed to another officer" in s for s in subjects(councillor))
    assert any("reassigned" in s for s in subjects(org.officers.head_of_service.user))


def test_an_officers_declaration_moves_it_the_same(org, councillor, officer):
    enquiry = casework(org)
    make(officer, councillor)
    enquiry.refresh_from_db()
    assert enquiry.assigned_to == org.officers.head_of_service


def test_the_timeline_never_discloses_the_relationship(org, councillor, officer, client_for):
    enquiry = casework(org)
    make(councillor, officer)
    url = reverse("enquiries:detail", args=[enquiry.pk])
    for reader in (councillor, org.officers.head_of_service.user):
        page = client_for(reader).get(url).content.decode()
        assert MOVED in page
        for word in ("relationship", "friend", "DEC-", "declar"):
            assert word not in page.split("<main", 1)[1]


def test_closed_and_unshared_enquiries_are_left_alone(org, councillor, officer):
    other = casework(org, councillor=org.councillors.other_group_councillor)
    make(councillor, officer)
    other.refresh_from_db()
    assert other.assigned_to == org.officers.officer
    assert not CaseReached.objects.exists()


def test_where_nobody_else_can_take_it_it_is_flagged_to_the_monitoring_officer(
    org, councillor, director, chief_executive, monitoring_officer, client_for
):
    enquiry = casework(org, kind=Enquiry.Kind.GENERAL, approached_officer=None)
    assert enquiry.assigned_to == org.officers.director
    declared_in_register(councillor, chief_executive)  # the Chief Executive cannot stand in

    declaration = make(councillor, director)

    enquiry.refresh_from_db()
    assert enquiry.assigned_to == org.officers.director  # nobody to move it to
    flag = enquiry.events.get(kind=Ev.FLAGGED)
    assert not flag.visible_to_councillor
    assert "Flagged to the Monitoring Officer: David Okafor cannot deal with it" in flag.detail
    reached = CaseReached.objects.get()
    assert reached.outcome == CaseReached.Outcome.FLAGGED
    assert any(enquiry.reference in s for s in subjects(monitoring_officer))
    # On the case (for officers), never for the councillor.
    url = reverse("enquiries:detail", args=[enquiry.pk])
    assert "Flagged to the Monitoring Officer" in client_for(director).get(url).content.decode()
    assert "Flagged to the Monitoring Officer" not in (
        client_for(councillor).get(url).content.decode()
    )
    # On the Monitoring Officer's queue, and on the declaration.
    assert list(review_queue(monitoring_officer))[0] == declaration
    page = client_for(monitoring_officer).get(reverse("declarations:queue")).content.decode()
    assert "Open cases reached" in page
    # The Monitoring Officer is shown the flagged enquiry, unlinked: it is not theirs to open.
    detail = reverse("declarations:detail", args=[declaration.pk])
    page = client_for(monitoring_officer).get(detail).content.decode()
    assert enquiry.reference in page and "nobody else could be found" in page
    assert f'href="{url}"' not in page
    assert client_for(monitoring_officer).get(url).status_code == 404


def test_the_same_change_moves_and_flags_nothing_twice(
    org, councillor, officer, director, chief_executive, monitoring_officer
):
    moved = casework(org)
    flagged = casework(org, kind=Enquiry.Kind.GENERAL, approached_officer=None)
    declared_in_register(councillor, chief_executive)
    friend = make(councillor, officer)
    family = make(councillor, director)

    def tally():
        return (
            CaseReached.objects.count(),
            EnquiryEvent.objects.filter(kind__in=[Ev.REASSIGNED, Ev.FLAGGED]).count(),
            OutboxEmail.objects.exclude(subject__contains="declaration has changed").count(),
        )

    before = tally()
    assert before[0] == 2

    for declaration in (friend, family):
        declaration_change(
            actor=councillor,
            declaration=declaration,
            details="Updated details.",
            ends_on=timezone.localdate() + timedelta(days=30),
        )
    assert tally() == before
    moved.refresh_from_db()
    flagged.refresh_from_db()
    assert moved.assigned_to == org.officers.head_of_service
    assert flagged.assigned_to == org.officers.director


def test_a_declaration_that_has_ended_moves_nothing(org, councillor, officer):
    enquiry = casework(org)
    today = timezone.localdate()
    declaration_make(
        actor=councillor,
        other_party=officer,
        relationship="business",
        details="We ran a shop together.",
        starts_on=today - timedelta(days=400),
        ends_on=today - timedelta(days=100),
    )
    enquiry.refresh_from_db()
    assert enquiry.assigned_to == org.officers.officer
    assert not CaseReached.objects.exists()


def test_the_declaration_page_lists_what_it_moved(org, councillor, officer, client_for, outsider):
    enquiry = casework(org)
    declaration = make(councillor, officer)
    url = reverse("declarations:detail", args=[declaration.pk])
    page = client_for(councillor).get(url).content.decode()
    assert "Open cases this declaration moved or flagged" in page
    assert enquiry.reference in page
    assert "Passed from Oliver Hughes to Gareth Evans." in page
    # A reader of the declaration who may not open the enquiry is not told of it.
    page = client_for(officer).get(url).content.decode()
    assert "Open cases this declaration moved or flagged" not in page
    assert enquiry.reference not in page
    # Who may see what is unchanged.
    assert client_for(outsider).get(url).status_code == 404
    enquiry_url = reverse("enquiries:detail", args=[enquiry.pk])
    assert client_for(outsider).get(enquiry_url).status_code == 404


def test_the_review_queue_shows_declarations_that_reached_cases_first(
    org, councillor, officer, monitoring_officer
):
    untouched = make(org.councillors.group_leader.user, org.officers.line_manager.user)
    casework(org)
    touched = make(councillor, officer)
    assert list(review_queue(monitoring_officer)) == [touched, untouched]


def test_an_escalation_to_a_related_senior_passes_up_the_ladder(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):
        enquiry = casework(org)
    with clock_at(at(2026, 11, 17, 0, 0)):
        enquiries_sweep(now=at(2026, 11, 17, 0, 0))
        enquiry.refresh_from_db()
        assert enquiry.escalated_to == org.officers.line_manager

        make(councillor, org.officers.line_manager.user)

    enquiry.refresh_from_db()
    assert enquiry.assigned_to == org.officers.officer  # not related: keeps it
    assert enquiry.escalated_to == org.officers.assistant_director
    passed = enquiry.events.filter(kind=Ev.ESCALATED).order_by("rung").last()
    assert passed.detail == (
        "Escalation passed to Amira Shah (Assistant Director): the senior officer it was "
        "escalated to could not deal with it."
    )
    assert passed.officer == org.officers.assistant_director
    assert CaseReached.objects.get().summary == "Escalation passed from Maya Patel to Amira Shah."
    # The ladder carries on above the rung now used: the Director next, never the AD twice.
    with clock_at(at(2026, 11, 20, 9, 0)):
        enquiries_sweep(now=at(2026, 11, 20, 9, 0))
    enquiry.refresh_from_db()
    assert enquiry.escalated_to == org.officers.director


def test_the_declaration_page_reads_each_kind_of_case_once(org, councillor, officer, client_for):
    casework(org)
    one = make(councillor, officer)
    client = client_for(councillor)
    client.get(reverse("declarations:detail", args=[one.pk]))  # warm the banner's cache
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("declarations:detail", args=[one.pk]))
    for _ in range(3):
        casework(org, approached_officer=org.officers.line_manager)
    many = make(councillor, org.officers.line_manager.user)
    assert many.cases_reached.count() == 3
    with CaptureQueriesContext(connection) as more:
        page = client.get(reverse("declarations:detail", args=[many.pk]))
    assert page.content.decode().count("Passed from Maya Patel") == 3
    assert len(more.captured_queries) <= len(few.captured_queries)
