"""Waiting for your decision: each app's decision source, the home panel's counts equal to the
list they open, and a request for more time reaching someone who may decide it."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from complaints.services import complaint_withdraw
from enquiries.models import ExtensionRequest
from enquiries.services import (
    enquiry_decide_extension,
    enquiry_reassign,
    enquiry_request_extension,
    enquiry_seek_guidance,
)
from protocol_site.decisions import waiting_for
from protocol_site.models import OutboxEmail
from registers.roles import person_for
from registers.selectors import home_summary_for
from tests.clock import at, clock_at
from tests.complaints.helpers import about_member, about_officer
from tests.declarations.helpers import officer_declares
from tests.enquiries.factories import casework
from tests.groups.helpers import NOW as BRIEFING_NOW
from tests.groups.helpers import ask
from tests.registers.helpers import ask_for_visit

pytestmark = pytest.mark.django_db


def panel_counts(user) -> dict[str, int]:
    summary = home_summary_for(person_for(user))
    panel = next(p for p in summary.panels if p["template"] == "registers/_decisions_panel.html")
    return {line["key"]: line["count"] for line in panel["lines"]}


def list_counts(client) -> dict[str, int]:
    sections = client.get("/decisions/").context["sections"]
    return {section["key"]: len(section["rows"]) for section in sections}


def assert_waiting(client_for, user, key: str, count: int = 1) -> None:
    home = panel_counts(user)
    listed = list_counts(client_for(user))
    assert home == listed
    assert home[key] == count


@clock_at(at(2026, 11, 2, 9, 0))
def test_a_request_for_more_time_waits_for_the_director(client_for, org, councillor, officer):
    enquiry = casework(org, actor=councillor)
    enquiry_request_extension(
        actor=officer, enquiry=enquiry, reason="Needs files.", proposed_date=date(2026, 12, 4)
    )
    assert_waiting(client_for, org.officers.director.user, "extensions")


@clock_at(at(2026, 11, 2, 9, 0))
def test_a_directors_own_enquiry_goes_up_to_someone_who_may_decide(
    client_for, org, councillor, officer, director, chief_executive, line_manager
):
    enquiry = casework(org, actor=councillor)
    enquiry = enquiry_reassign(
        actor=officer, enquiry=enquiry, to=org.officers.director, note="The Director's own."
    )
    request = enquiry_request_extension(
        actor=director, enquiry=enquiry, reason="Needs files.", proposed_date=date(2026, 12, 4)
    )
    assert request.decider == org.officers.chief_executive
    assert OutboxEmail.objects.filter(
        recipient=chief_executive, subject__icontains="more time asked"
    ).exists()
    assert not OutboxEmail.objects.filter(
        recipient=director, subject__icontains="more time asked"
    ).exists()
    assert_waiting(client_for, chief_executive, "extensions")
    assert panel_counts(director).get("extensions", 0) == 0
    decided = enquiry_decide_extension(actor=chief_executive, request=request, agree=True)
    assert decided.outcome == ExtensionRequest.Outcome.AGREED


@clock_at(at(2026, 11, 2, 9, 0))
def test_the_line_manager_is_told_who_decides(client_for, org, councillor, officer, line_manager):
    enquiry = casework(org, actor=councillor)
    enquiry_request_extension(
        actor=officer, enquiry=enquiry, reason="Needs files.", proposed_date=date(2026, 12, 4)
    )
    html = client_for(line_manager).get(f"/enquiries/{enquiry.pk}/").content.decode()
    assert "awaiting a decision by David Okafor" in html


def test_guidance_and_referrals_wait_until_answered(client_for, org, councillor, officer):
    enquiry = casework(org, actor=councillor)
    enquiry_seek_guidance(actor=officer, enquiry=enquiry, note="Costly to compile.")
    enquiry_seek_guidance(
        actor=officer, enquiry=enquiry, note="Unreasonable?", refer_to_chief_executive=True
    )
    assert_waiting(client_for, org.officers.director.user, "guidance")
    assert_waiting(client_for, org.officers.chief_executive.user, "referrals")


def test_a_complaint_stage_waits_for_its_handler_to_acknowledge(client_for, org):
    complaint = about_officer(org)
    handler = complaint.stages.get().handler
    assert_waiting(client_for, handler, "complaint-stages")


@clock_at(BRIEFING_NOW)
def test_a_briefing_request_waits_for_the_chief_executive(client_for, org, chief_executive):
    ask(org)
    assert_waiting(client_for, chief_executive, "briefings")


def test_a_declaration_waits_for_the_monitoring_officers_review(
    client_for, org, monitoring_officer
):
    officer_declares(org)
    assert_waiting(client_for, monitoring_officer, "declarations")


@clock_at(at(2026, 11, 2, 9, 0))
def test_a_visit_waits_for_the_director_to_arrange(client_for, org, director):
    ask_for_visit(org)
    assert_waiting(client_for, director, "visits")


def test_people_who_decide_nothing_get_no_panel(org, councillor, outsider):
    for user in (councillor, outsider):
        assert waiting_for(user) == []


@clock_at(BRIEFING_NOW)
def test_the_list_needs_no_more_queries_as_it_grows(client_for, org, chief_executive):
    client = client_for(chief_executive)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/decisions/").status_code == 200
        return len(captured)

    ask(org)
    client.get("/decisions/")  # the first view fills the banner's cache
    one = queries()
    for _ in range(3):
        ask(org)
    assert queries() == one


def _follow_counts(client) -> list[tuple[str, int, int]]:
    """Every "N something" link on the home page's complaints panel: its number, and the
    number of complaints the list it opens shows."""
    html = client.get("/").content.decode()
    panel = html.split('aria-label="Your complaints"', 1)[1].split("</ul>", 1)[0]
    found = []
    for href, number, words in re.findall(r'href="([^"]+)">(\d+) ([^<]+)</a>', panel):
        listed = client.get(unescape(href)).context["page"].paginator.count
        found.append((words, int(number), listed))
    return found


def test_complaint_counts_on_the_home_page_equal_the_lists_they_open(
    client_for, org, councillor, officer, chief_executive, monitoring_officer
):
    kept = about_member(org)
    withdrawn = about_member(org, summary="Shouted at a meeting")
    complaint_withdraw(actor=officer, complaint=withdrawn, reason="Sorted out.")
    assert kept.status == "open"
    for user in (chief_executive, monitoring_officer, councillor, officer):
        for words, number, listed in _follow_counts(client_for(user)):
            assert number == listed, words
    counts = {words: n for words, n, _ in _follow_counts(client_for(chief_executive))}
    assert counts.get("reported or copied to you") == 1
    counts = {words: n for words, n, _ in _follow_counts(client_for(monitoring_officer))}
    assert counts.get("open in the MO queue") == 1


def test_a_director_seeking_guidance_on_their_own_enquiry_asks_the_chief_executive(
    client_for, org, councillor, officer, director, chief_executive
):
    enquiry = enquiry_reassign(
        actor=officer,
        enquiry=casework(org, actor=councillor),
        to=org.officers.director,
        note="The Director's own.",
    )
    enquiry_seek_guidance(actor=director, enquiry=enquiry, note="Is this reasonable?")
    assert_waiting(client_for, chief_executive, "referrals")
    assert panel_counts(director)["guidance"] == 0


@clock_at(at(2026, 11, 2, 9, 0))
def test_the_visits_panel_counts_what_its_link_opens(client_for, org, director):
    ask_for_visit(org)
    html = client_for(director).get("/").content.decode()
    assert '#visits">1 coming visit to your directorate to arrange' in html
    assert list_counts(client_for(director))["visits"] == 1
