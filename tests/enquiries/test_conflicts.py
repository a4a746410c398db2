"""REG-2 in enquiries: an officer with a declared relationship with the councillor is never
given, or escalated, that councillor's enquiries, and the councillor is told why in plain words."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from enquiries.models import Enquiry, EnquiryEvent, Status
from enquiries.permissions import can_decide_extension, can_work
from enquiries.selectors import enquiries_visible_to
from enquiries.services import enquiries_sweep, enquiry_reassign
from registers.models import Tier
from tests.clock import at, clock_at
from tests.enquiries.factories import casework
from tests.registers.factories import (
    DirectorateFactory,
    OfficerFactory,
    PostFactory,
    ServiceFactory,
)

from ..declarations.factories_conflicts import declared_in_register, withdraw

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind
SINCE = date(2026, 1, 1)  # in effect on every date the frozen clock visits


def general(org, **kwargs) -> Enquiry:
    return casework(org, kind=Enquiry.Kind.GENERAL, **kwargs)


def declarations_read(queries) -> int:
    return sum("declarations_declaration" in q["sql"] for q in queries.captured_queries)


# --- Routing a new enquiry ---------------------------------------------------------------


def test_a_conflicted_approached_officer_is_passed_over(org, councillor, officer):
    declared_in_register(councillor, officer, relationship="family")
    enquiry = casework(org)
    assert enquiry.assigned_to == org.officers.head_of_service
    assert enquiry.approached_officer == org.officers.officer
    reason = enquiry.routing_reason
    assert "Cllr Chris Baker approached Oliver Hughes, who may not handle their enquiries" in reason
    assert "as if nobody had been approached" in reason
    assert "you" not in reason.lower().split()
    assert "Casework for Waste and Recycling goes to its head of service, Gareth Evans" in reason
    # Nothing of the declaration beyond the fact of it.
    for detail in ("Family", "family", "relative", "DEC-"):
        assert detail not in reason
    routed = enquiry.events.get(kind=Ev.ROUTED)
    assert routed.detail == reason and routed.officer == org.officers.head_of_service


def test_the_officer_declaring_it_counts_the_same(org, councillor, officer):
    declared_in_register(officer, councillor)
    assert casework(org).assigned_to == org.officers.head_of_service


def test_a_withdrawn_declaration_no_longer_passes_the_officer_over(org, councillor, officer):
    withdraw(declared_in_register(councillor, officer))
    enquiry = casework(org)
    assert enquiry.assigned_to == org.officers.officer
    assert "may not handle" not in enquiry.routing_reason


def test_a_conflicted_approached_officer_on_a_general_question_goes_to_the_director(
    org, councillor, officer
):
    declared_in_register(councillor, officer)
    enquiry = general(org)
    assert enquiry.assigned_to == org.officers.director
    assert enquiry.policy_flagged is False  # routed as if nobody had been approached
    assert "Oliver Hughes, who may not handle their enquiries" in enquiry.routing_reason
    assert "General enquiries go through the Director" in enquiry.routing_reason


def test_a_conflicted_head_of_service_gives_way_to_the_director(org, councillor, head_of_service):
    declared_in_register(councillor, head_of_service)
    enquiry = casework(org, approached_officer=None)
    assert enquiry.assigned_to == org.officers.director
    assert "but Gareth Evans may not handle their enquiries" in enquiry.routing_reason
    assert "It went to David Okafor" in enquiry.routing_reason


def test_a_conflicted_director_is_neither_assigned_nor_copied(org, councillor, director):
    declared_in_register(councillor, director)
    enquiry = general(org, approached_officer=None)
    assert enquiry.assigned_to == org.officers.chief_executive
    assert enquiry.director == org.officers.chief_executive
    assert "The Director, David Okafor, may not handle their enquiries" in (enquiry.routing_reason)
    copy = casework(org)
    assert copy.assigned_to == org.officers.officer
    assert copy.director == org.officers.chief_executive
    assert "Helen Carter (Chief Executive) is copied" in copy.routing_reason


def test_routing_reads_the_register_once(org, councillor, officer, head_of_service):
    declared_in_register(councillor, officer)
    with CaptureQueriesContext(connection) as queries:
        casework(org)
    assert declarations_read(queries) == 1


# --- Reassignment by a manager -----------------------------------------------------------


def test_reassigning_to_a_conflicted_officer_is_refused(org, councillor, officer, line_manager):
    enquiry = casework(org)
    declared_in_register(line_manager, councillor)
    with pytest.raises(ValidationError) as raised:
        enquiry_reassign(
            actor=officer, enquiry=enquiry, to=org.officers.line_manager, note="Theirs."
        )
    assert raised.value.message_dict["to"] == [
        "Maya Patel has a declared relationship with Cllr Chris Baker, so cannot deal with "
        "their enquiries. Select another officer."
    ]
    enquiry.refresh_from_db()
    assert enquiry.assigned_to == org.officers.officer
    assert not enquiry.events.filter(kind=Ev.REASSIGNED).exists()


def test_the_reassign_form_names_the_reason(client_for, org, councillor, officer, line_manager):
    enquiry = casework(org)
    declared_in_register(councillor, line_manager)
    url = reverse("enquiries:reassign", args=[enquiry.pk])
    response = client_for(officer).post(
        url, {"to": org.officers.line_manager.pk, "service": "", "note": "Theirs."}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert 'href="#id_to"' in html
    assert "Maya Patel has a declared relationship with Cllr Chris Baker" in html
    enquiry.refresh_from_db()
    assert enquiry.assigned_to == org.officers.officer


def test_reassigning_with_a_conflicted_director_copies_the_chief_executive(
    org, councillor, officer, director
):
    housing = DirectorateFactory(name="Housing")
    service = ServiceFactory(directorate=housing, name="Tenancy")
    post = PostFactory(
        title="Director of Housing",
        tier=Tier.DIRECTOR,
        service=None,
        directorate=housing,
        reports_to=org.posts.chief_executive,
    )
    housing_director = OfficerFactory(post=post)
    declared_in_register(councillor, housing_director.user)
    enquiry = enquiry_reassign(
        actor=officer,
        enquiry=casework(org),
        to=org.officers.head_of_service,
        note="Tenancy casework.",
        service=service,
    )
    assert enquiry.director == org.officers.chief_executive


# --- Escalation up the ladder by the sweep -------------------------------------------------


@pytest.fixture
def overdue(org, councillor):
    with clock_at(at(2026, 11, 2, 9, 0)):
        return casework(org, actor=councillor)


def escalated_to(enquiry) -> list[int]:
    return list(
        enquiry.events.filter(kind=Ev.ESCALATED).order_by("rung").values_list("officer", flat=True)
    )


def test_escalation_skips_a_conflicted_line_manager(org, councillor, overdue):
    declared_in_register(councillor, org.officers.line_manager.user, starts_on=SINCE)
    with clock_at(at(2026, 11, 17, 0, 0)):
        assert enquiries_sweep(now=at(2026, 11, 17, 0, 0)) == 1
    overdue.refresh_from_db()
    assert overdue.escalated_to == org.officers.assistant_director
    assert escalated_to(overdue) == [org.officers.assistant_director.pk]


def test_escalation_never_reaches_a_conflicted_rung(org, councillor, overdue):
    declared_in_register(org.officers.director.user, councillor, starts_on=SINCE)
    with clock_at(at(2027, 1, 4, 9, 0)):
        enquiries_sweep(now=at(2027, 1, 4, 9, 0))
    officers = escalated_to(overdue)
    assert org.officers.director.pk not in officers
    assert officers[:2] == [org.officers.line_manager.pk, org.officers.assistant_director.pk]
    assert org.officers.monitoring_officer.pk in officers


def test_one_escalation_reads_the_register_once(org, councillor, overdue):
    declared_in_register(councillor, org.officers.line_manager.user, starts_on=SINCE)
    with (
        clock_at(at(2026, 11, 17, 0, 0)),
        CaptureQueriesContext(connection) as queries,
    ):
        enquiries_sweep(now=at(2026, 11, 17, 0, 0))
    assert declarations_read(queries) == 1


# --- Line-management reach ------------------------------------------------------------------
# A manager above the officer (or the Director over the directorate, or the Chief Executive
# over every enquiry) with a declared relationship with the councillor neither sees nor acts
# on that councillor's enquiries through that reach, from the day it is declared.


def _pages(enquiry) -> list[str]:
    names = ("detail", "attachment", "acknowledge", "holding", "extension", "respond", "decline")
    return [reverse(f"enquiries:{name}", args=[enquiry.pk]) for name in names] + [
        reverse("api:enquiry-detail", args=[enquiry.pk])
    ]


@pytest.mark.parametrize("manager", ["line_manager", "head_of_service", "assistant_director"])
def test_a_related_manager_loses_reach_over_the_councillors_enquiries(
    request, client_for, org, councillor, manager
):
    enquiry = casework(org)
    user = request.getfixturevalue(manager)
    client = client_for(user)
    assert client.get(_pages(enquiry)[0]).status_code == 200
    declared_in_register(councillor, user)  # declared after the enquiry was logged
    assert not enquiries_visible_to(user).filter(pk=enquiry.pk).exists()
    assert not can_work(user, enquiry) and not can_decide_extension(user, enquiry)
    for url in _pages(enquiry):
        assert client.get(url).status_code == 404, url
    response = client.post(
        reverse("enquiries:respond", args=[enquiry.pk]), {"response": "Done.", "minor": "on"}
    )
    assert response.status_code == 404
    enquiry.refresh_from_db()
    assert enquiry.status == Status.LOGGED
    assert enquiry.reference not in client.get(reverse("enquiries:list")).content.decode()


def test_the_managers_who_are_not_related_keep_their_reach(
    client_for, org, councillor, line_manager, head_of_service, assistant_director
):
    enquiry = casework(org)
    declared_in_register(line_manager, councillor)
    for user in (head_of_service, assistant_director):
        assert enquiries_visible_to(user).filter(pk=enquiry.pk).exists()
        assert can_work(user, enquiry) and can_decide_extension(user, enquiry)
    # The officer it is assigned to is not a manager: their enquiry stays theirs.
    officer = org.officers.officer.user
    assert client_for(officer).get(_pages(enquiry)[0]).status_code == 200


def test_another_councillors_enquiries_stay_in_reach(org, councillor, line_manager):
    declared_in_register(councillor, line_manager)
    others = casework(org, councillor=org.councillors.other_group_councillor)
    assert enquiries_visible_to(line_manager).filter(pk=others.pk).exists()
    assert can_work(line_manager, others)


def test_withdrawing_the_declaration_gives_the_reach_back(org, councillor, line_manager):
    enquiry = casework(org)
    declaration = declared_in_register(line_manager, councillor)
    assert not can_work(line_manager, enquiry)
    withdraw(declaration)
    assert enquiries_visible_to(line_manager).filter(pk=enquiry.pk).exists()
    assert can_work(line_manager, enquiry)


def test_a_related_director_passed_over_has_no_reach_through_the_directorate(
    client_for, org, councillor, director
):
    declared_in_register(councillor, director)
    enquiry = casework(org)  # copied to the Chief Executive instead
    assert enquiry.director == org.officers.chief_executive
    assert not enquiries_visible_to(director).filter(pk=enquiry.pk).exists()
    assert not can_work(director, enquiry)
    assert client_for(director).get(_pages(enquiry)[0]).status_code == 404


def test_a_related_chief_executive_does_not_see_every_enquiry(
    client_for, org, councillor, chief_executive, director
):
    declared_in_register(chief_executive, councillor)
    enquiry = casework(org)
    assert enquiry.director == org.officers.director
    assert not enquiries_visible_to(chief_executive).filter(pk=enquiry.pk).exists()
    assert not can_work(chief_executive, enquiry)
    assert not can_decide_extension(chief_executive, enquiry)
    assert client_for(chief_executive).get(_pages(enquiry)[0]).status_code == 404
    assert can_work(director, enquiry)  # the Director copied still has it


def test_the_reach_reads_the_register_inside_its_one_query(org, councillor, line_manager):
    casework(org)
    declared_in_register(councillor, line_manager)
    visible = enquiries_visible_to(line_manager)
    with CaptureQueriesContext(connection) as queries:
        assert list(visible) == []
    assert len(queries.captured_queries) == 1
    assert declarations_read(queries) == 1
