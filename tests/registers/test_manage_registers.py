"""Adding and changing entries of each register through the organisation pages: valid input is
saved with an audit event and a history row; bad input shows the GOV.UK error summary and
saves nothing (ORG-1, ORG-2, ORG-4 closure days)."""

import datetime

import pytest
from django.urls import reverse

from protocol_site.models import AuditEvent, ClosureDay
from registers.manage.registry import BY_KEY
from registers.models import (
    CouncillorRole,
    OfficerInterest,
    PoliticalGroup,
    Post,
    StatutoryRole,
    Tier,
    TrainingSession,
)
from tests.protocol_site.factories import ClosureDayFactory
from tests.registers.factories import (
    CouncillorRoleFactory,
    OfficerInterestFactory,
    PostFactory,
    TrainingAttendanceFactory,
    TrainingSessionFactory,
)
from tests.registers.forms_data import date_data, form_data

pytestmark = pytest.mark.django_db


def person_data(username, first, last):
    return {
        "username": username,
        "first_name": first,
        "last_name": last,
        "email": f"{username}@example.gov.uk",
    }


def valid(key, org):
    """(data that adds one entry, how to find it); invalid(): (bad data, the message shown)."""
    return {
        "directorate": (
            {"name": "Children's Services", "is_active": "on"},
            {"name": "Children's Services"},
        ),
        "service": (
            {
                "directorate": org.directorate.pk,
                "name": "Parks",
                "complaints_officer": org.officers.head_of_service.pk,
                "is_active": "on",
            },
            {"name": "Parks", "complaints_officer": org.officers.head_of_service},
        ),
        "post": (
            {
                "title": "Parks Officer",
                "tier": Tier.OFFICER,
                "service": org.service.pk,
                "reports_to": org.posts.line_manager.pk,
                "politically_restricted": "on",
                "restriction_reason": "Gives advice to the Cabinet",
                "is_active": "on",
                **date_data("acting_until", None),
            },
            # The directorate is taken from the service.
            {
                "title": "Parks Officer",
                "directorate": org.directorate,
                "politically_restricted": True,
            },
        ),
        "officer": (
            {
                **person_data("new.officer", "Nia", "Jones"),
                "post": PostFactory(title="Vacant post").pk,
                "phone": "01632 960000",
                "employment_type": "employee",
                "is_active": "on",
            },
            {"user__username": "new.officer", "post__title": "Vacant post"},
        ),
        "statutoryrole": (
            {
                "kind": StatutoryRole.Kind.CHIEF_FINANCE_OFFICER,
                "officer": org.officers.director.pk,
                **date_data("since", datetime.date(2025, 4, 1)),
            },
            {"kind": "chief_finance_officer", "officer": org.officers.director},
        ),
        "ward": ({"name": "Hillside", "seats": 2}, {"name": "Hillside", "seats": 2}),
        "councillor": (
            {
                **person_data("new.councillor", "Rhys", "Morgan"),
                "ward": org.ward.pk,
                "group": org.group_b.pk,
                **date_data("term_start", datetime.date(2026, 5, 7)),
                **date_data("term_end", None),
                "co_opted_to": "",
            },
            {"user__username": "new.councillor", "group": org.group_b},
        ),
        "councillorrole": (
            {
                "councillor": org.councillors.councillor.pk,
                "kind": CouncillorRole.Kind.CABINET_MEMBER,
                "portfolio": "Housing",
                "committee": "",
                **date_data("starts_on", datetime.date(2026, 5, 20)),
                **date_data("ends_on", None),
            },
            {"portfolio": "Housing", "councillor": org.councillors.councillor},
        ),
        "politicalgroup": (
            {"name": "Independents", "short_name": "Ind", "is_active": "on"},
            {"name": "Independents"},
        ),
        "closureday": (
            {**date_data("date", datetime.date(2026, 12, 29)), "reason": "Christmas closure"},
            {"date": datetime.date(2026, 12, 29)},
        ),
        "officerinterest": (
            {
                "officer": org.officers.officer.pk,
                "kind": OfficerInterest.Kind.BUSINESS_INTEREST,
                "description": "Director of a bakery",
                **date_data("starts_on", datetime.date(2025, 1, 6)),
                **date_data("ends_on", None),
            },
            {"officer": org.officers.officer, "description": "Director of a bakery"},
        ),
        "trainingsession": (
            {
                "title": "Planning for members",
                "kind": TrainingSession.Kind.TRAINING,
                **date_data("held_on", datetime.date(2026, 7, 1)),
                "provider": "Planning Advisory Service",
            },
            {"title": "Planning for members"},
        ),
        "trainingattendance": (
            {
                "session": TrainingSessionFactory(title="Induction").pk,
                "councillor": org.councillors.councillor.pk,
                "attended": "on",
            },
            {"session__title": "Induction", "councillor": org.councillors.councillor},
        ),
    }[key]


