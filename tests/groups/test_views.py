"""The briefing pages: asking, the Chief Executive's decision, the note, attendance, sharing,
offers, the log; who gets 404 or 403; and list query counts that do not grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from groups.models import BriefingOffer, BriefingRequest, Status

from .helpers import FACTS, MEETING, ask, attended, cleared, issued

pytestmark = pytest.mark.django_db

LIST = reverse("groups:list")
NEW = reverse("groups:new")
LOG = reverse("groups:equal_access")


def url(name, obj):
    return reverse(f"groups:{name}", args=[obj.pk])


def date_parts(prefix, day):
    return {f"{prefix}_0": day.day, f"{prefix}_1": day.month, f"{prefix}_2": day.year}


def test_a_group_leader_asks_for_a_briefing(client_for, group_leader, org):
    client = client_for(group_leader)
    page = client.get(NEW).content.decode()
    assert "Ask for a briefing" in page and "no recommendation" in page
    response = client.post(
        NEW,
        {
            "kind": "attendance",
            "addressed_to": org.officers.chief_executive.pk,
            "subject": "Household waste collections",
            "topic": "Waste strategy",
            **date_parts("meeting_date", MEETING),
            "non_council_attendees": "on",
            "non_council_names": "Jane Doe MP",
        },
    )
    briefing = BriefingRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == url("detail", briefing)
    assert briefing.non_council_attendees and briefing.kind == "attendance"


def test_the_request_form_shows_its_errors(client_for, group_leader):
    page = client_for(group_leader).post(NEW, {}).content.decode()
    assert "There is a problem" in page
    assert "Enter the date of the group meeting" in page
    assert "Select the Chief Executive or a Director" in page


def test_a_lead_member_gets_the_confidential_form(client_for, councillor, org):
    from registers.models import CouncillorRole
    from tests.registers.factories import CouncillorRoleFactory

    CouncillorRoleFactory(
        councillor=org.councillors.councillor, kind=CouncillorRole.Kind.CABINET_MEMBER
    )
    client = client_for(councillor)
    page = client.get(NEW).content.decode()
    assert "Ask for a confidential briefing" in page and 'name="kind"' not in page
    client.post(
        NEW,
        {
            "addressed_to": org.officers.director.pk,
            "subject": "Budget pressures",
            "topic": "Budget",
            **date_parts("meeting_date", MEETING),
        },
    )
    assert BriefingRequest.objects.get().confidential


@pytest.mark.parametrize(
    "who", ["councillor", "officer", "chief_executive", "democratic_services", "outsider"]
)
def test_only_those_who_may_ask_reach_the_form(client_for, request, who):
    assert client_for(request.getfixturevalue(who)).get(NEW).status_code == 403


def test_the_chief_executive_clears_with_a_written_exception(
    client_for, chief_executive, group_b_leader, org
):
    briefing = ask(
        org,
        kind=BriefingRequest.Kind.ATTENDANCE,
        non_council_attendees=True,
        non_council_names="Jane Doe MP",
    )
    client = client_for(chief_executive)
    page = client.get(url("decide", briefing)).content.decode()
    assert "Jane Doe MP" in page and "copied to every Group Leader" in page
    page = client.post(url("decide", briefing), {"decision": "clear"}).content.decode()
    assert "There is a problem" in page and "write the exception" in page
    response = client.post(
        url("decide", briefing),
        {"decision": "clear", "exception_text": "Factual item on the waste strategy only."},
    )
    assert response.status_code == 302
    briefing.refresh_from_db()
    assert briefing.status == Status.CLEARED and briefing.exception_text


def test_the_decision_page_checks_nominee_and_reasons(client_for, chief_executive, org):
    briefing = ask(org)
    client = client_for(chief_executive)
    page = client.post(url("decide", briefing), {"decision": "nominate"}).content.decode()
    assert "Select the officer you nominate" in page
    page = client.post(url("decide", briefing), {"decision": "decline"}).content.decode()
    assert "Give the reasons for declining" in page
    client.post(
        url("decide", briefing),
        {"decision": "nominate", "nominee": org.officers.assistant_director.pk},
    )
    briefing.refresh_from_db()
    assert briefing.officer == org.officers.assistant_director


@pytest.mark.parametrize("who", ["director", "monitoring_officer", "group_leader"])
def test_only_the_chief_executive_decides(client_for, request, org, who):
    briefing = ask(org)
    assert client_for(request.getfixturevalue(who)).get(url("decide", briefing)).status_code == 403


def test_the_officer_cannot_issue_without_the_confirmation(client_for, director, org):
    briefing = cleared(org)
    client = client_for(director)
    page = client.get(url("note", briefing)).content.decode()
    assert "no recommendation" in page
    data = {"facts": FACTS, "options": "Extend or re-tender.", "action": "issue"}
    page = client.post(url("note", briefing), data).content.decode()
    assert "There is a problem" in page
    assert "Confirm that the note contains no political implications" in page
    client.post(url("note", briefing), {**data, "action": "save"})
    briefing.refresh_from_db()
    assert briefing.note.status == "draft" and briefing.status == Status.CLEARED
    client.post(url("note", briefing), {**data, "confirmed_no_politics": "on"})
    briefing.refresh_from_db()
    assert briefing.note.is_issued and briefing.status == Status.COMPLETED
    assert client.get(url("note", briefing)).status_code == 403  # issued: no more edits


def test_the_group_reads_the_issued_note_but_not_a_draft(client_for, councillor, director, org):
    from groups.services import briefing_note_save

    briefing = cleared(org)
    briefing_note_save(actor=director, briefing=briefing, facts="DRAFT-ONLY", options="x")
    assert "DRAFT-ONLY" not in client_for(councillor).get(url("detail", briefing)).content.decode()
    assert "DRAFT-ONLY" in client_for(director).get(url("detail", briefing)).content.decode()
    page = client_for(councillor).get(url("detail", issued(org))).content.decode()
    assert FACTS in page and "Equal access" in page


def test_the_officer_logs_attendance(client_for, director, org, after_meeting):
    briefing = cleared(org, kind=BriefingRequest.Kind.ATTENDANCE)
    client = client_for(director)
    page = client.post(url("attendance", briefing), {}).content.decode()
    assert "Enter the date you attended" in page
    data = {
        **date_parts("attended_on", MEETING),
        "senior_officer": org.officers.monitoring_officer.pk,
        "senior_capacity": "monitoring_officer",
        "only_council_members": "on",
    }
    page = client.post(url("attendance", briefing), data).content.decode()
    assert "left before any decision and before party business" in page
    response = client.post(url("attendance", briefing), {**data, "left_before_decision": "on"})
    assert response.status_code == 302
    page = client.get(url("detail", briefing)).content.decode()
    assert "Senior officer present" in page and "Margaret Lewis (Monitoring Officer)" in page


def test_the_group_leader_shares_a_confidential_briefing(
    client_for, group_leader, other_group_councillor, org
):
    briefing = issued(org, confidential=True)
    client = client_for(group_leader)
    other = org.councillors.other_group_councillor
    client.post(url("share", briefing), {"user": other.pk})
    share = briefing.shares.get()
    reader = client_for(other_group_councillor)
    assert FACTS in reader.get(url("shared", share)).content.decode()
    assert reader.get(url("detail", briefing)).status_code == 404
    client.post(reverse("groups:unshare", args=[briefing.pk, share.pk]))
    assert reader.get(url("shared", share)).status_code == 404


def test_another_groups_leader_receives_an_offered_note(
    client_for, group_b_leader, other_group_councillor, org
):
    briefing = issued(org)
    offer = BriefingOffer.objects.get(note__request=briefing, group=org.group_b)
    member = client_for(other_group_councillor)
    page = member.get(url("offer", offer)).content.decode()
    assert "Options for the waste contract" in page and FACTS not in page
    assert "Group A" not in page
    assert member.post(url("offer", offer)).status_code == 403
    leader = client_for(group_b_leader)
    assert leader.post(url("offer", offer)).status_code == 302
    assert FACTS in member.get(url("offer", offer)).content.decode()
    assert member.get(url("detail", briefing)).status_code == 404
    html = client_for(org.councillors.group_leader.user).get(url("detail", briefing))
    assert "Group B" in html.content.decode()  # the giving group sees who received it


def test_the_equal_access_log_is_for_the_chief_executive_and_monitoring_officer(
    client_for, chief_executive, monitoring_officer, group_leader, director, group_b_leader, org
):
    issued(org)
    for user in (chief_executive, monitoring_officer):
        page = client_for(user).get(LOG).content.decode()
        assert "Waste contract renewal" in page and "Same access" in page
    for user in (group_leader, director):
        assert client_for(user).get(LOG).status_code == 403


def test_the_log_when_the_council_does_not_share(client_for, chief_executive, org, settings):
    settings.GROUP_BRIEFING_EQUAL_ACCESS = False
    issued(org)
    page = client_for(chief_executive).get(LOG).content.decode()
    assert "does not offer one group's briefings" in page and "Same access" not in page


def test_the_list_by_role(client_for, chief_executive, director, group_leader, org):
    briefing = ask(org)
    page = client_for(chief_executive).get(LIST).content.decode()
    assert "Requests waiting for your decision" in page and briefing.reference in page
    page = client_for(director).get(LIST, {"tab": "addressed"}).content.decode()
    assert briefing.reference in page
    page = client_for(group_leader).get(LIST).content.decode()
    assert "Your group&#x27;s briefing requests" in page and briefing.reference in page
    page = client_for(group_leader).get(LIST, {"q": "nothing-like-this"}).content.decode()
    assert briefing.reference not in page


def test_the_list_needs_a_councillor_in_a_group_or_an_officer(client_for, outsider):
    assert client_for(outsider).get(LIST).status_code == 403
    assert client_for(outsider).get(LOG).status_code == 403


def test_withdrawing(client_for, group_leader, councillor, org):
    briefing = ask(org)
    assert client_for(councillor).get(url("withdraw", briefing)).status_code == 403
    client_for(group_leader).post(url("withdraw", briefing), {"reason": "No longer needed"})
    briefing.refresh_from_db()
    assert briefing.status == Status.WITHDRAWN


def test_the_home_panel(client_for, chief_executive, group_leader, org):
    ask(org)
    page = client_for(chief_executive).get(reverse("home")).content.decode()
    assert "1 waiting for your decision" in page
    page = client_for(group_leader).get(reverse("home")).content.decode()
    assert "Ask for a briefing" in page and "Group briefings" in page


@pytest.mark.parametrize(
    ("who", "tab"),
    [("chief_executive", "all"), ("group_leader", "group"), ("director", "addressed")],
)
def test_list_query_counts_do_not_grow(
    client_for, request, org, django_assert_max_num_queries, who, tab, group_b_leader
):
    client = client_for(request.getfixturevalue(who))
    client.get(LIST, {"tab": tab})  # the first view fills the banner's cache

    def count(n):
        while BriefingRequest.objects.count() < n:
            issued(org)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(LIST, {"tab": tab}).status_code == 200
        return len(ctx.captured_queries)

    few = count(2)
    many = count(8)
    assert many == few
    with django_assert_max_num_queries(few):
        client.get(LIST, {"tab": tab})


def test_offers_and_log_query_counts_do_not_grow(
    client_for, chief_executive, other_group_councillor, group_b_leader, org
):
    def counts(n):
        while BriefingRequest.objects.count() < n:
            issued(org, topic=f"Topic {BriefingRequest.objects.count() % 3}")
        found = []
        for user, page in ((chief_executive, LOG), (other_group_councillor, LIST)):
            with CaptureQueriesContext(connection) as ctx:
                assert client_for(user).get(page).status_code == 200
            found.append(len(ctx.captured_queries))
        return found

    counts(1)  # the first views fill the banner's cache
    assert counts(2) == counts(7)


def test_attendance_page_is_for_the_attending_officer(client_for, org, councillor, after_meeting):
    briefing = attended(org)
    assert client_for(councillor).get(url("attendance", briefing)).status_code == 403


def test_the_home_panel_is_for_those_with_briefings_to_do(client_for, officer, director, org):
    home = reverse("home")
    assert "Group briefings</h2>" not in client_for(officer).get(home).content.decode()
    cleared(org)
    assert "1 you are cleared to write or attend" in client_for(director).get(home).content.decode()
