"""The Deputy Monitoring Officer holds the Monitoring Officer's powers while the Monitoring
Officer is absent or the post vacant (the queue, referral to the Standards Committee, the
outcome report, patterns, pre-election periods, the annual report), and on a complaint the
Monitoring Officer raised or is the subject of, which the Monitoring Officer cannot refer or
decide. While the Monitoring Officer is in post and not a party, the Deputy has none of them."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from complaints.models import ComplaintEvent, Referral, Status
from complaints.selectors import (
    complaint_for,
    complaints_visible_to,
    may_see_management_note,
    mo_patterns,
    mo_queue,
)
from complaints.services import complaint_report_outcome, complaint_stage_refer
from complaints.views.common import actions_for
from protocol_site.models import OutboxEmail, User
from registers.models import StatutoryRole
from tests.registers.factories import OfficerFactory, StatutoryRoleFactory

from .helpers import about_member, about_officer

pytestmark = pytest.mark.django_db
Ev = ComplaintEvent.Kind

POWER_PAGES = (
    reverse("complaints:patterns"),
    reverse("notices:period_new"),
    reverse("reports:annual"),
)


def fresh(user):
    return User.objects.get(pk=user.pk)


@pytest.fixture
def deputy(org):
    deputy = OfficerFactory(user__username="deputy.mo", user__first_name="Dev")
    StatutoryRoleFactory(kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=deputy)
    return deputy.user


def absent(org):
    org.officers.monitoring_officer.is_active = False
    org.officers.monitoring_officer.save(update_fields=["is_active"])


def vacant(org):
    StatutoryRole.objects.filter(kind=StatutoryRole.Kind.MONITORING_OFFICER).delete()


def report(actor, complaint, text="Findings: the remarks were unfair."):
    return complaint_report_outcome(actor=fresh(actor), complaint=complaint, report=text)


def refer(actor, complaint):
    return complaint_stage_refer(
        actor=fresh(actor),
        complaint=complaint,
        referral=Referral.STANDARDS_COMMITTEE,
        note="A possible breach of the Code of Conduct.",
    )


@pytest.mark.parametrize("gone", [absent, vacant])
def test_while_the_monitoring_officer_is_gone_the_deputy_holds_every_power(
    org, deputy, client_for, gone
):
    complaint = about_member(org)
    gone(org)
    later = about_member(org, summary="Again at the next forum")
    assert set(mo_queue(fresh(deputy))) == {complaint, later}
    assert later.events.get(kind=Ev.MO_COPIED).detail.startswith(
        "Copied to the Deputy Monitoring Officer"
    )
    assert mo_patterns(fresh(deputy)).by_complainant[0]["total"] == 2
    client = client_for(deputy)
    for url in POWER_PAGES:
        assert client.get(url).status_code == 200, url
    page = client.get(reverse("complaints:list")).content.decode()
    assert "MO queue" in page
    report(deputy, complaint)
    assert "Deputy Monitoring Officer reported" in complaint.events.get(kind=Ev.REPORTED).detail
    refer(deputy, later)
    later.refresh_from_db()
    assert later.status == Status.REFERRED


def test_while_the_monitoring_officer_is_in_post_the_deputy_has_no_such_power(
    org, deputy, client_for
):
    complaint = about_member(org)
    user = fresh(deputy)
    with pytest.raises(PermissionDenied):
        mo_queue(user)
    with pytest.raises(PermissionDenied):
        mo_patterns(user)
    assert not complaints_visible_to(user).filter(pk=complaint.pk).exists()
    with pytest.raises(PermissionDenied):
        report(deputy, complaint)
    with pytest.raises(PermissionDenied):
        refer(deputy, complaint)
    client = client_for(deputy)
    for url in POWER_PAGES:
        assert client.get(url).status_code == 403, url
    assert "MO queue" not in client.get(reverse("complaints:list")).content.decode()


def test_a_complaint_the_monitoring_officer_raised_is_the_deputys(
    org, deputy, monitoring_officer, client_for
):
    complaint = about_member(org, actor=monitoring_officer)
    complaint.refresh_from_db()
    assert complaint.mo_copied
    assert complaint.events.get(kind=Ev.MO_COPIED).detail.startswith(
        "Copied to the Deputy Monitoring Officer"
    )
    assert OutboxEmail.objects.filter(recipient=deputy).exists()
    # Not in the Monitoring Officer's own queue, and not theirs to decide or refer.
    assert complaint not in mo_queue(fresh(monitoring_officer))
    assert not actions_for(fresh(monitoring_officer), complaint).report
    with pytest.raises(PermissionDenied):
        report(monitoring_officer, complaint)
    with pytest.raises(PermissionDenied):
        refer(monitoring_officer, complaint)
    # The Deputy sees it, its internal side, and may report or refer it; only this one.
    user = fresh(deputy)
    assert complaint_for(user, complaint.pk) == complaint
    assert may_see_management_note(user, complaint)
    actions = actions_for(user, complaint)
    assert actions.report and actions.refer
    client = client_for(deputy)
    detail = client.get(reverse("complaints:detail", args=[complaint.pk]))
    assert "Report the outcome" in detail.content.decode()
    home = client.get(reverse("home")).content.decode()
    assert "1 open where you act for the Monitoring Officer" in home
    other = about_member(org, summary="Someone else's")
    assert not complaints_visible_to(fresh(deputy)).filter(pk=other.pk).exists()
    assert actions_for(fresh(monitoring_officer), other).report
    refer(deputy, complaint)
    complaint.refresh_from_db()
    assert complaint.status == Status.REFERRED


def test_a_complaint_about_the_monitoring_officer_is_the_deputys_before_they_are_told(
    org, deputy, monitoring_officer
):
    complaint = about_officer(org, officer_key="monitoring_officer")
    assert not complaints_visible_to(fresh(monitoring_officer)).filter(pk=complaint.pk).exists()
    user = fresh(deputy)
    assert complaint_for(user, complaint.pk) == complaint
    assert may_see_management_note(user, complaint)
    assert actions_for(user, complaint).notify_subject
    assert complaint.events.get(kind=Ev.MO_COPIED).detail.startswith(
        "Copied to the Deputy Monitoring Officer"
    )