def invalid(key, org):
    if key == "closureday":
        ClosureDayFactory(date=datetime.date(2026, 12, 24))
    data, _ = valid(key, org)
    if key == "trainingattendance":  # the same councillor at the same session again
        TrainingAttendanceFactory(session_id=data["session"], councillor_id=data["councillor"])
    return {
        "directorate": (
            {**data, "name": "Resources"},
            "There is already a directorate with this name",
        ),
        "service": ({**data, "name": "Waste and Recycling"}, "already has a service called"),
        "post": ({**data, "restriction_reason": ""}, "Say why the post is politically restricted"),
        "officer": ({**data, "username": "officer"}, "That username is already taken"),
        "statutoryrole": (
            {**data, "kind": StatutoryRole.Kind.MONITORING_OFFICER},
            "That role already has a holder",
        ),
        "ward": ({**data, "name": "Riverside"}, "There is already a ward with this name"),
        "councillor": ({**data, "ward": ""}, "Select the ward the councillor represents"),
        "councillorrole": ({**data, "portfolio": ""}, "Enter the portfolio"),
        "politicalgroup": ({**data, "name": "Group A"}, "There is already a group with this name"),
        "closureday": (
            {**data, **date_data("date", datetime.date(2026, 12, 24))},
            "There is already a closure day on that date",
        ),
        "officerinterest": (
            {**data, **date_data("ends_on", datetime.date(2024, 1, 1))},
            "The interest must end after it starts",
        ),
        "trainingsession": ({**data, "provider": ""}, "Enter the provider"),
        "trainingattendance": (data, "already recorded: open it and change it."),
    }[key]


def change(key, org):
    """(entry, field changes on top of its current form data, expected attributes after)."""
    return {
        "directorate": (
            org.resources,
            {"name": "Corporate Resources"},
            {"name": "Corporate Resources"},
        ),
        "service": (
            org.service,
            {
                "complaints_officer": org.officers.line_manager.pk,
                "lead_member": org.councillors.group_leader.pk,
            },
            {
                "complaints_officer": org.officers.line_manager,
                "lead_member": org.councillors.group_leader,
            },
        ),
        "post": (
            org.posts.officer,
            {"acting_holder": org.officers.head_of_service.pk, "tier": Tier.MANAGER},
            {"acting_holder": org.officers.head_of_service, "tier": Tier.MANAGER},
        ),
        "officer": (org.officers.officer, {"phone": "07700 900123"}, {"phone": "07700 900123"}),
        "statutoryrole": (
            org.officers.monitoring_officer.statutory_roles.get(),
            {"officer": org.officers.chief_executive.pk},
            {"officer": org.officers.chief_executive},
        ),
        "ward": (org.ward, {"seats": 4}, {"seats": 4}),
        "councillor": (
            org.councillors.councillor,
            {"co_opted": "on", "co_opted_to": "Standards Committee"},
            {"co_opted": True, "co_opted_to": "Standards Committee"},
        ),
        "councillorrole": (
            CouncillorRoleFactory(councillor=org.councillors.councillor),
            {"portfolio": "Adult Social Care"},
            {"portfolio": "Adult Social Care"},
        ),
        "politicalgroup": (
            org.group_a,
            {"leader": org.councillors.councillor.pk},
            {"leader": org.councillors.councillor},
        ),
        "closureday": (
            ClosureDayFactory(date=datetime.date(2026, 12, 24)),
            {"reason": "Christmas Eve"},
            {"reason": "Christmas Eve"},
        ),
        "officerinterest": (
            OfficerInterestFactory(officer=org.officers.officer),
            {"description": "Weekend lifeguard, ended", "kind": OfficerInterest.Kind.OTHER},
            {"description": "Weekend lifeguard, ended", "kind": OfficerInterest.Kind.OTHER},
        ),
        "trainingsession": (
            TrainingSessionFactory(),
            {"kind": TrainingSession.Kind.INDUCTION},
            {"kind": TrainingSession.Kind.INDUCTION},
        ),
        "trainingattendance": (
            TrainingAttendanceFactory(councillor=org.councillors.councillor),
            {"attended": ""},
            {"attended": False},
        ),
    }[key]


