"""Officers and councillors are added with their sign-in accounts, in one step that either
wholly happens or does not happen at all (ORG-1, ORG-2, ORG-3)."""

import datetime

import pytest
from django.db import IntegrityError
from django.urls import reverse

from protocol_site.models import AuditEvent, User
from registers.models import Councillor, Officer
from tests.registers.factories import PostFactory
from tests.registers.forms_data import date_data

pytestmark = pytest.mark.django_db


def officer_data(**overrides):
    return {
        "username": "nia.jones",
        "first_name": "Nia",
        "last_name": "Jones",
        "email": "nia.jones@example.gov.uk",
        "post": "",
        "phone": "",
        "employment_type": "employee",
        "is_active": "on",
        **overrides,
    }


def councillor_data(org, **overrides):
    return {
        "username": "cllr.morgan",
        "first_name": "Rhys",
        "last_name": "Morgan",
        "email": "rhys.morgan@example.gov.uk",
        "ward": org.ward.pk,
        "group": org.group_a.pk,
        **date_data("term_start", datetime.date(2026, 5, 7)),
        **date_data("term_end", None),
        "co_opted_to": "",
        **overrides,
    }


def test_adding_an_officer_creates_their_account(client_for, democratic_services, org):
    post = PostFactory(title="Planning Officer")
    response = client_for(democratic_services).post(
        reverse("manage:officer_add"), officer_data(post=post.pk, phone="01632 960001")
    )
    officer = Officer.objects.get(user__username="nia.jones")
    assert response["Location"] == reverse("manage:officer_detail", args=[officer.pk])
    user = officer.user
    assert (user.first_name, user.last_name, user.email) == (
        "Nia",
        "Jones",
        "nia.jones@example.gov.uk",
    )
    assert user.is_active and not user.has_usable_password()
    assert officer.post == post and officer.phone == "01632 960001"
    event = AuditEvent.objects.get(action="registers.officer.created")
    assert event.after["user.username"] == "nia.jones"
    assert event.after["post"] == post.pk


def test_changing_an_officer_updates_their_account_too(client_for, democratic_services, org):
    officer = org.officers.officer
    client = client_for(democratic_services)
    url = reverse("manage:officer_edit", args=[officer.pk])
    page = client.get(url).content.decode()
    assert 'value="Oliver"' in page and 'value="officer"' in page  # the account's values
    response = client.post(
        url,
        officer_data(
            username="officer",
            first_name="Olly",
            last_name="Hughes",
            email="olly.hughes@example.gov.uk",
            post=org.posts.officer.pk,  # their own post is still offered
        ),
    )
    assert response.status_code == 302
    officer.user.refresh_from_db()
    assert officer.user.first_name == "Olly"
    assert officer.user.email == "olly.hughes@example.gov.uk"
    assert Officer.objects.get(pk=officer.pk).post == org.posts.officer
    event = AuditEvent.objects.get(action="registers.officer.changed")
    assert event.before == {"user.first_name": "Oliver", "user.email": "officer@example.gov.uk"}
    assert event.after == {"user.first_name": "Olly", "user.email": "olly.hughes@example.gov.uk"}


def test_an_officer_who_leaves_is_marked_inactive_and_cannot_sign_in(
    client_for, democratic_services, org
):
    officer = org.officers.officer
    data = officer_data(
        username="officer", first_name="Oliver", last_name="Hughes", email="officer@example.gov.uk"
    )
    del data["is_active"]
    client_for(democratic_services).post(reverse("manage:officer_edit", args=[officer.pk]), data)
    officer.refresh_from_db()
    officer.user.refresh_from_db()
    assert officer.is_active is False
    assert officer.user.is_active is False
    assert Officer.objects.filter(pk=officer.pk).exists()  # kept, not deleted


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"username": "OFFICER"}, "That username is already taken"),
        ({"username": "bad name!"}, "Username must only include letters, digits and @ . + - _"),
        ({"email": "officer@example.gov.uk"}, "Another person already has that email address"),
        (
            {"email": "not-an-email"},
            "Enter the email address in the correct format, like name@example.com",
        ),
        ({"first_name": ""}, "Enter the first name"),
    ],
)
def test_bad_account_details_are_refused(client_for, democratic_services, org, overrides, message):
    users = User.objects.count()
    response = client_for(democratic_services).post(
        reverse("manage:officer_add"), officer_data(**overrides)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'class="govuk-error-summary"' in response.content.decode()
    assert User.objects.count() == users


def test_a_post_held_by_someone_else_is_not_offered(client_for, democratic_services, org):
    response = client_for(democratic_services).post(
        reverse("manage:officer_add"), officer_data(post=org.posts.director.pk)
    )
    assert "Select the post" in response.content.decode()
    assert not User.objects.filter(username="nia.jones").exists()


def test_a_failing_officer_profile_leaves_no_account(
    client_for, democratic_services, org, monkeypatch
):
    def fail(self, *args, **kwargs):
        raise IntegrityError("the profile could not be saved")

    monkeypatch.setattr(Officer, "save", fail)
    response = client_for(democratic_services).post(reverse("manage:officer_add"), officer_data())
    assert response.status_code == 200
    assert "clashes with another change" in response.content.decode()
    assert not User.objects.filter(username="nia.jones").exists()
    assert not AuditEvent.objects.filter(action="registers.officer.created").exists()


def test_adding_a_councillor_creates_their_account(client_for, democratic_services, org):
    response = client_for(democratic_services).post(
        reverse("manage:councillor_add"), councillor_data(org)
    )
    councillor = Councillor.objects.get(user__username="cllr.morgan")
    assert response["Location"] == reverse("manage:councillor_detail", args=[councillor.pk])
    assert councillor.user.get_full_name() == "Rhys Morgan"
    assert councillor.ward == org.ward and councillor.group == org.group_a
    assert councillor.term_start == datetime.date(2026, 5, 7)
    assert AuditEvent.objects.filter(action="registers.councillor.created").count() == 1
    assert councillor.history.get().history_user == democratic_services


def test_a_co_opted_member_needs_no_ward_but_a_committee(client_for, democratic_services, org):
    client = client_for(democratic_services)
    data = councillor_data(org, ward="", co_opted="on")
    response = client.post(reverse("manage:councillor_add"), data)
    assert "Say which committee the member is co-opted to" in response.content.decode()
    assert not User.objects.filter(username="cllr.morgan").exists()
    data["co_opted_to"] = "Standards Committee"
    assert client.post(reverse("manage:councillor_add"), data).status_code == 302
    assert Councillor.objects.get(user__username="cllr.morgan").co_opted_to == "Standards Committee"


def test_a_failing_councillor_profile_leaves_no_account(
    client_for, democratic_services, org, monkeypatch
):
    def fail(self, *args, **kwargs):
        raise IntegrityError("the profile could not be saved")

    monkeypatch.setattr(Councillor, "save", fail)
    response = client_for(democratic_services).post(
        reverse("manage:councillor_add"), councillor_data(org)
    )
    assert response.status_code == 200
    assert not User.objects.filter(username="cllr.morgan").exists()


def test_changing_a_councillor_updates_their_account_too(client_for, democratic_services, org):
    councillor = org.councillors.councillor
    data = councillor_data(
        org,
        username="councillor",
        first_name="Christopher",
        last_name="Baker",
        email="councillor@example.gov.uk",
    )
    response = client_for(democratic_services).post(
        reverse("manage:councillor_edit", args=[councillor.pk]), data
    )
    assert response.status_code == 302
    councillor.user.refresh_from_db()
    assert councillor.user.first_name == "Christopher"
    assert User.objects.filter(username="councillor").count() == 1
