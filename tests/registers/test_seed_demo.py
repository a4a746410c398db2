"""`manage.py seed_demo` builds a believable council, and running it again changes nothing."""

from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from protocol_site.models import ClosureDay, User
from registers.demo import DEMO_LOGINS, DEMO_PASSWORD
from registers.ladder import Rung, ladder_for, senior_hr_manager, standards_chair
from registers.models import (
    Councillor,
    CouncillorRole,
    Directorate,
    Officer,
    OfficerInterest,
    PoliticalGroup,
    Post,
    Service,
    StatutoryRole,
    Tier,
    TrainingSession,
    Visit,
    Ward,
)
from registers.roles import ROLE_LABELS, Role, may_act_as_monitoring_officer, person_for

ROLE_BY_LABEL = {label: role for role, label in ROLE_LABELS.items()}
DEPUTY = StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER
HR = StatutoryRole.Kind.SENIOR_HR_MANAGER
STANDARDS_CHAIR = CouncillorRole.Kind.STANDARDS_CHAIR


def counts() -> dict[str, int]:
    """Rows in every table the demo touches, history tables included."""
    labels = ("registers", "protocol_site", "auth")
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.app_label in labels
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """Seed once for the module (twice, to prove the second run is a no-op), then undo."""
    with django_db_blocker.unblock():
        from django.db import transaction

        with transaction.atomic():
            first = StringIO()
            call_command("seed_demo", stdout=first)
            before = counts()
            second = StringIO()
            call_command("seed_demo", stdout=second)
            after = counts()
            yield {
                "first": first.getvalue(),
                "second": second.getvalue(),
                "before": before,
                "after": after,
            }
            transaction.set_rollback(True)


@pytest.fixture
def demo(seeded, db):
    return seeded


def test_second_run_changes_nothing(demo):
    assert demo["after"] == demo["before"]
    assert "nothing changed" in demo["second"]


def test_output_names_the_password_and_the_logins(demo):
    for output in (demo["first"], demo["second"]):
        assert DEMO_PASSWORD in output
        assert "role" in output and "username" in output
        for role, username in DEMO_LOGINS:
            assert role in output and username in output


def test_organisation_size(demo):
    assert 140 <= Officer.objects.count() <= 160
    assert Directorate.objects.count() == 5
    assert Service.objects.count() >= 15
    assert Post.objects.filter(tier=Tier.CHIEF_EXECUTIVE).count() == 1
    assert Post.objects.filter(tier__in=[Tier.DIRECTOR, Tier.EXECUTIVE_DIRECTOR]).count() == 5
    assert Post.objects.filter(tier=Tier.EXECUTIVE_DIRECTOR).count() == 1
    assert Post.objects.filter(tier=Tier.ASSISTANT_DIRECTOR).count() == 10
    for directorate in Directorate.objects.all():
        assert directorate.posts.filter(tier=Tier.ASSISTANT_DIRECTOR).count() == 2


def test_every_service_has_a_complaints_officer_in_it(demo):
    for service in Service.objects.select_related("complaints_officer__post"):
        assert service.complaints_officer is not None, service
        assert service.complaints_officer.post.service_id == service.pk


def test_restricted_vacant_and_acting_posts(demo):
    restricted = Post.objects.filter(politically_restricted=True)
    assert restricted.count() >= 3
    assert not restricted.filter(restriction_reason="").exists()
    assert Post.objects.filter(holder__isnull=True, acting_holder__isnull=True).count() == 1
    acting = Post.objects.filter(acting_holder__isnull=False)
    assert acting.count() == 1
    assert acting.get().acting_holder_now() is not None


def test_statutory_officers(demo):
    kinds = set(StatutoryRole.objects.values_list("kind", flat=True))
    assert kinds == set(StatutoryRole.Kind.values)
    hops = StatutoryRole.objects.get(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE)
    assert hops.officer.post.tier == Tier.CHIEF_EXECUTIVE


def test_the_people_the_complaints_at_the_top_need(demo):
    """The Senior Human Resources Manager (beside the Monitoring Officer on a member's
    complaint about the Chief Executive, where the rule says so) heads Human Resources; the
    chair of the Standards Committee (consulted on an upheld grievance against a member) is an
    elected member. Both are demo logins."""
    hr = senior_hr_manager()
    assert hr.user.username == "hr.manager" and hr.post.service.name == "Human Resources"
    assert hr.post.tier == Tier.HEAD_OF_SERVICE
    chair = standards_chair()
    assert chair.user.username == "standards.chair" and not chair.co_opted
    assert chair.ward is not None and chair.group is not None
    assert (HR.label, "hr.manager") in DEMO_LOGINS
    assert (STANDARDS_CHAIR.label, "standards.chair") in DEMO_LOGINS


