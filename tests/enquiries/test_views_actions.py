"""Each step on an enquiry through its page: state changes, the timeline shows it, bad input
saves nothing, and only the people the permissions allow may take it."""

import pytest
from django.urls import reverse
from django.utils import timezone

from enquiries.models import Enquiry, EnquiryEvent, ExtensionRequest, Status
from enquiries.services import enquiry_request_extension

from .factories import casework, date_fields, working_days_ahead

pytestmark = pytest.mark.django_db

Ev = EnquiryEvent.Kind


def url(name, enquiry, *args):
    return reverse(f"enquiries:{name}", args=[enquiry.pk, *args])


def fresh(enquiry) -> Enquiry:
    return Enquiry.objects.get(pk=enquiry.pk)


def kinds(enquiry):
    return list(enquiry.events.values_list("kind", flat=True))


@pytest.fixture
def enquiry(org):
    return casework(org)


def test_the_officer_acknowledges_it(client_for, officer, enquiry):
    client = client_for(officer)
    page = client.get(url("acknowledge", enquiry)).content.decode()
    assert "Acknowledge the enquiry" in page
    assert enquiry.details in page  # the officer sees what they are acknowledging
    response = client.post(url("acknowledge", enquiry))
    assert response["Location"] == url("detail", enquiry)
    assert fresh(enquiry).status == Status.ACKNOWLEDGED
    html = client.get(url("detail", enquiry)).content.decode()
    assert f"You acknowledged {enquiry.reference}" in html
    assert "Acknowledged by" in html


def test_acknowledging_twice_says_why_on_the_form(client_for, officer, enquiry):
    client = client_for(officer)
    client.post(url("acknowledge", enquiry))
    html = client.post(url("acknowledge", enquiry)).content.decode()
    assert "There is a problem" in html
    assert "already been acknowledged" in html
    assert kinds(enquiry).count(Ev.ACKNOWLEDGED) == 1


def test_a_holding_reply_moves_the_date_and_the_councillor_sees_it(
    client_for, officer, councillor, enquiry
):
    new_date = working_days_ahead(15)
    data = {
        "explanation": "We are waiting for the contractor's report.",
        **date_fields("expected_date", new_date),
    }
    response = client_for(officer).post(url("holding", enquiry), data)
    assert response.status_code == 302
    enquiry = fresh(enquiry)
    assert enquiry.status == Status.HOLDING
    assert enquiry.target_date == new_date
    html = client_for(councillor).get(url("detail", enquiry)).content.decode()
    assert "Holding reply sent" in html
    assert "We are waiting for the contractor&#x27;s report." in html
    assert "Now expected by" in html


GOOD_DATE = "__good__"


