"""The escalation ladder (ORG-1, CMP-3): vacancies, acting-up, duplicates, conflicts."""

import datetime

import pytest
from django.utils import timezone

from registers.ladder import (
    DEFAULT_LADDER,
    Rung,
    director_of,
    ladder_for,
    line_manager_of,
)
from registers.models import CouncillorRole, StatutoryRole, Tier
from tests.registers.factories import (
    CouncillorFactory,
    CouncillorRoleFactory,
    OfficerFactory,
    PostFactory,
    StatutoryRoleFactory,
)

ALL_RUNGS = (
    Rung.LINE_MANAGER,
    Rung.ASSISTANT_DIRECTOR,
    Rung.DIRECTOR,
    Rung.CHIEF_EXECUTIVE,
    Rung.MONITORING_OFFICER,
    Rung.LEADER,
)


def today():
    return timezone.localdate()


def summary(steps):
    """[(rung, username)] for readable assertions."""
    return [(step.rung, step.person.user.username) for step in steps]


def vacate(officer):
    officer.post = None
    officer.save(update_fields=["post"])


def act_up(post, officer, until=None):
    post.acting_holder = officer
    post.acting_until = until
    post.save(update_fields=["acting_holder", "acting_until"])


def deactivate(officer):
    officer.is_active = False
    officer.save(update_fields=["is_active"])


@pytest.fixture
def people(org):
    return org.officers


