"""Team queues: casework for a service that keeps one waits unallocated; officers of the service
pick it up (two at once: one wins, the other is told), the head of service or their delegate
allocates. Each step is audited and emailed once."""

import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import close_old_connections, connection
from django.urls import reverse

from enquiries.models import Enquiry, EnquiryEvent
from enquiries.selectors import team_queue_for
from enquiries.services import enquiry_allocate, enquiry_pick_up
from protocol_site.models import AuditEvent, OutboxEmail
from tests.concurrency import ON_SQLITE
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


@pytest.fixture
def queued(org, councillor):
    org.service.team_queue = True
    org.service.save(update_fields=["team_queue"])
    return casework(org, actor=councillor, approached_officer=None)


def test_casework_nobody_was_approached_about_waits_in_the_queue(org, queued):
    assert queued.in_team_queue
    assert queued.assigned_to == org.officers.head_of_service  # the clock's holder meanwhile
    assert "keeps a team queue" in queued.routing_reason
    told = OutboxEmail.objects.filter(subject__icontains="team queue")
    assert [e.recipient for e in told] == [org.officers.head_of_service.user]
    # Every officer of the service sees it waiting; an officer elsewhere does not.
    assert list(team_queue_for(org.officers.officer.user)) == [queued]
    assert not team_queue_for(org.officers.democratic_services.user).exists()


def test_an_officer_of_the_service_picks_it_up(org, queued):
    officer = org.officers.officer
    enquiry_pick_up(actor=officer.user, enquiry=queued)
    fresh = Enquiry.objects.get(pk=queued.pk)
    assert fresh.assigned_to == officer and not fresh.in_team_queue
    assert fresh.events.filter(kind=Ev.PICKED_UP, officer=officer).count() == 1
    assert AuditEvent.objects.filter(action="enquiries.enquiry.picked_up").count() == 1
    assert (
        OutboxEmail.objects.filter(
            recipient=queued.councillor.user, subject__icontains="passed"
        ).count()
        == 1
    )
    # The second officer to try is told, and nothing changes.
    with pytest.raises(ValidationError) as refused:
        enquiry_pick_up(actor=org.officers.line_manager.user, enquiry=queued)
    assert "no longer in the team queue" in refused.value.messages[0]
    assert Enquiry.objects.get(pk=queued.pk).assigned_to == officer


def test_an_officer_of_another_service_cannot_pick_it_up(org, queued):
    with pytest.raises(PermissionDenied):
        enquiry_pick_up(actor=org.officers.democratic_services.user, enquiry=queued)


def test_the_head_of_service_or_their_delegate_allocates(org, queued, councillor):
    o = org.officers
    with pytest.raises(PermissionDenied):
        enquiry_allocate(actor=o.line_manager.user, enquiry=queued, to=o.officer)
    org.service.queue_delegate = o.line_manager
    org.service.save(update_fields=["queue_delegate"])
    enquiry_allocate(actor=o.line_manager.user, enquiry=queued, to=o.officer)
    fresh = Enquiry.objects.get(pk=queued.pk)
    assert fresh.assigned_to == o.officer and not fresh.in_team_queue
    assert AuditEvent.objects.filter(action="enquiries.enquiry.allocated").count() == 1
    second = casework(org, actor=councillor, approached_officer=None)
    enquiry_allocate(actor=o.head_of_service.user, enquiry=second, to=o.head_of_service)
    assert not Enquiry.objects.get(pk=second.pk).in_team_queue  # the head keeps it


def test_the_queue_page_picks_up_and_allocates(org, queued, client_for, officer, head_of_service):
    page = client_for(officer).get(reverse("enquiries:team_queue")).content.decode()
    assert queued.reference in page and "Pick up" in page
    assert reverse("enquiries:allocate", args=[queued.pk]) not in page
    head_page = client_for(head_of_service).get(reverse("enquiries:team_queue")).content.decode()
    assert reverse("enquiries:allocate", args=[queued.pk]) in head_page
    allocate = client_for(head_of_service).get(reverse("enquiries:allocate", args=[queued.pk]))
    assert allocate.status_code == 200
    response = client_for(officer).post(reverse("enquiries:pick_up", args=[queued.pk]))
    assert response.status_code == 302
    assert Enquiry.objects.get(pk=queued.pk).assigned_to == org.officers.officer
    # Gone from the queue: the pick-up page is no longer offered.
    again = client_for(head_of_service).get(reverse("enquiries:allocate", args=[queued.pk]))
    assert again.status_code == 403


@ON_SQLITE
@pytest.mark.django_db(transaction=True)
def test_two_officers_picking_up_at_once_one_wins(org, queued):
    barrier = threading.Barrier(2)
    won, told = [], []

    def pick(user):
        try:
            barrier.wait()
            enquiry_pick_up(actor=user, enquiry=Enquiry.objects.get(pk=queued.pk))
            won.append(user)
        except ValidationError as exc:
            told.append(exc.messages[0])
        finally:
            close_old_connections()
            connection.close()

    people = [org.officers.officer.user, org.officers.line_manager.user]
    threads = [threading.Thread(target=pick, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(won) == 1 and len(told) == 1
    assert "no longer in the team queue" in told[0]
    assert Enquiry.objects.get(pk=queued.pk).events.filter(kind=Ev.PICKED_UP).count() == 1
