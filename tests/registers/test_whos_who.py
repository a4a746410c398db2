"""Who's who for members: services, their heads, Directors and complaints officers, in a few
queries; a councillor directs a concern to a service's complaints officer from there."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from complaints.models import ComplaintStage
from registers.whoswho import whos_who
from tests.complaints.helpers import about_officer
from tests.registers.factories import ServiceFactory

pytestmark = pytest.mark.django_db


def test_each_directorate_its_director_and_each_service_its_head_and_complaints_officer(org):
    entries = {entry.directorate.name: entry for entry in whos_who()}
    place = entries["Place and Environment"]
    assert place.director == org.officers.director
    [waste] = place.services
    assert waste.head == org.officers.head_of_service
    assert waste.complaints_officer == org.officers.head_of_service
    assert [e.directorate.name for e in whos_who("legal")] == ["Resources"]
    assert whos_who("no such thing") == []


def test_the_page_reads_a_bigger_council_in_the_same_few_queries(
    org, client_for, councillor, django_assert_max_num_queries
):
    client = client_for(councillor)
    for n in range(10):
        ServiceFactory(directorate=org.directorate, name=f"Service {n}")
    with django_assert_max_num_queries(8):
        page = client.get(reverse("whos_who"))
    text = page.content.decode()
    assert "Waste and Recycling" in text and "Gareth Evans" in text
    assert f"{reverse('complaints:new')}?service={org.service.pk}" in text


def test_an_officer_sees_it_but_is_not_offered_to_raise_a_concern(client_for, officer, org):
    page = client_for(officer).get(reverse("whos_who")).content.decode()
    assert "Waste and Recycling" in page and "Raise a concern with" not in page


def test_a_concern_directed_to_the_complaints_officer_starts_with_them(org):
    org.legal_service.complaints_officer = org.officers.democratic_services
    org.legal_service.save(update_fields=["complaints_officer"])
    complaint = about_officer(org, complaints_service=org.legal_service)
    stage = complaint.stages.get(number=1)
    assert stage.handler == org.officers.democratic_services.user
    assert stage.handler_role == "complaints officer for Legal and Democratic Services"
    assert isinstance(stage, ComplaintStage)


def test_the_subject_cannot_be_the_complaints_officer_it_is_directed_to(org):
    with pytest.raises(ValidationError) as refused:
        about_officer(org, officer_key="head_of_service", complaints_service=org.service)
    assert "complaints_service" in refused.value.message_dict


def test_the_complaint_form_offers_the_service_chosen_on_whos_who(client_for, councillor, org):
    page = client_for(councillor).get(reverse("complaints:new"), {"service": org.service.pk})
    text = page.content.decode()
    assert "Who should deal with it first?" in text
    assert f'<option value="{org.service.pk}" selected>' in text