class TestFullChain:
    def test_default_ladder(self, people):
        assert summary(ladder_for(people.officer)) == [
            (Rung.LINE_MANAGER, "line.manager"),
            (Rung.ASSISTANT_DIRECTOR, "assistant.director"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_default_ladder_constant(self):
        assert DEFAULT_LADDER == (
            Rung.LINE_MANAGER,
            Rung.ASSISTANT_DIRECTOR,
            Rung.DIRECTOR,
            Rung.MONITORING_OFFICER,
        )

    def test_every_rung_in_the_order_asked(self, people, org):
        leader = CouncillorRoleFactory(
            councillor=org.councillors.group_leader, kind=CouncillorRole.Kind.LEADER
        )
        steps = ladder_for(people.officer, ALL_RUNGS)
        assert summary(steps) == [
            (Rung.LINE_MANAGER, "line.manager"),
            (Rung.ASSISTANT_DIRECTOR, "assistant.director"),
            (Rung.DIRECTOR, "director"),
            (Rung.CHIEF_EXECUTIVE, "chief.executive"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
            (Rung.LEADER, "group.leader"),
        ]
        assert steps[-1].person == leader.councillor
        assert steps[0].label == "Line manager"
        assert steps[-1].label == "Leader of the Council"
        assert [s.user_id for s in steps] == [s.person.user_id for s in steps]

    def test_rungs_may_be_given_as_strings(self, people):
        steps = ladder_for(people.officer, ["director", "line_manager"])
        assert summary(steps) == [
            (Rung.DIRECTOR, "director"),
            (Rung.LINE_MANAGER, "line.manager"),
        ]

    def test_unknown_rung(self, people):
        with pytest.raises(ValueError):
            ladder_for(people.officer, ["mayor"])

    def test_helpers(self, people):
        assert line_manager_of(people.officer) == people.line_manager
        assert director_of(people.officer) == people.director
        assert line_manager_of(people.chief_executive) is None
        assert director_of(people.director) is None

    def test_officer_without_a_post_reaches_only_council_wide_rungs(self, org):
        loose = OfficerFactory(post=None)
        assert summary(ladder_for(loose, ALL_RUNGS)) == [
            (Rung.CHIEF_EXECUTIVE, "chief.executive"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_ladder_starts_above_the_officer(self, people):
        assert summary(ladder_for(people.line_manager)) == [
            (Rung.LINE_MANAGER, "head.of.service"),
            (Rung.ASSISTANT_DIRECTOR, "assistant.director"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]


class TestVacancies:
    def test_vacant_line_manager_post_is_stepped_over(self, people):
        vacate(people.line_manager)
        assert summary(ladder_for(people.officer))[0] == (Rung.LINE_MANAGER, "head.of.service")

    def test_several_vacant_posts_in_a_row(self, people):
        vacate(people.line_manager)
        vacate(people.head_of_service)
        assert summary(ladder_for(people.officer)) == [
            (Rung.LINE_MANAGER, "assistant.director"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_vacant_assistant_director_rung_is_skipped(self, people):
        vacate(people.assistant_director)
        assert summary(ladder_for(people.officer)) == [
            (Rung.LINE_MANAGER, "line.manager"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_vacant_director_rung_is_skipped(self, people):
        vacate(people.director)
        assert summary(ladder_for(people.officer, ALL_RUNGS[:4])) == [
            (Rung.LINE_MANAGER, "line.manager"),
            (Rung.ASSISTANT_DIRECTOR, "assistant.director"),
            (Rung.CHIEF_EXECUTIVE, "chief.executive"),
        ]

    def test_inactive_officers_are_treated_as_vacancies(self, people):
        deactivate(people.line_manager)
        deactivate(people.assistant_director)
        assert summary(ladder_for(people.officer)) == [
            (Rung.LINE_MANAGER, "head.of.service"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_whole_chain_vacant(self, people):
        for key in ("line_manager", "head_of_service", "assistant_director", "director"):
            vacate(getattr(people, key))
        vacate(people.chief_executive)
        assert summary(ladder_for(people.officer)) == [
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]


class TestSamePerson:
    def test_line_manager_who_is_the_assistant_director_appears_once(self, org, people):
        org.posts.officer.reports_to = org.posts.assistant_director
        org.posts.officer.save(update_fields=["reports_to"])
        assert summary(ladder_for(people.officer)) == [
            (Rung.LINE_MANAGER, "assistant.director"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_one_person_acting_in_two_posts_appears_once(self, org, people):
        vacate(people.line_manager)
        vacate(people.head_of_service)
        act_up(org.posts.head_of_service, people.assistant_director)
        steps = ladder_for(people.officer)
        assert summary(steps) == [
            (Rung.LINE_MANAGER, "assistant.director"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]
        assert len({s.user_id for s in steps}) == len(steps)

    def test_director_who_is_also_chief_executive_appears_once(self, org, people):
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE).update(
            officer=people.director
        )
        assert summary(ladder_for(people.officer, ALL_RUNGS[:4])) == [
            (Rung.LINE_MANAGER, "line.manager"),
            (Rung.ASSISTANT_DIRECTOR, "assistant.director"),
            (Rung.DIRECTOR, "director"),
        ]

    def test_the_officer_is_never_on_their_own_ladder(self, people):
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.MONITORING_OFFICER).update(
            officer=people.officer
        )
        users = [s.user_id for s in ladder_for(people.officer, ALL_RUNGS)]
        assert people.officer.user_id not in users


class TestActing:
    def test_acting_holder_stands_in_for_a_vacant_post(self, org, people):
        vacate(people.line_manager)
        stand_in = OfficerFactory(user__username="stand.in")
        act_up(org.posts.line_manager, stand_in, today() + datetime.timedelta(days=30))
        assert summary(ladder_for(people.officer))[0] == (Rung.LINE_MANAGER, "stand.in")

    def test_acting_holder_covers_an_absent_holder(self, org, people):
        stand_in = OfficerFactory(user__username="stand.in")
        act_up(org.posts.line_manager, stand_in, today())
        assert summary(ladder_for(people.officer))[0] == (Rung.LINE_MANAGER, "stand.in")

    def test_open_ended_acting_arrangement(self, org, people):
        stand_in = OfficerFactory(user__username="stand.in")
        act_up(org.posts.assistant_director, stand_in, None)
        assert summary(ladder_for(people.officer))[1] == (Rung.ASSISTANT_DIRECTOR, "stand.in")

    def test_expired_acting_arrangement_is_ignored(self, org, people):
        vacate(people.line_manager)
        stand_in = OfficerFactory(user__username="stand.in")
        act_up(org.posts.line_manager, stand_in, today() - datetime.timedelta(days=1))
        assert summary(ladder_for(people.officer))[0] == (Rung.LINE_MANAGER, "head.of.service")

    def test_expired_acting_arrangement_gives_the_post_back(self, org, people):
        stand_in = OfficerFactory(user__username="stand.in")
        act_up(org.posts.line_manager, stand_in, today() - datetime.timedelta(days=1))
        assert summary(ladder_for(people.officer))[0] == (Rung.LINE_MANAGER, "line.manager")

    def test_inactive_acting_holder_falls_back_to_the_holder(self, org, people):
        stand_in = OfficerFactory(user__username="stand.in", is_active=False)
        act_up(org.posts.line_manager, stand_in, None)
        assert summary(ladder_for(people.officer))[0] == (Rung.LINE_MANAGER, "line.manager")

    def test_officer_acting_up_gets_the_higher_posts_chain(self, org, people):
        colleague_post = PostFactory(
            title="Waste Services Officer",
            service=org.service,
            reports_to=org.posts.line_manager,
        )
        colleague = OfficerFactory(user__username="colleague", post=colleague_post)
        vacate(people.line_manager)
        act_up(org.posts.line_manager, people.officer, today() + datetime.timedelta(days=60))
        # The acting manager escalates from the manager's post...
        assert summary(ladder_for(people.officer)) == [
            (Rung.LINE_MANAGER, "head.of.service"),
            (Rung.ASSISTANT_DIRECTOR, "assistant.director"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]
        # ...and is the line manager of the team meanwhile.
        assert line_manager_of(colleague) == people.officer

    def test_acting_up_ends_and_the_officer_returns_to_their_own_chain(self, org, people):
        vacate(people.line_manager)
        act_up(org.posts.line_manager, people.officer, today() - datetime.timedelta(days=1))
        assert summary(ladder_for(people.officer))[0] == (Rung.LINE_MANAGER, "head.of.service")
        assert people.officer.working_post == org.posts.officer

    def test_head_of_service_acting_as_assistant_director(self, org, people):
        vacate(people.assistant_director)
        act_up(org.posts.assistant_director, people.head_of_service)
        assert summary(ladder_for(people.officer)) == [
            (Rung.LINE_MANAGER, "line.manager"),
            (Rung.ASSISTANT_DIRECTOR, "head.of.service"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]


class TestSeniorOfficers:
    def test_directors_ladder_has_no_assistant_director(self, people):
        assert summary(ladder_for(people.director, ALL_RUNGS[:5])) == [
            (Rung.LINE_MANAGER, "chief.executive"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_assistant_directors_ladder(self, people):
        assert summary(ladder_for(people.assistant_director)) == [
            (Rung.LINE_MANAGER, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_director_under_an_executive_director(self, org, people):
        executive_post = PostFactory(
            title="Executive Director of Place",
            tier=Tier.EXECUTIVE_DIRECTOR,
            service=None,
            directorate=org.directorate,
            reports_to=org.posts.chief_executive,
        )
        OfficerFactory(user__username="exec.director", post=executive_post)
        org.posts.director.reports_to = executive_post
        org.posts.director.save(update_fields=["reports_to"])
        assert summary(ladder_for(people.director)) == [
            (Rung.LINE_MANAGER, "exec.director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]
        # An officer's Director rung is the nearest director-tier post above.
        assert summary(ladder_for(people.officer))[2] == (Rung.DIRECTOR, "director")

    def test_chief_executives_ladder(self, people, org):
        CouncillorRoleFactory(
            councillor=org.councillors.group_leader, kind=CouncillorRole.Kind.LEADER
        )
        assert summary(ladder_for(people.chief_executive, ALL_RUNGS)) == [
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
            (Rung.LEADER, "group.leader"),
        ]


class TestChiefExecutiveRung:
    def test_from_head_of_paid_service(self, people):
        other = OfficerFactory(user__username="hops")
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE).update(
            officer=other
        )
        steps = ladder_for(people.officer, [Rung.CHIEF_EXECUTIVE])
        assert summary(steps) == [(Rung.CHIEF_EXECUTIVE, "hops")]

    def test_falls_back_to_the_chief_executive_post(self, people):
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE).delete()
        steps = ladder_for(people.officer, [Rung.CHIEF_EXECUTIVE])
        assert summary(steps) == [(Rung.CHIEF_EXECUTIVE, "chief.executive")]

    def test_inactive_head_of_paid_service_falls_back_to_the_post(self, org, people):
        other = OfficerFactory(user__username="hops", is_active=False)
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE).update(
            officer=other
        )
        steps = ladder_for(people.officer, [Rung.CHIEF_EXECUTIVE])
        assert summary(steps) == [(Rung.CHIEF_EXECUTIVE, "chief.executive")]

    def test_acting_chief_executive(self, org, people):
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE).delete()
        vacate(people.chief_executive)
        act_up(org.posts.chief_executive, people.director)
        steps = ladder_for(people.officer, [Rung.CHIEF_EXECUTIVE])
        assert summary(steps) == [(Rung.CHIEF_EXECUTIVE, "director")]

    def test_no_chief_executive_at_all(self, people):
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE).delete()
        vacate(people.chief_executive)
        assert ladder_for(people.officer, [Rung.CHIEF_EXECUTIVE]) == []


class TestMonitoringOfficerRung:
    @pytest.fixture
    def deputy(self, org):
        deputy = OfficerFactory(user__username="deputy.mo")
        StatutoryRoleFactory(kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=deputy)
        return deputy

    def mo_rung(self, officer, **kwargs):
        return summary(ladder_for(officer, [Rung.MONITORING_OFFICER], **kwargs))

    def test_monitoring_officer_first(self, people, deputy):
        assert self.mo_rung(people.officer) == [(Rung.MONITORING_OFFICER, "monitoring.officer")]

    def test_deputy_when_there_is_no_monitoring_officer(self, people, deputy):
        StatutoryRole.objects.filter(kind=StatutoryRole.Kind.MONITORING_OFFICER).delete()
        assert self.mo_rung(people.officer) == [(Rung.MONITORING_OFFICER, "deputy.mo")]

    def test_deputy_when_the_monitoring_officer_has_left(self, people, deputy):
        deactivate(people.monitoring_officer)
        assert self.mo_rung(people.officer) == [(Rung.MONITORING_OFFICER, "deputy.mo")]

    def test_deputy_when_the_monitoring_officer_is_conflicted(self, people, deputy):
        mo_user = people.monitoring_officer.user_id
        assert self.mo_rung(people.officer, is_conflicted=lambda uid: uid == mo_user) == [
            (Rung.MONITORING_OFFICER, "deputy.mo")
        ]
        assert self.mo_rung(people.officer, exclude_user_ids=[mo_user]) == [
            (Rung.MONITORING_OFFICER, "deputy.mo")
        ]

    def test_deputy_when_the_matter_is_about_the_monitoring_officer(self, people, deputy):
        assert self.mo_rung(people.monitoring_officer) == [(Rung.MONITORING_OFFICER, "deputy.mo")]

    def test_deputy_when_the_monitoring_officer_is_already_on_the_ladder(self, people, deputy):
        # The democratic services officer's line manager is the Monitoring Officer.
        assert summary(ladder_for(people.democratic_services)) == [
            (Rung.LINE_MANAGER, "monitoring.officer"),
            (Rung.MONITORING_OFFICER, "deputy.mo"),
        ]

    def test_rung_skipped_without_a_deputy(self, people):
        mo_user = people.monitoring_officer.user_id
        assert self.mo_rung(people.officer, exclude_user_ids=[mo_user]) == []
        assert summary(ladder_for(people.democratic_services)) == [
            (Rung.LINE_MANAGER, "monitoring.officer"),
        ]


class TestLeaderRung:
    def leader_rung(self, officer):
        return summary(ladder_for(officer, [Rung.LEADER]))

    def test_current_leader(self, org, people):
        CouncillorRoleFactory(
            councillor=org.councillors.councillor,
            kind=CouncillorRole.Kind.LEADER,
            starts_on=today() - datetime.timedelta(days=100),
        )
        assert self.leader_rung(people.officer) == [(Rung.LEADER, "councillor")]

    def test_no_leader(self, people):
        assert self.leader_rung(people.officer) == []

    def test_former_and_future_leaders_do_not_count(self, org, people):
        CouncillorRoleFactory(
            councillor=org.councillors.councillor,
            kind=CouncillorRole.Kind.LEADER,
            starts_on=today() - datetime.timedelta(days=400),
            ends_on=today() - datetime.timedelta(days=1),
        )
        assert self.leader_rung(people.officer) == []
        CouncillorRoleFactory(
            councillor=org.councillors.other_group_councillor,
            kind=CouncillorRole.Kind.LEADER,
            starts_on=today() + datetime.timedelta(days=1),
        )
        assert self.leader_rung(people.officer) == []

    def test_leader_with_a_fixed_end_date(self, org, people):
        CouncillorRoleFactory(
            councillor=org.councillors.other_group_councillor,
            kind=CouncillorRole.Kind.LEADER,
            starts_on=today() - datetime.timedelta(days=10),
            ends_on=today(),
        )
        assert self.leader_rung(people.officer) == [(Rung.LEADER, "other.councillor")]

    def test_other_councillor_roles_do_not_make_a_leader(self, org, people):
        CouncillorRoleFactory(
            councillor=org.councillors.councillor, kind=CouncillorRole.Kind.DEPUTY_LEADER
        )
        assert self.leader_rung(people.officer) == []

    def test_conflicted_leader_is_skipped(self, org, people):
        leader = CouncillorFactory(user__username="the.leader")
        CouncillorRoleFactory(councillor=leader, kind=CouncillorRole.Kind.LEADER)
        assert ladder_for(people.officer, [Rung.LEADER], exclude_user_ids=[leader.user_id]) == []


class TestExclusionsAndConflicts:
    def test_excluded_people_are_skipped(self, people):
        steps = ladder_for(
            people.officer,
            exclude_user_ids=[people.line_manager.user_id, people.director.user_id],
        )
        assert summary(steps) == [
            (Rung.ASSISTANT_DIRECTOR, "assistant.director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]

    def test_conflicted_people_are_skipped(self, people):
        conflicted = {people.assistant_director.user_id}
        calls = []

        def is_conflicted(user_id):
            calls.append(user_id)
            return user_id in conflicted

        assert summary(ladder_for(people.officer, is_conflicted=is_conflicted)) == [
            (Rung.LINE_MANAGER, "line.manager"),
            (Rung.DIRECTOR, "director"),
            (Rung.MONITORING_OFFICER, "monitoring.officer"),
        ]
        assert people.assistant_director.user_id in calls

    def test_exclusions_accept_any_iterable(self, people):
        excluded = (uid for uid in [people.line_manager.user_id])
        steps = ladder_for(people.officer, exclude_user_ids=excluded)
        assert steps[0].rung == Rung.ASSISTANT_DIRECTOR

    def test_everyone_excluded(self, people):
        assert ladder_for(people.officer, ALL_RUNGS, is_conflicted=lambda uid: True) == []