def test_members(demo):
    elected = Councillor.objects.filter(co_opted=False)
    assert 43 <= elected.count() <= 47
    assert Councillor.objects.filter(co_opted=True, ward__isnull=True).count() == 2
    assert 15 <= Ward.objects.count() <= 20
    for ward in Ward.objects.all():
        assert ward.councillors.count() == ward.seats
    groups = PoliticalGroup.objects.all()
    assert 3 <= groups.count() <= 4
    for group in groups:
        assert group.leader is not None and group.leader.group_id == group.pk
    kinds = list(CouncillorRole.objects.values_list("kind", flat=True))
    assert kinds.count(CouncillorRole.Kind.LEADER) == 1
    assert kinds.count(CouncillorRole.Kind.DEPUTY_LEADER) == 1
    assert kinds.count(CouncillorRole.Kind.CABINET_MEMBER) == 6
    assert kinds.count(CouncillorRole.Kind.COMMITTEE_CHAIR) >= 3
    assert not CouncillorRole.objects.filter(
        kind=CouncillorRole.Kind.CABINET_MEMBER, portfolio=""
    ).exists()


def test_closure_days(demo):
    dates = {d.isoformat() for d in ClosureDay.objects.values_list("date", flat=True)}
    assert {"2026-12-24", "2026-12-29", "2026-12-30", "2026-12-31"} <= dates


def test_every_user_can_sign_in_with_the_demo_password(demo):
    assert not User.objects.exclude(email__endswith="@example.gov.uk").exists()
    user = User.objects.get(username="officer.demo")
    assert user.check_password(DEMO_PASSWORD)
    assert User.objects.filter(password=user.password).count() == User.objects.count()


@pytest.mark.parametrize(("label", "username"), DEMO_LOGINS)
def test_demo_login_has_its_role(demo, label, username):
    person = person_for(User.objects.get(username=username))
    statutory = {DEPUTY.label: DEPUTY, HR.label: HR}
    if label in statutory:
        assert statutory[label] in person.statutory_kinds
    elif label == STANDARDS_CHAIR.label:
        assert person.councillor is not None
        assert person.councillor.roles.current().filter(kind=STANDARDS_CHAIR).exists()
    else:
        assert ROLE_BY_LABEL[label] in person.roles


def test_the_deputy_monitoring_officer_stands_in_only_while_the_monitoring_officer_is_absent(
    demo, client
):
    deputy = User.objects.get(username="deputy.monitoring.officer")
    assert deputy.check_password(DEMO_PASSWORD)
    assert StatutoryRole.objects.in_post().get(kind=DEPUTY).officer.user == deputy
    assert (DEPUTY.label, deputy.username) in DEMO_LOGINS
    client.force_login(deputy)
    queue = reverse("complaints:patterns")  # the Monitoring Officer's alone
    # By default the Monitoring Officer is in post: the Deputy does not act.
    assert Role.MONITORING_OFFICER not in person_for(deputy).roles
    assert not may_act_as_monitoring_officer(User.objects.get(pk=deputy.pk))
    assert client.get(queue).status_code == 403
    # The Monitoring Officer recorded absent (their officer record switched off): the Deputy
    # holds the powers and sees what only the Monitoring Officer sees.
    monitoring_officer = Officer.objects.get(user__username="monitoring.officer")
    monitoring_officer.is_active = False
    monitoring_officer.save()
    assert may_act_as_monitoring_officer(User.objects.get(pk=deputy.pk))
    assert client.get(queue).status_code == 200


def test_demo_chain(demo):
    officer = Officer.objects.get(user__username="officer.demo")
    steps = ladder_for(officer, [Rung.LINE_MANAGER, Rung.ASSISTANT_DIRECTOR, Rung.DIRECTOR])
    assert [s.person.user.username for s in steps] == [
        "manager.demo",
        "ad.demo",
        "director.demo",
    ]
    manager_post = Officer.objects.get(user__username="manager.demo").post
    assert manager_post.reports_to.tier == Tier.HEAD_OF_SERVICE
    assert manager_post.reports_to.reports_to.holder.user.username == "ad.demo"
    director = Officer.objects.get(user__username="director.demo")
    assert director.post.reports_to.holder.user.username == "chief.executive"


def test_two_democratic_services_officers(demo):
    assert User.objects.filter(groups__name="Democratic services").count() == 2


def test_demo_rows_pass_model_validation(demo):
    models = (Directorate, Service, Post, Officer, StatutoryRole, Ward, PoliticalGroup)
    for model in (*models, Councillor, CouncillorRole):
        for obj in model.objects.all():
            obj.full_clean()


def test_the_other_registers(demo):
    """REG-3: interests (one ended), training with attendance, and visits in every state,
    all for the demo logins to find."""
    assert OfficerInterest.objects.count() >= 3
    assert OfficerInterest.objects.filter(ends_on__isnull=False).exists()
    assert OfficerInterest.objects.filter(officer__user__username="officer.demo").exists()
    induction = TrainingSession.objects.get(kind=TrainingSession.Kind.INDUCTION)
    assert induction.attendance.filter(councillor__user__username="cllr.demo").exists()
    assert TrainingSession.objects.filter(attendance__attended=False).exists()
    assert set(Visit.objects.values_list("status", flat=True)) == set(Visit.Status.values)
    for visit in Visit.objects.select_related("director__user"):
        assert visit.director.user.username == "director.demo"
    assert Visit.objects.filter(councillor__user__username="cllr.demo").count() >= 2
    assert "Council registers: " in demo["first"]
