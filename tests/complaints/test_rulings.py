"""The Chief Executive's rulings on interpreting the protocol (004 §13.1): recorded by the Chief
Executive after consulting the Monitoring Officer, citing the council's own paragraph, read by
Group Leaders, the Monitoring Officer and democratic services."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from complaints.models import InterpretationRuling
from complaints.services import ruling_record
from protocol_site.models import AuditEvent, OutboxEmail
from registers.services import protocol_apply_preset

LIST = "/complaints/rulings/"


def record(actor, **kwargs):
    values = {
        "title": "Whether a briefing note may be shared with a group's council candidates",
        "ruling": "Only with members of the council: candidates are not members.",
        "rule": "briefing_members_only",
        "ruled_on": date(2026, 11, 2),
        "monitoring_officer_consulted": True,
    } | kwargs
    return ruling_record(actor=actor, **values)


@pytest.mark.django_db
def test_the_chief_executive_records_a_ruling_citing_the_councils_paragraph(
    org, chief_executive, democratic_services, group_leader, monitoring_officer
):
    protocol_apply_preset(actor=democratic_services, preset="unitary")
    audits = AuditEvent.objects.count()
    ruling = record(chief_executive)
    assert ruling.reference.startswith("RUL-")
    assert ruling.paragraph == "7.1(e)"
    assert ruling.interprets == (
        "Only council members attend group meetings officers brief (paragraph 7.1(e))"
    )
    assert AuditEvent.objects.count() == audits + 1
    told = OutboxEmail.objects.filter(kind="interpretation_ruling")
    assert sorted(told.values_list("recipient", flat=True)) == sorted(
        [group_leader.pk, monitoring_officer.pk]
    )


@pytest.mark.django_db
def test_without_a_paragraph_set_it_names_the_rule_only(org, chief_executive):
    ruling = record(chief_executive)
    assert ruling.paragraph == ""
    assert "paragraph" not in ruling.interprets


@pytest.mark.django_db
def test_only_the_chief_executive_rules(org, monitoring_officer, group_leader):
    for user in (monitoring_officer, group_leader):
        with pytest.raises(PermissionDenied):
            record(user)


@pytest.mark.django_db
def test_a_ruling_needs_the_monitoring_officer_consulted(org, chief_executive):
    with pytest.raises(ValidationError) as refused:
        record(chief_executive, monitoring_officer_consulted=False, title=" ")
    assert set(refused.value.message_dict) == {"monitoring_officer_consulted", "title"}
    assert not InterpretationRuling.objects.exists()


@pytest.mark.parametrize(
    "who, status",
    [
        ("group_leader", 200),
        ("monitoring_officer", 200),
        ("democratic_services", 200),
        ("chief_executive", 200),
        ("councillor", 403),
        ("officer", 403),
        ("director", 403),
    ],
)
@pytest.mark.django_db
def test_who_reads_the_rulings(request, client_for, org, chief_executive, who, status):
    ruling = record(chief_executive)
    client = client_for(request.getfixturevalue(who))
    assert client.get(LIST).status_code == status
    assert client.get(f"{LIST}{ruling.pk}/").status_code == status
    assert client.get("/api/v1/rulings/").status_code == status


@pytest.mark.django_db
def test_the_list_costs_the_same_however_many(
    client_for, org, chief_executive, group_leader, django_assert_max_num_queries
):
    client = client_for(group_leader)
    record(chief_executive)
    client.get(LIST)
    with django_assert_max_num_queries(8) as few:
        client.get(LIST)
    for n in range(5):
        record(chief_executive, title=f"Ruling {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(LIST).content.decode()
    assert "Ruling 4" in html


@pytest.mark.django_db
def test_the_chief_executive_records_one_on_the_page(client_for, org, chief_executive):
    client = client_for(chief_executive)
    assert client.get(f"{LIST}new/").status_code == 200
    refused = client.post(f"{LIST}new/", {"title": "A ruling"}).content.decode()
    assert "govuk-error-summary" in refused
    assert "Confirm you consulted the Monitoring Officer before ruling" in refused
    assert "Select the part of the protocol the ruling interprets" in refused
    done = client.post(
        f"{LIST}new/",
        {
            "title": "A ruling",
            "rule": "briefing_members_only",
            "ruling": "Read it so.",
            "ruled_on_0": "2",
            "ruled_on_1": "11",
            "ruled_on_2": "2026",
            "monitoring_officer_consulted": "on",
        },
    )
    assert done.status_code == 302
    ruling = InterpretationRuling.objects.get()
    assert done["Location"] == f"{LIST}{ruling.pk}/"
    page = client.get(done["Location"]).content.decode()
    assert "Read it so." in page


@pytest.mark.django_db
def test_the_api_lists_rulings(client_for, org, chief_executive, group_leader):
    record(chief_executive)
    rows = client_for(group_leader).get("/api/v1/rulings/").json()
    rows = rows.get("results", rows)
    assert rows[0]["rule"] == "briefing_members_only"
