"""/organisation/rules/: democratic services keep the council's rules on a GOV.UK form, each
error naming its rule, with the history of every change."""

import pytest
from django.urls import reverse

from protocol_site.council_rules import council_rules, rule
from protocol_site.models import AuditEvent
from registers.manage.rules import CouncilRulesForm

pytestmark = pytest.mark.django_db


def posted(**changes) -> dict:
    """The form as it starts, posted with `changes` (field name -> value; None leaves it out)."""
    form = CouncilRulesForm(initial=CouncilRulesForm.initial_for(council_rules()))
    data = {}
    for name, field in form.fields.items():
        value = changes.get(name, form.initial.get(name, field.initial))
        if value is None:
            continue
        data[f"rules-{name}"] = value
    return data


def test_only_democratic_services_see_the_rules(client_for, councillor, monitoring_officer):
    for user in (councillor, monitoring_officer):
        assert client_for(user).get(reverse("manage:rules")).status_code == 403


def test_democratic_services_change_a_rule_and_see_the_change_in_the_history(
    client_for, democratic_services
):
    client = client_for(democratic_services)
    assert reverse("manage:rules") in client.get(reverse("manage:index")).content.decode()
    page = client.get(reverse("manage:rules")).content.decode()
    assert "Working days an officer has to respond to an enquiry" in page
    assert "No changes recorded." in page
    data = posted(
        enquiry_working_days="12",
        enquiry_escalation_ladder__assistant_director=None,
        enquiry_escalation_ladder__director="4",
        complaint_about_member_reported_to=["chief_executive"],
    )
    response = client.post(reverse("manage:rules"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert rule("ENQUIRY_WORKING_DAYS") == 12
    assert rule("ENQUIRY_ESCALATION_LADDER") == [
        "line_manager:0",
        "director:4",
        "monitoring_officer:5",
    ]
    assert rule("COMPLAINT_ABOUT_MEMBER_REPORTED_TO") == ["chief_executive"]
    assert AuditEvent.objects.filter(action="protocol.rules_changed").count() == 1
    response = client.post(reverse("manage:rules"), posted(enquiry_working_days="11"))
    page = client.get(reverse("manage:rules")).content.decode()
    assert 'value="11"' in page
    assert "Working days to respond to an enquiry: 12" in page  # 12 → 11
    assert "Set up, from the first values" in page  # 10 → 12, and the ladder
    assert "Director after 4" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"enquiry_working_days": "0"}, "Working days an officer has to respond to an enquiry"),
        ({"enquiry_working_days": ""}, "Enter the working days"),
        (
            {
                f"enquiry_escalation_ladder__{rung}": None
                for rung in (
                    "line_manager",
                    "assistant_director",
                    "director",
                    "chief_executive",
                    "monitoring_officer",
                )
            },
            "Give the days for at least one person an enquiry goes to",
        ),
        (
            {"enquiry_escalation_ladder__director": "x"},
            "The working days for the Director must be a whole number",
        ),
        ({"group_briefing_equal_access": None}, "Select whether advice to one group"),
        ({"complaint_escalation_ladder": None}, "Select who a complaint about an officer goes to"),
    ],
)
def test_a_wrong_answer_names_its_rule_and_nothing_is_saved(
    client_for, democratic_services, changes, message
):
    response = client_for(democratic_services).post(reverse("manage:rules"), posted(**changes))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AuditEvent.objects.filter(action="protocol.rules_changed").exists()
