"""The schedule and legal holds pages: democratic services change the schedule; they and the
Monitoring Officer hold and lift; every change is audited."""

import pytest
from django.urls import reverse

from protocol_site.models import AuditEvent
from retention.models import LegalHold, RetentionRule

from .helpers import closed_enquiry

pytestmark = pytest.mark.django_db


def test_democratic_services_change_the_schedule(
    client_for, democratic_services, monitoring_officer
):
    url = reverse("retention:rule_change", args=["complaint"])
    assert client_for(monitoring_officer).get(url).status_code == 403
    assert client_for(monitoring_officer).get(reverse("retention:schedule")).status_code == 200
    client = client_for(democratic_services)
    refused = client.post(url, {"keep_years": "0", "reason": ""})
    page = refused.content.decode()
    assert "Years to keep must be between 1 and 50" in page
    assert "Enter why the period is changing" in page
    # The reason is kept with the rule's history, which holds 100 characters.
    long = client.post(url, {"keep_years": "8", "reason": "x" * 101}).content.decode()
    assert "Why the period is changing must be 100 characters or fewer" in long
    assert RetentionRule.objects.get(kind="complaint").keep_years != 8
    client.post(url, {"keep_years": "8", "reason": "Records policy"})
    assert RetentionRule.objects.get(kind="complaint").keep_years == 8
    assert AuditEvent.objects.filter(action="retention.rule.changed").count() == 1
    assert "8 years" in client.get(reverse("retention:schedule")).content.decode()


def test_a_hold_is_set_and_lifted_by_reference(client_for, org, monitoring_officer):
    enquiry = closed_enquiry(org)
    client = client_for(monitoring_officer)
    new = reverse("retention:hold_new")
    missing = client.post(new, {"reference": "ENQ-1999-000001", "reason": "Claim"})
    assert "Enter the reference of a case that exists" in missing.content.decode()
    client.post(new, {"reference": enquiry.reference.lower(), "reason": "Tribunal claim"})
    hold = LegalHold.objects.in_force().get()
    assert (hold.case_id, hold.kind) == (enquiry.pk, "enquiry")
    again = client.post(new, {"reference": enquiry.reference, "reason": "Twice"})
    assert "This case is already held" in again.content.decode()
    assert "Tribunal claim" in client.get(reverse("retention:holds")).content.decode()
    client.post(reverse("retention:hold_lift", args=[hold.pk]), {"reason": "Settled"})
    assert LegalHold.objects.in_force().count() == 0
    actions = list(
        AuditEvent.objects.filter(action__startswith="retention.hold").values_list(
            "action", flat=True
        )
    )
    assert actions == ["retention.hold.set", "retention.hold.lifted"]
