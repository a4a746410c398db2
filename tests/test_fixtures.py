"""The standard people each have the role their name promises."""

import pytest

from registers.roles import Role, person_for


@pytest.mark.parametrize(
    ("fixture", "expected", "absent"),
    [
        ("councillor", {Role.COUNCILLOR}, {Role.GROUP_LEADER, Role.OFFICER}),
        ("other_group_councillor", {Role.COUNCILLOR}, {Role.GROUP_LEADER, Role.OFFICER}),
        ("group_leader", {Role.COUNCILLOR, Role.GROUP_LEADER}, {Role.OFFICER}),
        ("officer", {Role.OFFICER}, {Role.LINE_MANAGER, Role.COUNCILLOR}),
        ("line_manager", {Role.OFFICER, Role.LINE_MANAGER}, {Role.ASSISTANT_DIRECTOR}),
        ("head_of_service", {Role.OFFICER, Role.LINE_MANAGER}, {Role.ASSISTANT_DIRECTOR}),
        (
            "assistant_director",
            {Role.OFFICER, Role.LINE_MANAGER, Role.ASSISTANT_DIRECTOR},
            {Role.DIRECTOR},
        ),
        ("director", {Role.OFFICER, Role.LINE_MANAGER, Role.DIRECTOR}, {Role.CHIEF_EXECUTIVE}),
        ("chief_executive", {Role.OFFICER, Role.CHIEF_EXECUTIVE}, {Role.MONITORING_OFFICER}),
        ("monitoring_officer", {Role.OFFICER, Role.MONITORING_OFFICER}, {Role.CHIEF_EXECUTIVE}),
        (
            "democratic_services",
            {Role.OFFICER, Role.DEMOCRATIC_SERVICES},
            {Role.MONITORING_OFFICER, Role.LINE_MANAGER},
        ),
        ("outsider", set(), set(Role)),
    ],
)
def test_standard_person_roles(request, fixture, expected, absent):
    user = request.getfixturevalue(fixture)
    roles = person_for(user).roles
    assert expected <= roles
    assert not (absent & roles)


def test_democratic_services_group_has_permissions(democratic_services):
    assert democratic_services.has_perm("registers.change_councillor")
    assert democratic_services.has_perm("protocol_site.add_closureday")


def test_outsider_can_manage_nothing(outsider):
    assert not person_for(outsider).can_manage_organisation
    assert not outsider.has_perm("registers.change_councillor")


def test_client_for_signs_in(client_for, officer):
    client = client_for(officer)
    assert client.session["_auth_user_id"] == str(officer.pk)


def test_officer_chain(org):
    posts = org.posts
    assert posts.officer.reports_to == posts.line_manager
    assert posts.line_manager.reports_to == posts.head_of_service
    assert posts.head_of_service.reports_to == posts.assistant_director
    assert posts.assistant_director.reports_to == posts.director
    assert posts.director.reports_to == posts.chief_executive
