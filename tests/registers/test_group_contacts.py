"""Each political group may name a member who leads on resolving problems between members and
officers under the protocol: kept by democratic services with the group, shown to the group's
members on their home page, to the Monitoring Officer, and on complaints a member is party to."""

import pytest
from django.urls import reverse

from registers.models import PoliticalGroup
from tests.complaints.helpers import about_member, about_officer
from tests.registers.test_manage_registers import _post_change

pytestmark = pytest.mark.django_db

LEADS = "leads for the Group A group on resolving problems between members and officers"


def name_contact(org, councillor) -> None:
    PoliticalGroup.objects.filter(pk=org.group_a.pk).update(protocol_contact=councillor)


def test_democratic_services_name_a_member_of_the_group(client_for, democratic_services, org):
    client = client_for(democratic_services)
    url = reverse("manage:politicalgroup_edit", args=[org.group_a.pk])
    page = client.get(url).content.decode()
    assert "Contact for the protocol" in page
    refused = _post_change(client, url, protocol_contact=org.councillors.other_group_councillor.pk)
    assert "Select the contact from the group&#x27;s members" in refused.content.decode()
    assert PoliticalGroup.objects.get(pk=org.group_a.pk).protocol_contact is None

    chosen = _post_change(client, url, protocol_contact=org.councillors.councillor.pk)
    assert chosen.status_code == 302
    group = PoliticalGroup.objects.get(pk=org.group_a.pk)
    assert group.protocol_contact == org.councillors.councillor
    assert group.history.first().protocol_contact_id == org.councillors.councillor.pk


def test_the_contact_cannot_leave_the_group_until_another_is_named(
    client_for, democratic_services, org
):
    name_contact(org, org.councillors.councillor)
    client = client_for(democratic_services)
    url = reverse("manage:councillor_edit", args=[org.councillors.councillor.pk])
    response = _post_change(client, url, group=org.group_b.pk)
    assert "This councillor is the contact for the protocol of Group A" in (
        response.content.decode()
    )


def test_the_groups_members_see_who_their_contact_is(client_for, org):
    name_contact(org, org.councillors.group_leader)
    page = client_for(org.councillors.councillor.user).get(reverse("home")).content.decode()
    assert "Group contact for the protocol" in page
    assert "Cllr Grace Lambert leads for your group" in page
    own = client_for(org.councillors.group_leader.user).get(reverse("home")).content.decode()
    assert "You lead for your group on resolving problems" in own
    other = client_for(org.councillors.other_group_councillor.user).get(reverse("home"))
    assert "Group contact for the protocol" not in other.content.decode()


@pytest.mark.parametrize("make", [about_officer, about_member])
def test_a_complaint_a_member_is_party_to_names_their_groups_contact(
    make, client_for, org, monitoring_officer
):
    complaint = make(org)
    url = reverse("complaints:detail", args=[complaint.pk])
    assert (
        "Group contact for the protocol"
        not in client_for(monitoring_officer).get(url).content.decode()
    )

    name_contact(org, org.councillors.group_leader)
    page = client_for(monitoring_officer).get(url).content.decode()
    assert f"Cllr Grace Lambert {LEADS}" in page


def test_no_contact_is_shown_where_the_member_is_the_contact(client_for, org, monitoring_officer):
    name_contact(org, org.councillors.councillor)
    url = reverse("complaints:detail", args=[about_officer(org).pk])
    assert (
        "Group contact for the protocol"
        not in client_for(monitoring_officer).get(url).content.decode()
    )


def test_the_monitoring_officer_sees_every_groups_contact(client_for, org, monitoring_officer):
    name_contact(org, org.councillors.group_leader)
    page = client_for(monitoring_officer).get(reverse("complaints:patterns")).content.decode()
    assert "Political groups' contacts" in page
    assert "Cllr Grace Lambert" in page and "No contact named" in page  # Group B names no one