@pytest.mark.parametrize(
    ("data", "message", "anchor"),
    [
        ({"explanation": "", "date": GOOD_DATE}, "Explain what is happening", "#id_explanation"),
        ({"explanation": "x", "expected_date_0": "1"}, "must include a month and year", None),
        ({"explanation": "x"}, "Enter the date you expect", "#id_expected_date_0"),
        (
            {
                "explanation": "x",
                "expected_date_0": "31",
                "expected_date_1": "2",
                "expected_date_2": "2030",
            },
            "must be a real date",
            None,
        ),
    ],
)
def test_a_holding_reply_with_bad_input_changes_nothing(
    client_for, officer, enquiry, data, message, anchor
):
    data = dict(data)
    if data.pop("date", None) == GOOD_DATE:
        data.update(date_fields("expected_date", working_days_ahead(3)))
    response = client_for(officer).post(url("holding", enquiry), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert message in html
    if anchor:
        assert f'href="{anchor}"' in html
    assert fresh(enquiry).status == Status.LOGGED
    assert Ev.HOLDING_REPLY not in kinds(enquiry)


def test_a_holding_reply_date_in_the_past_comes_back_from_the_service(client_for, officer, enquiry):
    today = timezone.localdate()
    data = {"explanation": "Waiting.", **date_fields("expected_date", today)}
    html = client_for(officer).post(url("holding", enquiry), data).content.decode()
    assert "The date must be in the future" in html
    assert 'href="#id_expected_date_0"' in html
    assert fresh(enquiry).status == Status.LOGGED


def test_more_time_asked_for_then_agreed_by_the_director(
    client_for, officer, director, councillor, enquiry
):
    proposed = working_days_ahead(20)
    data = {"reason": "It needs a site survey.", **date_fields("proposed_date", proposed)}
    assert client_for(officer).post(url("extension", enquiry), data).status_code == 302
    request = ExtensionRequest.objects.get()
    director_client = client_for(director)
    html = director_client.get(url("detail", enquiry)).content.decode()
    assert url("extension_decide", enquiry, request.pk) in html
    page = director_client.get(url("extension_decide", enquiry, request.pk)).content.decode()
    assert "It needs a site survey." in page
    response = director_client.post(
        url("extension_decide", enquiry, request.pk), {"decision": "agree", "note": ""}
    )
    assert response.status_code == 302
    assert fresh(enquiry).target_date == proposed
    html = client_for(councillor).get(url("detail", enquiry)).content.decode()
    assert "More time agreed" in html
    assert "More time asked for" not in html  # the request itself is internal


def test_more_time_agreed_to_a_different_date(client_for, officer, director, enquiry):
    request = enquiry_request_extension(
        actor=officer, enquiry=enquiry, reason="Survey", proposed_date=working_days_ahead(20)
    )
    other = working_days_ahead(25)
    data = {"decision": "agree", **date_fields("agreed_date", other)}
    client_for(director).post(url("extension_decide", enquiry, request.pk), data)
    assert fresh(enquiry).target_date == other


def test_refusing_more_time_needs_a_note(client_for, officer, director, enquiry):
    request = enquiry_request_extension(
        actor=officer, enquiry=enquiry, reason="Survey", proposed_date=working_days_ahead(20)
    )
    client = client_for(director)
    decide = url("extension_decide", enquiry, request.pk)
    html = client.post(decide, {"decision": "refuse", "note": " "}).content.decode()
    assert "Say why more time is refused" in html
    assert ExtensionRequest.objects.get().outcome == ExtensionRequest.Outcome.PENDING
    client.post(decide, {"decision": "refuse", "note": "Answer with what you have."})
    assert ExtensionRequest.objects.get().outcome == ExtensionRequest.Outcome.REFUSED
    assert Ev.EXTENSION_REFUSED in kinds(enquiry)
    html = client.get(decide).content.decode()
    assert "Refused by" in html
    assert "Record decision" not in html  # decided: no form


@pytest.mark.parametrize("who", ["officer", "councillor", "democratic_services"])
def test_only_senior_management_decide_on_more_time(request, client_for, officer, enquiry, who):
    extension = enquiry_request_extension(
        actor=officer, enquiry=enquiry, reason="Survey", proposed_date=working_days_ahead(20)
    )
    client = client_for(request.getfixturevalue(who))
    decide = url("extension_decide", enquiry, extension.pk)
    assert client.get(decide).status_code == 403
    assert client.post(decide, {"decision": "agree"}).status_code == 403


def test_guidance_is_sought_from_the_director_or_the_chief_executive(
    client_for, officer, org, enquiry
):
    client = client_for(officer)
    client.post(url("guidance", enquiry), {"note": "This needs a costly data extract."})
    client.post(url("guidance", enquiry), {"note": "Escalating.", "refer_to_chief_executive": "on"})
    officers = list(
        enquiry.events.filter(kind=Ev.GUIDANCE_SOUGHT).values_list("officer", flat=True)
    )
    assert officers == [org.officers.director.pk, org.officers.chief_executive.pk]
    html = client.get(url("detail", enquiry)).content.decode()
    assert "Guidance sought" in html


def test_reassigning_moves_it_and_sends_an_officer_who_loses_sight_of_it_to_the_list(
    client_for, officer, line_manager, org, enquiry
):
    data = {"to": org.officers.line_manager.pk, "service": "", "note": "Needs the manager."}
    response = client_for(officer).post(url("reassign", enquiry), data)
    assert fresh(enquiry).assigned_to == org.officers.line_manager
    assert fresh(enquiry).due_date == enquiry.due_date  # the clock keeps running
    assert response["Location"] == reverse("enquiries:list")
    html = client_for(line_manager).get(url("detail", enquiry)).content.decode()
    assert "Reassigned" in html and "Needs the manager." in html


def test_reassigning_to_the_same_officer_is_an_error_on_the_field(
    client_for, officer, org, enquiry
):
    data = {"to": org.officers.officer.pk, "note": "Hmm."}
    html = client_for(officer).post(url("reassign", enquiry), data).content.decode()
    assert "It is already with this officer" in html
    assert 'href="#id_to"' in html


def test_the_response_closes_it_and_the_councillor_reads_it(
    client_for, officer, councillor, enquiry
):
    data = {"response": "Collections resume on Monday.", "minor": "on"}
    assert client_for(officer).post(url("respond", enquiry), data).status_code == 302
    enquiry = fresh(enquiry)
    assert enquiry.status == Status.RESPONDED
    assert Ev.ADVISED not in kinds(enquiry)  # minor: chair and lead member not advised
    html = client_for(councillor).get(url("detail", enquiry)).content.decode()
    assert "Collections resume on Monday." in html
    assert "only for the purpose for which it was provided" in html
    assert '<strong class="govuk-tag govuk-tag--green">Responded</strong>' in html


def test_a_response_that_is_not_minor_advises_the_chair_and_lead_member(
    client_for, officer, org, enquiry
):
    org.service.committee_chair = org.councillors.group_leader
    org.service.save(update_fields=["committee_chair"])
    client_for(officer).post(url("respond", enquiry), {"response": "The figures are attached."})
    assert Ev.ADVISED in kinds(enquiry)


def test_an_empty_response_changes_nothing(client_for, officer, enquiry):
    html = client_for(officer).post(url("respond", enquiry), {"response": ""}).content.decode()
    assert "Enter the response" in html
    assert fresh(enquiry).status == Status.LOGGED


def test_responding_to_a_closed_enquiry_is_refused_on_the_form(client_for, officer, enquiry):
    client = client_for(officer)
    client.post(url("respond", enquiry), {"response": "Done."})
    html = client.post(url("respond", enquiry), {"response": "Again."}).content.decode()
    assert "is closed (Responded)" in html
    assert kinds(enquiry).count(Ev.RESPONDED) == 1


def test_a_senior_officer_declines_it_with_reasons_and_points_to_foi(
    client_for, director, councillor, enquiry
):
    data = {
        "reason": Enquiry.DeclineReason.CURIOSITY,
        "explanation": "This is a roving commission.",
        "point_to_foi": "on",
    }
    assert client_for(director).post(url("decline", enquiry), data).status_code == 302
    assert fresh(enquiry).status == Status.DECLINED
    html = client_for(councillor).get(url("detail", enquiry)).content.decode()
    assert "Why it was declined" in html
    assert "Mere curiosity" in html
    assert "This is a roving commission." in html
    assert "Freedom of Information Act 2000" in html


def test_declining_without_a_reason_changes_nothing(client_for, director, enquiry):
    html = client_for(director).post(url("decline", enquiry), {"explanation": ""}).content.decode()
    assert "Select a reason" in html
    assert "Explain the reasons to the councillor" in html
    assert fresh(enquiry).status == Status.LOGGED


@pytest.mark.parametrize(
    "name", ["acknowledge", "holding", "extension", "guidance", "reassign", "respond", "decline"]
)
def test_the_councillor_and_democratic_services_may_not_act(
    client_for, councillor, democratic_services, enquiry, name
):
    for user in (councillor, democratic_services):
        client = client_for(user)
        assert client.get(url(name, enquiry)).status_code == 403
        assert client.post(url(name, enquiry), {"response": "x"}).status_code == 403
    assert fresh(enquiry).status == Status.LOGGED


def test_a_junior_officer_may_not_decline(client_for, officer, enquiry):
    assert client_for(officer).get(url("decline", enquiry)).status_code == 403


@pytest.mark.parametrize("name", ["holding", "extension", "guidance", "reassign", "respond"])
def test_each_action_page_renders_for_the_officer(client_for, officer, enquiry, name):
    response = client_for(officer).get(url(name, enquiry))
    assert response.status_code == 200
    assert 'id="main-form"' in response.content.decode()


def test_the_detail_page_does_not_grow_with_the_timeline(
    client_for, officer, director, enquiry, django_assert_max_num_queries
):
    client = client_for(director)
    client.get(url("detail", enquiry))
    with django_assert_max_num_queries(13) as before:  # as in test_views_detail
        client.get(url("detail", enquiry))
    queries = len(before)  # read it now: the next request resets the log
    for note in ("One.", "Two.", "Three.", "Four."):
        client_for(officer).post(url("guidance", enquiry), {"note": note})
    with django_assert_max_num_queries(queries):
        client.get(url("detail", enquiry))
