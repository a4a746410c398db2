"""The step pages on a declaration: each works for the person it is for, is 403 for the other
people who may read the declaration, and 404 for everyone else."""

import pytest
from django.urls import reverse

from declarations.models import Declaration, DeclarationStep
from declarations.services import declaration_ask_for_information
from tests.clock import at

from .helpers import officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]
Status = Declaration.Status


def url(name, declaration):
    return reverse(f"declarations:{name}", args=[declaration.pk])


def test_the_declarer_changes_the_details_and_end_date(client_for, officer, org):
    declaration = officer_declares(org)
    client = client_for(officer)
    html = client.get(url("change", declaration)).content.decode()
    assert "We play in the same five-a-side team" in html  # the form starts from what is there
    response = client.post(
        url("change", declaration),
        {
            "details": "We used to play football together.",
            "ends_on_0": "30",
            "ends_on_1": "10",
            "ends_on_2": "2026",
        },
    )
    assert response["Location"] == url("detail", declaration)
    declaration.refresh_from_db()
    assert declaration.details == "We used to play football together."
    assert declaration.history.count() == 2


def test_a_change_that_changes_nothing_is_shown_as_an_error(client_for, officer, org):
    declaration = officer_declares(org)
    html = (
        client_for(officer)
        .post(url("change", declaration), {"details": declaration.details})
        .content.decode()
    )
    assert "There is a problem" in html and "Nothing has changed" in html


def test_the_declarer_withdraws_it(client_for, officer, org):
    declaration = officer_declares(org)
    client = client_for(officer)
    assert client.get(url("withdraw", declaration)).status_code == 200
    client.post(url("withdraw", declaration), {"reason": "Made in error."})
    declaration.refresh_from_db()
    assert declaration.status == Status.WITHDRAWN
    html = client.get(url("detail", declaration)).content.decode()
    assert "Withdrawn" in html and "What you can do" not in html


def test_re_confirming_is_offered_only_when_due(client_for, officer, org, made_on_a_monday):
    declaration = officer_declares(org)
    client = client_for(officer)
    assert client.get(url("confirm", declaration)).status_code == 403
    made_on_a_monday.move_to(at(2027, 10, 25, 9, 0))
    client = client_for(officer)  # a new session: the first has long expired
    html = client.get(url("detail", declaration)).content.decode()
    assert "Please re-confirm this declaration by Tuesday 2 November 2027" in html
    response = client.post(url("confirm", declaration))
    assert response.status_code == 302
    html = client.get(url("detail", declaration)).content.decode()
    assert "It is next due to be re-confirmed by Wednesday 25 October 2028." in html


def test_the_mo_asks_and_the_declarer_answers(client_for, officer, monitoring_officer, org):
    declaration = officer_declares(org)
    mo = client_for(monitoring_officer)
    assert mo.get(url("ask", declaration)).status_code == 200
    mo.post(url("ask", declaration), {"question": "Do you work on the councillor's ward?"})
    declarer = client_for(officer)
    html = declarer.get(url("answer", declaration)).content.decode()
    assert "Do you work on the councillor&#x27;s ward?" in html
    declarer.post(url("answer", declaration), {"information": "Yes, two streets."})
    declaration.refresh_from_db()
    assert declaration.status == Status.SUBMITTED
    html = mo.get(url("review", declaration)).content.decode()
    assert "Questions and answers so far" in html and "Yes, two streets." in html


def test_the_mo_records_advice(client_for, monitoring_officer, org):
    declaration = officer_declares(org)
    client = client_for(monitoring_officer)
    html = client.post(url("review", declaration), {}).content.decode()
    assert "Record your advice" in html and "There is a problem" in html
    client.post(url("review", declaration), {"advice": "No action needed.", "action": ""})
    declaration.refresh_from_db()
    assert (declaration.status, declaration.mo_advice) == (Status.REVIEWED, "No action needed.")
    steps = declaration.steps.values_list("kind", flat=True)
    assert DeclarationStep.Kind.REVIEWED in steps


@pytest.mark.parametrize(
    ("step", "who"),
    [
        ("change", "councillor"),
        ("change", "line_manager"),
        ("change", "monitoring_officer"),
        ("withdraw", "councillor"),
        ("withdraw", "democratic_services"),
        ("confirm", "line_manager"),
        ("answer", "monitoring_officer"),
        ("answer", "officer"),  # nothing has been asked
        ("review", "officer"),
        ("review", "democratic_services"),
        ("ask", "councillor"),
        ("ask", "line_manager"),
    ],
)
def test_a_step_is_403_for_readers_it_is_not_for(client_for, request, org, step, who):
    declaration = officer_declares(org)
    client = client_for(request.getfixturevalue(who))
    assert client.get(url(step, declaration)).status_code == 403
    assert client.post(url(step, declaration), {"advice": "x", "details": "x"}).status_code == 403


@pytest.mark.parametrize("step", ["change", "withdraw", "confirm", "answer", "review", "ask"])
@pytest.mark.parametrize("who", ["outsider", "other_group_councillor", "director"])
def test_a_step_is_404_for_everyone_else(client_for, request, org, monitoring_officer, step, who):
    declaration = officer_declares(org)
    declaration_ask_for_information(actor=monitoring_officer, declaration=declaration, question="?")
    response = client_for(request.getfixturevalue(who)).get(url(step, declaration))
    assert response.status_code == 404


def test_democratic_services_correct_a_declaration_from_its_page(
    client_for, democratic_services, org
):
    declaration = officer_declares(org)
    client = client_for(democratic_services)
    assert url("change", declaration) in client.get(url("detail", declaration)).content.decode()
    data = {"details": "Corrected details.", "reason": ""}
    html = client.post(url("change", declaration), data).content.decode()
    assert "Say why you are correcting the declaration" in html
    data["reason"] = "A typing error, reported by the declarer."
    response = client.post(url("change", declaration), data)
    assert response["Location"] == url("detail", declaration)
    declaration.refresh_from_db()
    assert declaration.details == "Corrected details."
    html = client.get(url("detail", declaration)).content.decode()
    assert "Corrected by democratic services: A typing error, reported by the declarer." in html
