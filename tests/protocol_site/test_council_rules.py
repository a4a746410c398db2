"""The council's rules: kept in the product by democratic services, first values from the
environment, read through one accessor that costs a page no query once cached."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protocol_site.council_rules import SPECS, council_rules, rule
from protocol_site.models import AuditEvent, CouncilProtocol
from protocol_site.request_memo import _memo
from registers.services import council_rules_save, protocol_save

pytestmark = pytest.mark.django_db


def test_with_no_row_the_environment_gives_every_rule(settings):
    settings.ENQUIRY_WORKING_DAYS = 7
    assert rule("ENQUIRY_WORKING_DAYS") == 7
    assert set(council_rules()) == {spec.name for spec in SPECS}


def test_a_rule_that_is_not_the_councils_is_a_programming_error():
    with pytest.raises(KeyError):
        rule("ENQUIRY_ATTACHMENT_MAX_MB")


def test_the_row_is_seeded_with_the_first_values_and_then_the_environment_no_longer_counts(
    settings, council_rule
):
    settings.ENQUIRY_URGENT_WORKING_DAYS = 3
    council_rule("ENQUIRY_WORKING_DAYS", 15)
    protocol = CouncilProtocol.objects.get()
    assert protocol.enquiry_working_days == 15
    assert protocol.enquiry_urgent_working_days == 3  # seeded from the environment
    settings.ENQUIRY_URGENT_WORKING_DAYS = 4
    settings.ENQUIRY_WORKING_DAYS = 9
    assert rule("ENQUIRY_URGENT_WORKING_DAYS") == 3
    assert rule("ENQUIRY_WORKING_DAYS") == 15


def test_a_change_is_read_at_once_and_a_page_reads_the_cached_rules_without_a_query(
    council_rule,
):
    council_rule("VISIT_NOTICE_WORKING_DAYS", 4)
    assert rule("VISIT_NOTICE_WORKING_DAYS") == 4  # fills the cache
    token = _memo.set({})
    try:
        with CaptureQueriesContext(connection) as queries:
            for _ in range(3):
                assert council_rules()["VISIT_NOTICE_WORKING_DAYS"] == 4
    finally:
        _memo.reset(token)
    assert len(queries) == 0
    council_rule("VISIT_NOTICE_WORKING_DAYS", 6)
    assert rule("VISIT_NOTICE_WORKING_DAYS") == 6


def test_a_protocol_row_made_another_way_is_read_too(democratic_services):
    assert rule("GROUP_BRIEFING_EQUAL_ACCESS") is True
    protocol_save(
        actor=democratic_services,
        details={"group_briefing_equal_access": False},
        paragraphs={},
    )
    assert rule("GROUP_BRIEFING_EQUAL_ACCESS") is False


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("ENQUIRY_WORKING_DAYS", 0, "Enter a number between 1 and 60"),
        ("ENQUIRY_WORKING_DAYS", "ten", "Enter a whole number, like 10"),
        ("ENQUIRY_ADVISE_CHAIR_AND_LEAD_MEMBER", "yes", "Select yes or no"),
        ("DECLARATION_NOTIFY_RUNG", "chief_executive", "Select one of the options"),
        ("ENQUIRY_ESCALATION_LADDER", [], "Give the days for at least one person"),
        ("ENQUIRY_ESCALATION_LADDER", ["leader:1"], "Choose people from the list, each once"),
        ("ENQUIRY_ESCALATION_LADDER", ["director:99"], "Days must be between 0 and 60"),
        ("COMPLAINT_ESCALATION_LADDER", [], "Choose at least one person"),
        ("COMPLAINT_ABOUT_MEMBER_REPORTED_TO", ["leader"], "Choose people from the list"),
    ],
)
def test_a_bad_value_names_its_rule_and_nothing_is_saved(democratic_services, name, value, message):
    with pytest.raises(ValidationError) as error:
        council_rules_save(
            actor=democratic_services, values={"VISIT_NOTICE_WORKING_DAYS": 5, name: value}
        )
    field = name.lower()
    assert message in error.value.message_dict[field][0]
    assert not CouncilProtocol.objects.exists()


def test_only_democratic_services_change_the_rules(councillor, monitoring_officer):
    for user in (councillor, monitoring_officer):
        with pytest.raises(PermissionDenied):
            council_rules_save(actor=user, values={"ENQUIRY_WORKING_DAYS": 5})


def test_a_change_is_audited_and_kept_in_the_history(democratic_services):
    council_rules_save(actor=democratic_services, values={"ENQUIRY_WORKING_DAYS": 12})
    council_rules_save(
        actor=democratic_services,
        values={"ENQUIRY_WORKING_DAYS": 8, "COMPLAINT_ESCALATION_LADDER": ["director"]},
    )
    event = AuditEvent.objects.filter(action="protocol.rules_changed").last()
    assert event.before == {
        "enquiry_working_days": 12,
        "complaint_escalation_ladder": [
            "line_manager",
            "assistant_director",
            "director",
            "monitoring_officer",
        ],
    }
    assert event.after == {"enquiry_working_days": 8, "complaint_escalation_ladder": ["director"]}
    protocol = CouncilProtocol.objects.get()
    assert [h.enquiry_working_days for h in protocol.history.order_by("history_id")] == [12, 8]
    assert protocol.history.first().history_user == democratic_services
    council_rules_save(actor=democratic_services, values={"ENQUIRY_WORKING_DAYS": 8})
    assert AuditEvent.objects.filter(action="protocol.rules_changed").count() == 2  # no change


def test_the_api_lists_every_rule_as_it_stands(api, councillor, council_rule):
    council_rule("ENQUIRY_WORKING_DAYS", 12)
    response = api(councillor).get("/api/v1/council-rules/")
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.json()}
    assert set(rows) == {spec.name for spec in SPECS}
    assert rows["ENQUIRY_WORKING_DAYS"]["value"] == 12
    assert rows["ENQUIRY_WORKING_DAYS"]["question"].startswith("Working days an officer has")
    assert rows["GROUP_BRIEFING_EQUAL_ACCESS"]["value"] is True
