"""The declaration pages: declaring by name search (no JavaScript), the lists, one declaration
for each reader, the home panel; who gets 403 or 404; and query counts that do not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from declarations.models import Declaration
from declarations.services import declaration_ask_for_information, declaration_review
from protocol_site.models import AuditEvent
from tests.clock import at
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import OfficerFactory

from .helpers import councillor_declares, declare, new_councillor, officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]

LIST = reverse("declarations:list")
FIND = reverse("declarations:find")


def detail(declaration):
    return reverse("declarations:detail", args=[declaration.pk])


def new(user):
    return reverse("declarations:new", args=[user.pk])


# --- Declaring --------------------------------------------------------------------------------


def test_an_officer_finds_a_councillor_by_name_and_chooses_them(client_for, officer, org):
    client = client_for(officer)
    html = client.get(FIND).content.decode()
    assert "Search for a councillor by name" in html and 'type="radio"' not in html
    html = client.get(FIND, {"q": "baker"}).content.decode()
    councillor = org.councillors.councillor
    assert f'value="{councillor.user_id}"' in html and "Cllr Chris Baker" in html
    assert "Riverside" in html  # the ward tells namesakes apart
    html = client.get(FIND, {"q": "a"}).content.decode()
    assert "Cllr Grace Lambert" in html
    assert "Maya Patel" not in html  # officers are not on an officer's other side
    response = client.get(FIND, {"q": "baker", "person": councillor.user_id})
    assert response["Location"] == new(councillor.user)


def test_choosing_nobody_shows_an_error(client_for, officer, org):
    html = client_for(officer).get(FIND, {"q": "baker", "person": ""}).content.decode()
    assert "There is a problem" in html
    assert "Select the person the relationship is with" in html


def test_no_matches_says_so(client_for, officer, org):
    html = client_for(officer).get(FIND, {"q": "zzzz"}).content.decode()
    assert "Nobody matches “zzzz”" in html


def test_a_councillor_searches_officers_at_a_large_councils_scale(
    client_for, councillor, org, django_assert_max_num_queries
):
    for n in range(30):
        user = UserFactory(username=f"smith{n}", first_name=f"Sam{n}", last_name="Smith")
        OfficerFactory(user=user)
    client = client_for(councillor)
    client.get(FIND)  # warm the session
    with django_assert_max_num_queries(5):  # 4, and the banner's 60-second cache
        html = client.get(FIND, {"q": "smith"}).content.decode()
    assert html.count('type="radio"') == 20
    assert "Only the first 20 matches are shown" in html
    html = client.get(FIND, {"q": "sam7 smith"}).content.decode()
    assert html.count('type="radio"') == 1


def test_the_declaration_is_made_from_the_second_page(client_for, officer, org, line_manager):
    client = client_for(officer)
    other = org.councillors.councillor.user
    assert "Your relationship with Chris Baker" in client.get(new(other)).content.decode()
    response = client.post(
        new(other),
        {
            "relationship": "close_friendship",
            "details": "We coach the same junior football team.",
            "starts_on_0": "1",
            "starts_on_1": "9",
            "starts_on_2": "2021",
        },
    )
    declaration = Declaration.objects.get()
    assert response["Location"] == detail(declaration)
    html = client.get(detail(declaration)).content.decode()
    assert f"Relationship declaration {declaration.reference} made." in html
    assert "Maya Patel has been told, as the officer&#x27;s manager." in html
    assert "We coach the same junior football team." in html


def test_the_second_page_shows_errors_and_saves_nothing(client_for, officer, org):
    html = client_for(officer).post(new(org.councillors.councillor.user), {}).content.decode()
    assert "There is a problem" in html
    assert "Select the kind of relationship" in html and "Enter the date it started" in html
    assert not Declaration.objects.exists()


def test_a_duplicate_is_shown_on_the_form(client_for, officer, org):
    first = officer_declares(org)
    html = (
        client_for(officer)
        .post(
            new(org.councillors.councillor.user),
            {
                "relationship": "business",
                "details": "Again.",
                "starts_on_0": "1",
                "starts_on_1": "1",
                "starts_on_2": "2020",
            },
        )
        .content.decode()
    )
    assert f"You have already declared a relationship with Chris Baker ({first.reference})" in html


@pytest.mark.parametrize("other", ["officer", "line_manager", "outsider"])
def test_the_second_page_is_404_for_anyone_not_on_the_other_side(client_for, request, other):
    officer = request.getfixturevalue("officer")
    response = client_for(officer).get(new(request.getfixturevalue(other)))
    assert response.status_code == 404


def test_declaring_needs_a_councillor_or_an_officer(client_for, outsider, councillor):
    client = client_for(outsider)
    assert client.get(FIND).status_code == 403
    assert client.get(new(councillor)).status_code == 403
    assert client.get(LIST).status_code == 403


# --- Lists ------------------------------------------------------------------------------------


def test_each_person_sees_their_own_lists(client_for, officer, councillor, line_manager, org):
    declaration = officer_declares(org)
    html = client_for(officer).get(LIST).content.decode()
    assert "Declarations you made" in html and declaration.reference in html
    html = client_for(councillor).get(LIST).content.decode()
    assert "Declarations naming you" in html and declaration.reference in html
    assert "We play in the same" not in html
    html = client_for(line_manager).get(LIST).content.decode()
    assert "Declarations you were told of as a manager" in html and declaration.reference in html
    html = client_for(org.officers.director.user).get(LIST).content.decode()
    assert declaration.reference not in html and "The whole register" not in html


def test_list_query_counts_do_not_grow(client_for, officer, org):
    client = client_for(officer)
    client.get(LIST)  # the first view fills the banner's cache

    def count(n):
        while Declaration.objects.filter(declarer=officer).count() < n:
            declare(officer, new_councillor(org, Declaration.objects.count()))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST).status_code == 200
        return len(ctx.captured_queries)

    assert count(2) == count(15)


# --- One declaration --------------------------------------------------------------------------


def _reviewed(org, monitoring_officer):
    declaration = officer_declares(org)
    return declaration_review(
        actor=monitoring_officer,
        declaration=declaration,
        advice="Advice: step back from the ward's casework.",
        action="Action: casework rerouted.",
    )


def test_the_declarer_and_the_mo_see_it_in_full(client_for, officer, monitoring_officer, org):
    declaration = _reviewed(org, monitoring_officer)
    for user in (officer, monitoring_officer):
        html = client_for(user).get(detail(declaration)).content.decode()
        assert "We play in the same five-a-side team" in html
        assert "Advice: step back" in html and "Action: casework rerouted." in html
        assert "Timeline" in html and "Maya Patel (line manager) told." in html


def test_the_manager_sees_the_details_but_not_the_advice(
    client_for, line_manager, monitoring_officer, org
):
    declaration = _reviewed(org, monitoring_officer)
    html = client_for(line_manager).get(detail(declaration)).content.decode()
    assert "We play in the same five-a-side team" in html
    assert "Advice: step back" not in html and "Action: casework" not in html


def test_the_other_party_sees_only_the_relationship_dates_and_status(
    client_for, councillor, monitoring_officer, org
):
    declaration = _reviewed(org, monitoring_officer)
    html = client_for(councillor).get(detail(declaration)).content.decode()
    assert "Close friendship" in html and "Reviewed" in html and "1 April 2019" in html
    assert "five-a-side" not in html and "Advice: step back" not in html
    assert "Change details" not in html and "Record advice" not in html


def test_the_mo_exchange_is_withheld_on_the_timeline(
    client_for, officer, line_manager, councillor, monitoring_officer, org
):
    declaration = declaration_ask_for_information(
        actor=monitoring_officer, declaration=officer_declares(org), question="Which ward?"
    )
    assert "Which ward?" in client_for(officer).get(detail(declaration)).content.decode()
    for user in (line_manager, councillor):
        html = client_for(user).get(detail(declaration)).content.decode()
        assert "Which ward?" not in html and "Text withheld" in html


@pytest.mark.parametrize("who", ["outsider", "other_group_councillor", "director"])
def test_the_detail_page_is_404_for_others(client_for, request, org, who):
    declaration = officer_declares(org)
    response = client_for(request.getfixturevalue(who)).get(detail(declaration))
    assert response.status_code == 404


def test_views_by_others_are_audited(client_for, officer, councillor, org):
    declaration = officer_declares(org)
    action = "declarations.declaration.viewed"
    client_for(officer).get(detail(declaration))
    assert not AuditEvent.objects.filter(action=action).exists()
    client_for(councillor).get(detail(declaration))
    assert AuditEvent.objects.get(action=action).actor == councillor


# --- The Monitoring Officer's queue -----------------------------------------------------------


def test_the_mo_has_a_queue(client_for, monitoring_officer, org, django_assert_max_num_queries):
    waiting = councillor_declares(org)
    client = client_for(monitoring_officer)
    html = client.get(reverse("declarations:queue")).content.decode()
    assert waiting.reference in html
    assert "Awaiting review" in client.get(LIST).content.decode()
    for n in range(10):
        declare(org.officers.officer.user, new_councillor(org, n))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("declarations:queue"))
    for n in range(10, 25):
        declare(org.officers.officer.user, new_councillor(org, n))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("declarations:queue"))


@pytest.mark.parametrize("who", ["officer", "councillor", "democratic_services"])
def test_the_queue_is_403_for_others(client_for, request, org, who):
    response = client_for(request.getfixturevalue(who)).get(reverse("declarations:queue"))
    assert response.status_code == 403


# --- The home panel ---------------------------------------------------------------------------


def test_the_home_panel_shows_what_is_due_and_what_awaits_review(
    client_for, officer, monitoring_officer, org, made_on_a_monday
):
    declaration = officer_declares(org)
    html = client_for(monitoring_officer).get(reverse("home")).content.decode()
    assert "Relationship declarations" in html and "1 awaiting your review" in html
    made_on_a_monday.move_to(at(2027, 10, 20, 9, 0))
    html = client_for(officer).get(reverse("home")).content.decode()
    assert "1 of your declarations is due to be re-confirmed" in html
    assert reverse("declarations:confirm", args=[declaration.pk]) in html


def test_the_home_page_has_no_panel_for_an_outsider(client_for, outsider):
    html = client_for(outsider).get(reverse("home")).content.decode()
    assert "Relationship declarations" not in html
