"""Sign-in, sign-out and the home page for each role (ORG-3)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PEOPLE_AND_ROLES = [
    ("councillor", ["Councillor"], ["Your council record", "Ward colleagues"]),
    ("group_leader", ["Councillor", "Group Leader"], ["Leader of the"]),
    ("officer", ["Officer"], ["Your post", "Who a matter about your work goes to"]),
    ("line_manager", ["Officer", "Line manager"], ["Posts reporting to you"]),
    ("assistant_director", ["Assistant Director"], ["Posts reporting to you"]),
    ("director", ["Director"], [": services", "Complaints officer"]),
    ("chief_executive", ["Chief Executive"], ["Your post"]),
    ("monitoring_officer", ["Monitoring Officer"], ["Statutory roles"]),
    ("democratic_services", ["Democratic services"], ["Administer directorates"]),
]


@pytest.mark.parametrize(("who", "labels", "sections"), PEOPLE_AND_ROLES)
def test_each_role_lands_on_its_home_page(request, client_for, who, labels, sections):
    user = request.getfixturevalue(who)
    response = client_for(user).get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Test Borough Council" in html
    assert user.get_full_name() in html
    for label in labels:
        assert label in html
    for section in sections:
        assert section in html
    assert 'action="/sign-out/"' in html


def test_an_officers_ladder_is_shown_in_order(client_for, officer, org):
    html = client_for(officer).get(reverse("home")).content.decode()
    people = [
        org.officers.line_manager,
        org.officers.assistant_director,
        org.officers.director,
        org.officers.monitoring_officer,
    ]
    positions = [html.index(str(person)) for person in people]
    assert positions == sorted(positions)


def test_a_person_without_a_council_record_is_told_so(client_for, outsider):
    html = client_for(outsider).get(reverse("home")).content.decode()
    assert "not yet linked to a councillor or an officer record" in html


def test_the_home_page_keeps_its_query_count(client_for, director, django_assert_max_num_queries):
    client = client_for(director)
    # A Director's home carries every app's panel (enquiries, complaints, declarations, ward
    # notices, briefings, visits, the directorate's live figures): their counts come from one
    # query, and each list from one more. A first view also saves the session and reads the
    # election banner; tests/test_query_budgets.py holds every role's later views to 15.
    with django_assert_max_num_queries(16):
        client.get(reverse("home"))


def test_sign_in_with_good_and_bad_passwords(client, officer):
    page = client.get(reverse("login"))
    assert page.status_code == 200
    assert b'autocomplete="current-password"' in page.content

    bad = client.post(reverse("login"), {"username": officer.username, "password": "wrong"})
    assert bad.status_code == 200
    assert b"There is a problem" in bad.content
    assert b"govuk-error-summary" in bad.content

    good = client.post(reverse("login"), {"username": officer.username, "password": "password"})
    assert good.status_code == 302
    assert good["Location"] == reverse("home")

    again = client.get(reverse("login"))
    assert again.status_code == 302  # already signed in

    out = client.post(reverse("logout"))
    assert out.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_the_organisation_pages_are_for_democratic_services(
    client_for, officer, democratic_services
):
    assert client_for(officer).get(reverse("manage:index")).status_code == 403
    assert client_for(democratic_services).get(reverse("manage:index")).status_code == 200


@pytest.mark.parametrize(
    ("name", "shown"),
    [("Labour Group", "Leader of the Labour Group ("), ("Green", "Leader of the Green group (")],
)
def test_a_group_named_group_is_not_called_a_group_group(
    client_for, group_leader, org, name, shown
):
    group = org.councillors.group_leader.leads_group
    group.name = name
    group.save(update_fields=["name"])
    html = client_for(group_leader).get(reverse("home")).content.decode()
    assert shown in html
    assert "Group group" not in html
