"""panel_save (003 §6): recorded by democratic services or the Monitoring Officer, audited,
with field history, and never with a member related to the officer concerned."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from declarations.models import Panel
from declarations.panels.rules import members_may_sit
from protocol_site.audit import audit_trail_for
from registers.models import StatutoryRole
from tests.registers.factories import CouncillorFactory, StatutoryRoleFactory

from .factories_conflicts import declared_in_register, withdraw
from .panel_helpers import MEETS_ON, director_panel

pytestmark = pytest.mark.django_db


def test_democratic_services_record_a_panel_and_it_is_audited(org, democratic_services):
    panel = director_panel(org)
    assert panel.created_by == democratic_services
    assert set(panel.members.all()) == {
        org.councillors.councillor,
        org.councillors.other_group_councillor,
    }
    event = audit_trail_for(panel).get()
    assert event.action == "declarations.panel.created"
    assert event.actor == democratic_services
    assert event.after["members"] == ["Cllr Chris Baker", "Cllr Owen Price"]
    assert event.after["post"] == "Director of Place"
    assert panel.history.first().history_user == democratic_services


def test_the_monitoring_officer_may_record_one_too(org, monitoring_officer):
    assert director_panel(org, actor=monitoring_officer).created_by == monitoring_officer


@pytest.mark.parametrize("who", ["officer", "director", "chief_executive", "councillor"])
def test_nobody_else_may(request, org, who):
    with pytest.raises(PermissionDenied):
        director_panel(org, actor=request.getfixturevalue(who))
    assert not Panel.objects.exists()


def test_a_change_is_audited_with_only_what_changed_and_kept_in_history(org, monitoring_officer):
    panel = director_panel(org)
    panel = director_panel(
        org,
        panel=panel,
        actor=monitoring_officer,
        meets_on=date(2026, 12, 10),
        members=[org.councillors.councillor, org.councillors.group_leader],
    )
    event = audit_trail_for(panel).order_by("-id").first()
    assert event.action == "declarations.panel.changed"
    assert event.before == {
        "meets_on": "2026-12-03",
        "members": ["Cllr Chris Baker", "Cllr Owen Price"],
    }
    assert event.after == {
        "meets_on": "2026-12-10",
        "members": ["Cllr Chris Baker", "Cllr Grace Lambert"],
    }
    assert panel.history.filter(history_type="~").exists()
    assert panel.history.earliest("history_date").meets_on == MEETS_ON


def test_saving_without_a_change_records_nothing(org):
    panel = director_panel(org)
    history = panel.history.count()
    director_panel(org, panel=panel)
    assert audit_trail_for(panel).count() == 1
    assert panel.history.count() == history


def test_a_member_related_to_the_officer_concerned_is_blocked(org, director):
    declared_in_register(org.councillors.other_group_councillor.user, director)
    with pytest.raises(ValidationError) as raised:
        director_panel(
            org, purpose=Panel.Purpose.DISMISSAL, officer=org.officers.director, candidate_name=""
        )
    assert raised.value.message_dict == {
        "members": [
            "Cllr Owen Price has declared a relationship with David Okafor and cannot sit on "
            "this panel."
        ]
    }
    assert not Panel.objects.exists()


def test_a_change_adding_a_related_member_saves_nothing(org, director, group_leader):
    panel = director_panel(org, officer=org.officers.director, candidate_name="")
    declared_in_register(director, group_leader)
    with pytest.raises(ValidationError):
        director_panel(
            org,
            panel=panel,
            officer=org.officers.director,
            candidate_name="",
            notes="Changed",
            members=[org.councillors.group_leader],
        )
    panel.refresh_from_db()
    assert panel.notes == "Shortlist of three."
    assert org.councillors.group_leader not in panel.members.all()
    assert audit_trail_for(panel).count() == 1


def test_a_withdrawn_declaration_does_not_block(org, director):
    withdraw(declared_in_register(org.councillors.councillor.user, director))
    panel = director_panel(org, officer=org.officers.director, candidate_name="")
    assert panel.pk


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"purpose": "promotion"}, "purpose", "Select whether the panel is for an appointment"),
        ({"post": None}, "post", "Select the post"),
        ({"candidate_name": " "}, "officer", "Select the officer concerned, or give"),
        ({"purpose": "dismissal"}, "officer", "Select the officer a dismissal panel is about"),
        ({"meets_on": None}, "meets_on", "Enter the date the panel meets"),
    ],
)
def test_bad_input_is_refused_with_a_specific_error(org, changes, field, message):
    with pytest.raises(ValidationError) as raised:
        director_panel(org, **changes)
    assert raised.value.message_dict[field][0].startswith(message)
    assert not Panel.objects.exists()


def test_an_officer_and_an_outside_name_together_are_refused(org):
    with pytest.raises(ValidationError) as raised:
        director_panel(org, officer=org.officers.director)
    assert "not both" in raised.value.message_dict["candidate_name"][0]


def test_a_former_councillor_cannot_be_added(org):
    former = CouncillorFactory(term_start=date(2018, 5, 3), term_end=date(2022, 5, 4))
    with pytest.raises(ValidationError) as raised:
        director_panel(org, members=[former])
    assert raised.value.message_dict["members"] == [f"{former} is not a serving councillor."]


def test_which_posts_members_may_sit_for(org):
    """003 §6.1: Chief Executive, Directors, Monitoring Officer, Chief Finance Officer."""
    posts = org.posts
    assert members_may_sit(posts.chief_executive)
    assert members_may_sit(posts.director)
    assert members_may_sit(posts.monitoring_officer)  # its holder is the Monitoring Officer
    assert not members_may_sit(posts.assistant_director)
    assert not members_may_sit(posts.officer)
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.CHIEF_FINANCE_OFFICER, officer=org.officers.head_of_service
    )
    assert members_may_sit(posts.head_of_service)
    assert members_may_sit(posts.officer, org.officers.head_of_service)  # the officer concerned
