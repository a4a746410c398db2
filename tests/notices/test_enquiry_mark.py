"""ELE-1: an enquiry or a briefing request logged during a pre-election period is marked, and
the mark is shown on the record and in the lists."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from enquiries.models import Enquiry
from tests.enquiries.factories import casework

from .helpers import NOW, declare_period

pytestmark = pytest.mark.django_db

TAG = "Pre-election period</strong>"


def test_an_enquiry_logged_in_a_period_is_marked(org, monitoring_officer, client_for, officer):
    declare_period(monitoring_officer)
    enquiry = casework(org)
    assert enquiry.in_pre_election_period is True
    client = client_for(officer)
    assert TAG in client.get(reverse("enquiries:detail", args=[enquiry.pk])).content.decode()
    html = client.get(reverse("enquiries:list"), {"status": "any"}).content.decode()
    assert enquiry.reference in html and TAG in html
    api = client.get(f"/api/v1/enquiries/{enquiry.pk}/").json()
    assert api["in_pre_election_period"] is True


def test_an_enquiry_logged_outside_a_period_is_not(org, monitoring_officer, client_for, officer):
    declare_period(monitoring_officer, starts_on=date(2026, 4, 20))
    enquiry = casework(org)
    assert enquiry.in_pre_election_period is False
    html = client_for(officer).get(reverse("enquiries:detail", args=[enquiry.pk])).content
    assert TAG not in html.decode()


def test_a_recorded_enquiry_counts_from_when_it_was_received(org, monitoring_officer):
    declare_period(monitoring_officer, starts_on=date(2026, 4, 14))
    before = casework(
        org,
        actor=org.officers.democratic_services.user,
        channel=Enquiry.Channel.PHONE,
        received_at=NOW - timedelta(days=2),
    )
    during = casework(
        org,
        actor=org.officers.democratic_services.user,
        channel=Enquiry.Channel.PHONE,
        received_at=NOW - timedelta(hours=2),
    )
    assert (before.in_pre_election_period, during.in_pre_election_period) == (False, True)


def test_the_mark_stays_when_the_period_ends(org, monitoring_officer):
    from notices.services import election_period_end

    period = declare_period(monitoring_officer)
    enquiry = casework(org)
    election_period_end(actor=monitoring_officer, period=period)
    enquiry.refresh_from_db()
    assert enquiry.in_pre_election_period is True
    assert casework(org).in_pre_election_period is False


def test_a_briefing_asked_for_in_a_period_is_marked(
    org, monitoring_officer, client_for, group_leader
):
    from tests.groups.helpers import ask

    declare_period(monitoring_officer)
    briefing = ask(org)
    assert briefing.in_pre_election_period is True
    client = client_for(group_leader)
    assert TAG in client.get(reverse("groups:detail", args=[briefing.pk])).content.decode()
    assert TAG in client.get(reverse("groups:list")).content.decode()


def test_a_briefing_asked_for_outside_a_period_is_not(org, monitoring_officer, group_leader):
    from tests.groups.helpers import ask

    declare_period(monitoring_officer, starts_on=date(2026, 4, 20))
    assert ask(org).in_pre_election_period is False
