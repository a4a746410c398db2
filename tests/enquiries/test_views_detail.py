"""One enquiry's page: who sees it (404 outside scope), what they see, what they can do."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from enquiries.models import Enquiry

from .factories import casework

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def detail(enquiry):
    return reverse("enquiries:detail", args=[enquiry.pk])


@pytest.fixture
def enquiry(org):
    return casework(org)


def test_the_councillor_sees_their_enquiry_and_every_step_and_only_their_own_actions(
    client_for, councillor, enquiry, org
):
    response = client_for(councillor).get(detail(enquiry))
    html = response.content.decode()
    assert response.status_code == 200
    assert enquiry.reference in html
    assert '<strong class="govuk-tag govuk-tag--blue">Logged</strong>' in html
    assert enquiry.routing_reason in html
    assert "How the date was worked out" in html
    assert enquiry.details in html
    assert '<h3 class="govuk-heading-s govuk-!-margin-bottom-1">Routed</h3>' in html
    assert reverse("enquiries:message", args=[enquiry.pk]) in html  # the conversation
    for officers_only in ("respond", "acknowledge", "note", "ask"):
        assert reverse(f"enquiries:{officers_only}", args=[enquiry.pk]) not in html


@pytest.mark.parametrize(
    "who", ["other_group_councillor", "group_leader", "monitoring_officer", "outsider"]
)
def test_people_outside_its_scope_get_404_everywhere(request, client_for, who, enquiry):
    client = client_for(request.getfixturevalue(who))
    for name in ("detail", "attachment", "respond", "acknowledge", "holding", "decline"):
        assert client.get(reverse(f"enquiries:{name}", args=[enquiry.pk])).status_code == 404
    assert client.post(reverse("enquiries:respond", args=[enquiry.pk])).status_code == 404


def test_a_missing_enquiry_is_404(client_for, chief_executive, org):
    assert client_for(chief_executive).get("/enquiries/99999/").status_code == 404


@pytest.mark.parametrize(
    ("who", "buttons"),
    [
        ("officer", ["Acknowledge", "Respond", "Send a holding reply", "Reassign"]),
        ("line_manager", ["Respond", "Ask for more time", "Seek guidance"]),
        ("assistant_director", ["Respond", "Decline"]),
        ("director", ["Respond", "Decline"]),
        ("chief_executive", ["Respond", "Decline"]),
    ],
)
def test_officers_in_the_chain_see_the_details_and_the_actions_they_may_take(
    request, client_for, who, buttons, enquiry
):
    html = client_for(request.getfixturevalue(who)).get(detail(enquiry)).content.decode()
    assert enquiry.details in html
    assert "What you can do" in html
    for button in buttons:
        assert f'data-module="govuk-button">{button}</a>' in html


def test_the_assigned_officer_cannot_decline(client_for, officer, enquiry):
    html = client_for(officer).get(detail(enquiry)).content.decode()
    assert reverse("enquiries:decline", args=[enquiry.pk]) not in html


def test_democratic_services_see_the_enquiry_but_not_the_casework(
    client_for, democratic_services, org
):
    upload = SimpleUploadedFile("letter.pdf", PDF)
    enquiry = casework(org, attachment=upload)
    client = client_for(democratic_services)
    html = client.get(detail(enquiry)).content.decode()
    assert enquiry.reference in html
    assert enquiry.subject in html
    assert enquiry.details not in html
    assert "Withheld: this is confidential constituent casework." in html
    assert reverse("enquiries:attachment", args=[enquiry.pk]) not in html
    assert client.get(reverse("enquiries:attachment", args=[enquiry.pk])).status_code == 404
    assert "What you can do" not in html


def test_democratic_services_read_a_general_enquiry_in_full(client_for, democratic_services, org):
    enquiry = casework(org, kind=Enquiry.Kind.GENERAL, details="What is the recycling rate?")
    html = client_for(democratic_services).get(detail(enquiry)).content.decode()
    assert "What is the recycling rate?" in html


def test_the_officer_can_download_the_attachment_and_the_director_too(
    client_for, officer, director, org
):
    enquiry = casework(org, attachment=SimpleUploadedFile("plan.pdf", PDF))
    for user in (officer, director):
        response = client_for(user).get(reverse("enquiries:attachment", args=[enquiry.pk]))
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF


def test_no_attachment_is_404(client_for, councillor, enquiry):
    response = client_for(councillor).get(reverse("enquiries:attachment", args=[enquiry.pk]))
    assert response.status_code == 404


def test_the_detail_page_keeps_its_query_count(
    client_for, director, enquiry, django_assert_max_num_queries
):
    client = client_for(director)
    client.get(detail(enquiry))
    # 11 (the files the viewer may download among them), the audit trail's lock on PostgreSQL,
    # and the banner when its 60-second cache ends.
    with django_assert_max_num_queries(13):
        assert client.get(detail(enquiry)).status_code == 200


def test_the_navigation_shows_enquiries_to_those_who_use_them(
    client_for, councillor, officer, outsider
):
    for user in (councillor, officer):
        html = client_for(user).get(reverse("enquiries:list")).content.decode()
        assert 'aria-current="page">Enquiries</a>' in html
    html = client_for(outsider).get(reverse("home")).content.decode()
    assert reverse("enquiries:list") not in html


@pytest.mark.parametrize("who", ["councillor", "officer", "director"])
def test_why_it_went_there_reads_right_to_each_reader(request, client_for, who, enquiry):
    """The officer approached does not read "You approached Oliver Hughes" about himself."""
    html = client_for(request.getfixturevalue(who)).get(detail(enquiry)).content.decode()
    assert "Cllr Chris Baker approached Oliver Hughes directly about casework" in html
    assert "You approached" not in html


def test_a_reason_typed_with_its_own_full_stop_ends_with_one(client_for, officer, enquiry):
    from enquiries.services import enquiry_request_extension
    from tests.enquiries.factories import working_days_ahead

    enquiry_request_extension(
        enquiry=enquiry,
        actor=officer,
        proposed_date=working_days_ahead(15),
        reason="The answer needs records from several teams.",
    )
    html = client_for(officer).get(detail(enquiry)).content.decode()
    assert "several teams.." not in html
    assert "several teams. This is awaiting a decision" in html


def test_the_chair_and_lead_member_advised_open_the_copy_of_the_response(
    client_for, org, councillor, officer, group_leader, other_group_councillor, director
):
    from enquiries.services import enquiry_respond
    from protocol_site.models import OutboxEmail

    org.service.lead_member = org.councillors.group_leader
    org.service.committee_chair = org.councillors.other_group_councillor
    org.service.save()
    enquiry = casework(org)
    copy = reverse("enquiries:copy", args=[enquiry.pk])
    assert client_for(group_leader).get(copy).status_code == 404  # not yet answered
    enquiry_respond(actor=officer, enquiry=enquiry, response="Crews were retrained in May.")
    email = OutboxEmail.objects.get(to_address=group_leader.email, subject__contains="given")
    assert copy in email.body_text
    for member in (group_leader, other_group_councillor):
        html = client_for(member).get(copy).content.decode()
        assert "Crews were retrained in May." in html
        assert enquiry.details not in html  # the response only, not the councillor's words
        assert client_for(member).get(detail(enquiry)).status_code == 404
    for other in (councillor, officer, director):
        assert client_for(other).get(copy).status_code == 404
