"""A head of service names the officer who allocates their team queue with them: only the head,
through the service (audited, the delegate told by email once), and the delegate then allocates."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enquiries.permissions import queue_service_ids
from protocol_site.models import AuditEvent, OutboxEmail
from registers.models import Service
from registers.services import service_name_queue_delegate

pytestmark = pytest.mark.django_db

PAGE = reverse("enquiries:team_delegate")
QUEUE = reverse("enquiries:team_queue")


def test_the_head_names_a_delegate_audited_and_told_once(org, head_of_service, line_manager):
    delegate = org.officers.line_manager
    service_name_queue_delegate(actor=head_of_service, service=org.service, delegate=delegate)
    service_name_queue_delegate(actor=head_of_service, service=org.service, delegate=delegate)
    assert Service.objects.get(pk=org.service.pk).queue_delegate == delegate
    assert org.service.pk in queue_service_ids(line_manager)
    told = OutboxEmail.objects.filter(recipient=line_manager)
    assert [e.subject for e in told] == ["You allocate the Waste and Recycling team queue"]
    event = AuditEvent.objects.get(action="registers.service.queue_delegate")
    assert event.actor == head_of_service and event.after == {"queue_delegate": delegate.pk}
    # And nobody again: the head allocates alone; nobody is emailed.
    service_name_queue_delegate(actor=head_of_service, service=org.service, delegate=None)
    assert Service.objects.get(pk=org.service.pk).queue_delegate is None
    assert org.service.pk not in queue_service_ids(line_manager)
    assert OutboxEmail.objects.filter(recipient=line_manager).count() == 1
    assert Service.history.filter(id=org.service.pk).count() >= 2


@pytest.mark.parametrize("who", ["line_manager", "assistant_director", "democratic_services"])
def test_only_the_head_of_service_names_the_delegate(org, who, request):
    with pytest.raises(PermissionDenied):
        service_name_queue_delegate(
            actor=request.getfixturevalue(who),
            service=org.service,
            delegate=org.officers.officer,
        )


def test_the_delegate_must_be_someone_else_and_current(org, head_of_service):
    with pytest.raises(ValidationError) as refused:
        service_name_queue_delegate(
            actor=head_of_service, service=org.service, delegate=org.officers.head_of_service
        )
    assert "select someone else" in str(refused.value)
    gone = org.officers.officer
    gone.is_active = False
    gone.save(update_fields=["is_active"])
    with pytest.raises(ValidationError, match="Select a current officer"):
        service_name_queue_delegate(actor=head_of_service, service=org.service, delegate=gone)


def test_the_page_names_the_delegate(client_for, org, head_of_service):
    client = client_for(head_of_service)
    assert "Name an officer to allocate it with you" in client.get(QUEUE).content.decode()
    page = client.get(PAGE).content.decode()
    assert "Who allocates the team queue with you" in page
    response = client.post(PAGE, {"delegate": org.officers.officer.pk})
    assert response.status_code == 302 and response["Location"] == QUEUE
    assert Service.objects.get(pk=org.service.pk).queue_delegate == org.officers.officer
    assert "Oliver Hughes allocates the Waste and Recycling team queue with you" in (
        client.get(QUEUE).content.decode()
    )


def test_the_page_refuses_an_unknown_officer_by_name(client_for, head_of_service):
    response = client_for(head_of_service).post(PAGE, {"delegate": "99999"})
    html = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in html
    assert "the officer who allocates the team queue with you" in html.lower()


@pytest.mark.parametrize("who", ["officer", "line_manager", "director", "councillor"])
def test_nobody_else_has_the_page(client_for, who, request):
    assert client_for(request.getfixturevalue(who)).get(PAGE).status_code == 403
