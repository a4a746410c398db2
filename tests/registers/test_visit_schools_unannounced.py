"""Visits to schools, arranged through the Headteacher where the council's rule says so, and
unannounced visits in special circumstances, recorded afterwards with their reason (the notice
period does not block them): the Director told once, audited, seen by the right officers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from protocol_site.models import AuditEvent, OutboxEmail
from registers.models import Visit
from registers.selectors import visits_visible_to
from registers.services import visit_record_unannounced
from reports.selectors import Period, visits_by_directorate
from tests.clock import at, clock_fixture

from .helpers import NOW, ask_for_visit

pytestmark = pytest.mark.django_db

monday_morning = clock_fixture(NOW, name="monday_morning")


def unannounced(org, **kwargs) -> Visit:
    values = {
        "actor": org.councillors.councillor.user,
        "service": org.service,
        "premises": "Mill Lane Depot",
        "starts_at": at(2026, 10, 30, 15, 0),
        "purpose": "A resident reported a fire at the depot.",
        "reason": "A fire was reported; there was no time to give notice.",
    }
    values.update(kwargs)
    return visit_record_unannounced(**values)


# --- Schools ---------------------------------------------------------------------------------


def test_a_school_visit_needs_the_headteachers_agreement(org):
    with pytest.raises(ValidationError) as raised:
        ask_for_visit(org, school="Mill Lane Primary School")
    assert "through its Headteacher" in raised.value.message_dict["headteacher_agreed"][0]
    visit = ask_for_visit(org, school="Mill Lane Primary School", headteacher_agreed=True)
    assert visit.is_school_visit and visit.headteacher_agreed
    email = OutboxEmail.objects.get()
    assert "School: Mill Lane Primary School (the Headteacher arranged" in email.body_text
    event = AuditEvent.objects.get(action="registers.visit.requested")
    assert event.after["school"] == "Mill Lane Primary School"


def test_the_council_may_not_require_it(org, council_rule):
    council_rule("VISIT_SCHOOLS_THROUGH_HEADTEACHER", False)
    visit = ask_for_visit(org, school="Mill Lane Primary School")
    assert visit.is_school_visit and not visit.headteacher_agreed


def test_agreement_means_nothing_without_a_school(org):
    assert not ask_for_visit(org, headteacher_agreed=True).headteacher_agreed


@settings(max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    school=st.sampled_from(["", "  ", "Mill Lane Primary School"]),
    agreed=st.booleans(),
    required=st.booleans(),
)
def test_the_school_rule_over_its_inputs(org, school, agreed, required):
    with override_settings(VISIT_SCHOOLS_THROUGH_HEADTEACHER=required):
        refused = bool(school.strip()) and required and not agreed
        try:
            visit = ask_for_visit(org, school=school, headteacher_agreed=agreed)
        except ValidationError as error:
            assert refused and set(error.message_dict) == {"headteacher_agreed"}
        else:
            assert not refused
            assert visit.headteacher_agreed == (bool(school.strip()) and agreed)


# --- Unannounced visits ----------------------------------------------------------------------


def test_an_unannounced_visit_is_recorded_afterwards_and_the_director_told_once(
    org, councillor, director
):
    visit = unannounced(org)
    assert visit.status == Visit.Status.UNANNOUNCED and visit.is_unannounced
    [email] = OutboxEmail.objects.filter(recipient=director)
    assert "Unannounced member's visit to Mill Lane Depot" in email.subject
    assert "a fire" not in email.body_text.lower()  # the reason is casework text
    assert "004" not in email.body_text and "§" not in email.body_text
    event = AuditEvent.objects.get(action="registers.visit.unannounced")
    assert event.actor == councillor
    assert [h.history_type for h in visit.history.all()] == ["+"]


def test_the_notice_period_does_not_block_it_but_it_must_be_past_with_a_reason(org):
    with pytest.raises(ValidationError) as raised:
        unannounced(org, starts_at=at(2026, 11, 3, 10, 0), reason="  ")
    assert set(raised.value.message_dict) == {"starts_at", "reason"}
    assert unannounced(org, starts_at=at(2026, 11, 2, 8, 30)).pk  # an hour ago


def test_the_council_may_not_provide_for_them(org, council_rule, client_for, councillor):
    council_rule("VISIT_UNANNOUNCED_ALLOWED", False)
    with pytest.raises(PermissionDenied):
        unannounced(org)
    assert client_for(councillor).get(reverse("visits:unannounced")).status_code == 403


def test_only_a_councillor_records_one(org, officer):
    with pytest.raises(PermissionDenied):
        unannounced(org, actor=officer)


def test_who_sees_it(
    org,
    councillor,
    director,
    monitoring_officer,
    democratic_services,
    officer,
    other_group_councillor,
):
    visit = unannounced(org)
    for user in (councillor, director, monitoring_officer, democratic_services):
        assert visits_visible_to(user).filter(pk=visit.pk).exists(), user
    for user in (officer, other_group_councillor):
        assert not visits_visible_to(user).filter(pk=visit.pk).exists(), user


def test_it_cannot_be_arranged_or_cancelled(org, client_for, councillor, director):
    visit = unannounced(org)
    html = client_for(director).get(reverse("visits:detail", args=[visit.pk])).content.decode()
    assert "Special circumstances" in html and "Arrange the visit" not in html
    assert (
        "Cancel the visit"
        not in client_for(councillor)
        .get(reverse("visits:detail", args=[visit.pk]))
        .content.decode()
    )


def test_the_councillor_records_one_through_the_page(org, client_for, councillor):
    client = client_for(councillor)
    assert "Record an unannounced visit" in client.get(reverse("visits:list")).content.decode()
    response = client.post(
        reverse("visits:unannounced"),
        {
            "premises": "Mill Lane Depot",
            "service": org.service.pk,
            "visit_on_0": 30,
            "visit_on_1": 10,
            "visit_on_2": 2026,
            "visit_time": "15:00",
            "purpose": "To see the damage.",
            "reason": "A fire was reported.",
        },
    )
    visit = Visit.objects.get()
    assert response.status_code == 302 and response.url == reverse("visits:detail", args=[visit.pk])
    error = client.post(reverse("visits:unannounced"), {"premises": "x"}).content.decode()
    assert "Say what special circumstances meant" in error


def test_the_annual_report_counts_them(org):
    unannounced(org)
    ask_for_visit(org, school="Mill Lane Primary School", headteacher_agreed=True)
    [row] = visits_by_directorate(Period(at(2026, 5, 1, 0, 0).date(), at(2027, 5, 1, 0, 0).date()))
    assert (row["visits"], row["unannounced"], row["schools"]) == (2, 1, 1)
