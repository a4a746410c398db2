"""person_for: a signed-in person's roles, worked out from the registers (ORG-3)."""

import datetime

from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from protocol_site.models import User
from registers.models import StatutoryRole, Tier
from registers.roles import ROLE_LABELS, Person, Role, democratic_services_group, person_for
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import (
    CouncillorFactory,
    OfficerFactory,
    PostFactory,
    StatutoryRoleFactory,
)


def roles_of(user):
    """Roles from a fresh copy of the user (person_for caches on the instance)."""
    return person_for(User.objects.get(pk=user.pk)).roles


def vacate(officer):
    officer.post = None
    officer.save(update_fields=["post"])


def test_anonymous_has_no_roles(db):
    person = person_for(AnonymousUser())
    assert person.roles == frozenset()
    assert person.officer is None and person.councillor is None
    assert not person.can_manage_organisation


def test_result_is_cached_on_the_user(officer, django_assert_num_queries):
    first = person_for(officer)
    with django_assert_num_queries(0):
        assert person_for(officer) is first


def test_profiles_are_attached(org, officer, councillor):
    assert person_for(officer).officer == org.officers.officer
    assert person_for(councillor).councillor == org.councillors.councillor


def test_role_labels_in_role_order(director):
    assert person_for(director).role_labels == ["Officer", "Line manager", "Director"]
    assert set(ROLE_LABELS) == set(Role)


def test_has(group_leader):
    person = person_for(group_leader)
    assert person.has(Role.GROUP_LEADER)
    assert not person.has(Role.OFFICER)


class TestLineManager:
    def test_from_direct_reports(self, org, officer, line_manager):
        assert Role.LINE_MANAGER in roles_of(line_manager)
        assert Role.LINE_MANAGER not in roles_of(officer)

    def test_vacant_direct_report_post_still_makes_a_line_manager(self, org, line_manager):
        vacate(org.officers.officer)
        assert Role.LINE_MANAGER in roles_of(line_manager)

    def test_inactive_direct_report_posts_do_not_count(self, org, line_manager):
        org.posts.officer.is_active = False
        org.posts.officer.save(update_fields=["is_active"])
        assert Role.LINE_MANAGER not in roles_of(line_manager)

    def test_gaining_a_report_makes_a_line_manager(self, org, officer):
        PostFactory(title="Apprentice", service=org.service, reports_to=org.posts.officer)
        assert Role.LINE_MANAGER in roles_of(officer)


class TestActing:
    def test_acting_assistant_director(self, org, head_of_service):
        vacate(org.officers.assistant_director)
        post = org.posts.assistant_director
        post.acting_holder = org.officers.head_of_service
        post.acting_until = timezone.localdate() + datetime.timedelta(days=90)
        post.save(update_fields=["acting_holder", "acting_until"])
        assert Role.ASSISTANT_DIRECTOR in roles_of(head_of_service)

    def test_expired_acting_arrangement_gives_no_role(self, org, head_of_service):
        post = org.posts.assistant_director
        post.acting_holder = org.officers.head_of_service
        post.acting_until = timezone.localdate() - datetime.timedelta(days=1)
        post.save(update_fields=["acting_holder", "acting_until"])
        assert Role.ASSISTANT_DIRECTOR not in roles_of(head_of_service)

    def test_acting_chief_executive(self, org, director):
        post = org.posts.chief_executive
        post.acting_holder = org.officers.director
        post.save(update_fields=["acting_holder"])
        assert Role.CHIEF_EXECUTIVE in roles_of(director)

    def test_officer_acting_up_as_manager(self, org, officer):
        org.posts.line_manager.acting_holder = org.officers.officer
        org.posts.line_manager.save(update_fields=["acting_holder"])
        assert {Role.OFFICER, Role.LINE_MANAGER} <= roles_of(officer)


class TestTiers:
    def test_executive_director_is_a_director(self, org):
        post = PostFactory(
            title="Executive Director of Resources",
            tier=Tier.EXECUTIVE_DIRECTOR,
            service=None,
            directorate=org.resources,
        )
        executive = OfficerFactory(post=post)
        assert Role.DIRECTOR in roles_of(executive.user)

    def test_head_of_service_is_not_an_assistant_director(self, head_of_service):
        roles = roles_of(head_of_service)
        assert Role.ASSISTANT_DIRECTOR not in roles
        assert Role.DIRECTOR not in roles

    def test_officer_without_a_post(self, db):
        loose = OfficerFactory(post=None)
        assert roles_of(loose.user) == {Role.OFFICER}

    def test_inactive_officer_has_no_officer_roles(self, org, line_manager):
        org.officers.line_manager.is_active = False
        org.officers.line_manager.save(update_fields=["is_active"])
        person = person_for(User.objects.get(pk=line_manager.pk))
        assert person.roles == frozenset()
        assert person.officer is None


class TestStatutoryRoles:
    def test_head_of_paid_service_is_chief_executive_without_the_post(self, org, director):
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE).update(
            officer=org.officers.director
        )
        assert Role.CHIEF_EXECUTIVE in roles_of(director)

    def test_deputy_monitoring_officer_is_not_the_monitoring_officer(self, org):
        deputy = OfficerFactory()
        StatutoryRoleFactory(kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=deputy)
        assert Role.MONITORING_OFFICER not in roles_of(deputy.user)

    def test_chief_finance_officer_is_an_officer(self, org):
        cfo = OfficerFactory()
        StatutoryRoleFactory(kind=StatutoryRole.Kind.CHIEF_FINANCE_OFFICER, officer=cfo)
        assert roles_of(cfo.user) == {Role.OFFICER}


class TestCouncillors:
    def test_group_leader(self, group_leader, councillor):
        assert roles_of(group_leader) == {Role.COUNCILLOR, Role.GROUP_LEADER}
        assert roles_of(councillor) == {Role.COUNCILLOR}

    def test_stepping_down_as_group_leader(self, org, group_leader):
        org.group_a.leader = None
        org.group_a.save(update_fields=["leader"])
        assert roles_of(group_leader) == {Role.COUNCILLOR}

    def test_co_opted_member_is_a_councillor(self, db):
        member = CouncillorFactory(
            ward=None, group=None, co_opted=True, co_opted_to="Standards Committee"
        )
        assert roles_of(member.user) == {Role.COUNCILLOR}

    def test_a_councillor_who_is_also_an_officer_elsewhere(self, db):
        user = UserFactory()
        CouncillorFactory(user=user)
        OfficerFactory(user=user)
        assert {Role.COUNCILLOR, Role.OFFICER} <= roles_of(user)


class TestDemocraticServices:
    def test_membership_of_the_group(self, democratic_services, officer):
        assert Role.DEMOCRATIC_SERVICES in roles_of(democratic_services)
        assert person_for(democratic_services).can_manage_organisation
        assert Role.DEMOCRATIC_SERVICES not in roles_of(officer)

    def test_group_is_created_once(self, db):
        assert democratic_services_group() == democratic_services_group()

    def test_superuser_can_manage_without_a_role(self, db):
        admin = UserFactory(is_superuser=True)
        person = person_for(admin)
        assert person.roles == frozenset()
        assert person.can_manage_organisation

    def test_person_defaults(self):
        person = Person(user=None)
        assert person.roles == frozenset()
        assert person.role_labels == []
