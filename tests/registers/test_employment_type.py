"""Who counts as an officer under the protocol: each officer's employment type, and the
council's rule (employees only, or agency staff, contractors and volunteers too). A teacher in
a school is never an officer under the protocol: not offered, not assignable, not complained
about as an officer."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaints.services import complaint_raise
from enquiries.services import enquiry_reassign
from protocol_site.council_rules import rule
from registers.manage.forms import OfficerForm
from registers.models import COVERED_TYPES, NOT_COVERED, EmploymentType, Officer
from registers.pickers import officers_in
from registers.services import protocol_apply_preset
from tests.enquiries.factories import casework
from tests.registers.factories import OfficerFactory, PostFactory

pytestmark = pytest.mark.django_db


def test_an_officer_is_an_employee_unless_recorded_otherwise(org):
    assert set(Officer.objects.values_list("employment_type", flat=True)) == {"employee"}
    assert org.officers.officer.is_covered


def test_a_teacher_is_never_offered_or_complained_about_as_an_officer(org, councillor):
    teacher = OfficerFactory(employment_type=EmploymentType.TEACHER, post=PostFactory())
    assert not teacher.is_covered
    assert teacher not in officers_in()
    with pytest.raises(ValidationError) as raised:
        complaint_raise(
            actor=councillor, summary="Rude", details="At the school gate.", about_officer=teacher
        )
    assert raised.value.message_dict == {"about_officer": [NOT_COVERED]}


def test_agency_staff_count_unless_the_council_says_employees_only(org, council_rule):
    agency = OfficerFactory(employment_type=EmploymentType.AGENCY, post=PostFactory())
    assert rule("OFFICER_PROTOCOL_COVERS") == "all_staff"
    assert agency in officers_in() and agency.is_covered
    council_rule("OFFICER_PROTOCOL_COVERS", "employees")
    assert agency not in officers_in() and not agency.is_covered
    assert org.officers.officer in officers_in()


def test_presets_say_who_counts(democratic_services):
    protocol = protocol_apply_preset(actor=democratic_services, preset="borough_2020")
    assert protocol.officer_protocol_covers == "employees"
    assert protocol.paragraphs["officer_definition"] == "1.5"
    protocol = protocol_apply_preset(actor=democratic_services, preset="unitary")
    assert protocol.officer_protocol_covers == "all_staff"
    protocol = protocol_apply_preset(actor=democratic_services, preset="county")
    assert protocol.officer_protocol_covers == ""
    assert protocol.visit_schools_through_headteacher is None


def test_democratic_services_record_how_an_officer_works(org):
    form = OfficerForm(instance=org.officers.officer)
    assert form.fields["employment_type"].label == "How they work for the council"
    assert dict(form.fields["employment_type"].choices)["teacher"].startswith("Teacher")


@settings(max_examples=10, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    kind=st.sampled_from(EmploymentType.values),
    covers=st.sampled_from(sorted(COVERED_TYPES)),
    active=st.booleans(),
)
def test_the_picker_offers_exactly_those_the_rule_covers(org, council_rule, kind, covers, active):
    council_rule("OFFICER_PROTOCOL_COVERS", covers)
    person = OfficerFactory(employment_type=kind, is_active=active, post=PostFactory())
    offered = officers_in().filter(pk=person.pk).exists()
    assert offered == (active and kind in COVERED_TYPES[covers])
    assert person.is_covered == (kind in COVERED_TYPES[covers])
    assert kind != EmploymentType.TEACHER or not offered


def test_an_enquiry_is_not_passed_to_someone_the_protocol_does_not_cover(
    org, officer, council_rule
):
    enquiry = casework(org)
    contractor = OfficerFactory(
        employment_type=EmploymentType.CONTRACTOR, post=PostFactory(service=org.service)
    )
    council_rule("OFFICER_PROTOCOL_COVERS", "employees")
    with pytest.raises(ValidationError) as raised:
        enquiry_reassign(actor=officer, enquiry=enquiry, to=contractor, note="Theirs")
    assert raised.value.message_dict == {"to": [NOT_COVERED]}