KEYS = [key for key, register in BY_KEY.items() if not register.read_only]


@pytest.mark.parametrize("key", KEYS)
def test_adding_an_entry(client_for, democratic_services, org, key):
    register = BY_KEY[key]
    data, lookup = valid(key, org)
    client = client_for(democratic_services)
    assert client.get(reverse(register.add_url_name)).status_code == 200
    response = client.post(reverse(register.add_url_name), data)
    entry = register.model.objects.get(**lookup)
    assert response.status_code == 302
    assert response["Location"] == reverse(register.detail_url_name, args=[entry.pk])
    event = AuditEvent.objects.get(object_id=str(entry.pk), action__endswith=".created")
    assert event.action == f"{entry._meta.app_label}.{key}.created"
    assert event.actor == democratic_services
    history = list(entry.history.all())
    assert [h.history_type for h in history] == ["+"]
    assert history[0].history_user == democratic_services
    page = client.get(response["Location"]).content.decode()
    assert "added" in page  # the success banner
    assert "Created" in page and "Daniel Brooks" in page


@pytest.mark.parametrize("key", KEYS)
def test_bad_input_shows_the_error_summary_and_saves_nothing(
    client_for, democratic_services, org, key
):
    register = BY_KEY[key]
    data, message = invalid(key, org)
    count, events = register.model.objects.count(), AuditEvent.objects.count()
    users = democratic_services.__class__.objects.count()
    response = client_for(democratic_services).post(reverse(register.add_url_name), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="govuk-error-summary"' in html
    assert "There is a problem" in html
    assert message in html
    assert 'class="govuk-error-message"' in html  # inline, beside the field
    assert "<title>Add" in html and " - Error - " in html
    assert register.model.objects.count() == count
    assert AuditEvent.objects.count() == events
    assert democratic_services.__class__.objects.count() == users


@pytest.mark.parametrize("key", KEYS)
def test_changing_an_entry(client_for, democratic_services, org, key):
    register = BY_KEY[key]
    entry, changes, expected = change(key, org)
    client = client_for(democratic_services)
    url = reverse(register.edit_url_name, args=[entry.pk])
    data = {**form_data(client.get(url)), **changes}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    entry.refresh_from_db()
    for name, value in expected.items():
        assert getattr(entry, name) == value
    event = AuditEvent.objects.get(
        object_id=str(entry.pk), action=f"{entry._meta.app_label}.{key}.changed"
    )
    assert set(event.after) == set(changes) - {"username"}
    assert entry.history.first().history_type == "~"
    assert entry.history.first().history_user == democratic_services


def test_saving_without_changes_records_no_event(client_for, democratic_services, org):
    client = client_for(democratic_services)
    url = reverse("manage:ward_edit", args=[org.ward.pk])
    client.post(url, form_data(client.get(url)))
    assert not AuditEvent.objects.filter(action="registers.ward.changed").exists()


# --- Rules of the registers -------------------------------------------------------------------


def _post_change(client, url, **changes):
    return client.post(url, {**form_data(client.get(url)), **changes})


def test_a_post_cannot_report_to_itself_or_in_a_cycle(client_for, democratic_services, org):
    client = client_for(democratic_services)
    url = reverse("manage:post_edit", args=[org.posts.director.pk])
    # An empty submission is refused, not half-saved.
    response = client.post(url, {})
    assert response.status_code == 200 and "There is a problem" in response.content.decode()
    # Itself is not even offered.
    response = _post_change(client, url, reports_to=org.posts.director.pk)
    assert "a post cannot report to itself" in response.content.decode()
    response = _post_change(client, url, reports_to=org.posts.line_manager.pk)
    assert (
        "That line manager&#x27;s post reports, in turn, to this post" in response.content.decode()
    )
    org.posts.director.refresh_from_db()
    assert org.posts.director.reports_to == org.posts.chief_executive


def test_a_posts_service_must_be_in_its_directorate(client_for, democratic_services, org):
    client = client_for(democratic_services)
    url = reverse("manage:post_edit", args=[org.posts.officer.pk])
    response = _post_change(client, url, directorate=org.resources.pk)
    assert "Select a service in the post&#x27;s directorate" in response.content.decode()
    assert Post.objects.get(pk=org.posts.officer.pk).directorate == org.directorate


def test_a_group_leader_must_be_one_of_its_members(client_for, democratic_services, org):
    client = client_for(democratic_services)
    url = reverse("manage:politicalgroup_edit", args=[org.group_a.pk])
    page = client.get(url).content.decode()
    assert "Cllr Chris Baker" in page and "Cllr Owen Price" not in page  # only members offered
    response = _post_change(client, url, leader=org.councillors.other_group_councillor.pk)
    assert "Select the group leader from the group&#x27;s members" in response.content.decode()
    assert PoliticalGroup.objects.get(pk=org.group_a.pk).leader == org.councillors.group_leader


def test_a_new_group_chooses_its_leader_once_it_has_members(client_for, democratic_services):
    page = client_for(democratic_services).get(reverse("manage:politicalgroup_add"))
    assert "leader" not in page.context["form"].fields


def test_a_group_leader_cannot_leave_their_group(client_for, democratic_services, org):
    client = client_for(democratic_services)
    url = reverse("manage:councillor_edit", args=[org.councillors.group_leader.pk])
    response = _post_change(client, url, group=org.group_b.pk)
    assert "This councillor leads Group A" in response.content.decode()


def test_there_is_one_current_leader_of_the_council(client_for, democratic_services, org):
    CouncillorRoleFactory(councillor=org.councillors.group_leader, kind=CouncillorRole.Kind.LEADER)
    data, _ = valid("councillorrole", org)
    data = {**data, "kind": CouncillorRole.Kind.LEADER, "portfolio": ""}
    client = client_for(democratic_services)
    response = client.post(reverse("manage:councillorrole_add"), data)
    assert response.status_code == 200
    assert "Cllr Grace Lambert is the current Leader of the Council." in response.content.decode()
    assert CouncillorRole.objects.filter(kind="leader").count() == 1
    # With an end date, the new Leader's role is a past one and may be recorded.
    data.update(date_data("ends_on", datetime.date(2026, 6, 1)))
    assert client.post(reverse("manage:councillorrole_add"), data).status_code == 302


def test_a_term_cannot_end_before_it_starts(client_for, democratic_services, org):
    data, _ = valid("councillor", org)
    data.update(date_data("term_end", datetime.date(2020, 1, 1)))
    response = client_for(democratic_services).post(reverse("manage:councillor_add"), data)
    assert "The term must end after it starts" in response.content.decode()


def test_a_date_must_be_a_real_date(client_for, democratic_services):
    data = {"date_0": "31", "date_1": "2", "date_2": "2027", "reason": "x"}
    response = client_for(democratic_services).post(reverse("manage:closureday_add"), data)
    assert "Date must be a real date" in response.content.decode()
    assert 'href="#id_date_0"' in response.content.decode()  # the summary links to the day box
    assert not ClosureDay.objects.exists()


def test_a_statutory_role_is_reassigned_not_duplicated(client_for, democratic_services, org):
    role = org.officers.monitoring_officer.statutory_roles.get()
    client = client_for(democratic_services)
    url = reverse("manage:statutoryrole_edit", args=[role.pk])
    _post_change(client, url, kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE)  # ignored: disabled
    role.refresh_from_db()
    assert role.kind == StatutoryRole.Kind.MONITORING_OFFICER
    assert StatutoryRole.objects.count() == 2


def test_deleting_a_closure_day(client_for, democratic_services):
    day = ClosureDayFactory(date=datetime.date(2026, 12, 24))
    client = client_for(democratic_services)
    url = reverse("manage:closureday_delete", args=[day.pk])
    assert "Are you sure you want to delete" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("manage:closureday_list")
    assert not ClosureDay.objects.exists()
    assert [key for key, register in BY_KEY.items() if register.deletable] == ["closureday"]
    event = AuditEvent.objects.get(action="protocol_site.closureday.deleted")
    assert event.before["reason"] == "Christmas closure" and event.after is None
    assert ClosureDay.history.filter(history_type="-", history_user=democratic_services).exists()
