"""A Group Leader asks for a briefing with an MP present; the Chief Executive clears it with a
written exception; the officer issues the note after the confirmation; another group receives
it; the equal-access log and the meetings with representatives. axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_briefing_from_request_to_equal_access(
    signed_in, axe, group_leader, chief_executive, director, org
):
    from tests.groups.helpers import make_group_b_leader

    b_leader = make_group_b_leader(org)

    meeting = timezone.localdate() + timedelta(days=7)
    leader = signed_in(group_leader)
    leader.get_by_role("link", name="Group briefings", exact=True).click()
    axe(leader)
    leader.get_by_role("button", name="Ask for a briefing").click()
    axe(leader)
    leader.get_by_role("button", name="Send the request").click()  # nothing filled in
    expect(leader.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    axe(leader)
    leader.get_by_label("A briefing note").check()
    leader.get_by_label("Who are you asking?").select_option(str(org.officers.director.pk))
    leader.get_by_label("Subject").fill("Options for the waste contract")
    leader.get_by_label("The Council business it is about").fill("Waste contract renewal")
    group = leader.get_by_role("group", name="Date of the group meeting")
    group.get_by_label("Day").fill(str(meeting.day))
    group.get_by_label("Month").fill(str(meeting.month))
    group.get_by_label("Year").fill(str(meeting.year))
    leader.get_by_label("People who are not members of the council will be present").check()
    leader.get_by_label("Their names, and who they are").fill("Jane Doe MP")
    leader.get_by_role("button", name="Send the request").click()
    leader.get_by_text("Options for the waste contract").first.wait_for()
    axe(leader)
    url = leader.url

    ce = signed_in(chief_executive)
    ce.goto(url)
    ce.get_by_role("button", name="Decide").click()
    axe(ce)
    ce.get_by_label("Clear it").check()
    ce.get_by_role("button", name="Record your decision").click()  # no written exception
    expect(ce.get_by_role("alert").filter(has_text="write the exception")).to_be_visible()
    axe(ce)
    ce.get_by_label("Your written exception (004 §6.6)").fill("Factual information only.")
    ce.get_by_role("button", name="Record your decision").click()
    ce.get_by_text("You cleared").first.wait_for()
    axe(ce)

    writer = signed_in(director)
    writer.goto(url)
    writer.get_by_role("button", name="Write the note").click()
    axe(writer)
    writer.get_by_label("Material facts").fill("The contract ends in March.")
    writer.get_by_label("Options, and their merits").fill("Extend, or re-tender.")
    writer.get_by_role("button", name="Issue the note").click()  # not confirmed
    expect(writer.get_by_role("alert").filter(has_text="no political implications")).to_be_visible()
    axe(writer)
    writer.get_by_label("I confirm this note contains no political implications").check()
    writer.get_by_role("button", name="Issue the note").click()
    writer.get_by_text("Note issued on").wait_for()
    axe(writer)

    other = signed_in(b_leader)
    other.goto("/groups/")
    other.get_by_role("link", name="Options for the waste contract").click()
    axe(other)
    other.get_by_role("button", name="Receive the note for Group B").click()
    other.get_by_text("The contract ends in March.").wait_for()
    axe(other)

    ce.goto("/groups/equal-access/")
    ce.get_by_text("Same access").wait_for()
    axe(ce)


def test_an_officer_asks_to_meet_an_mp(signed_in, axe, officer, chief_executive, org):

    day = timezone.localdate() + timedelta(days=5)
    page = signed_in(officer)
    page.goto("/groups/representatives/")
    axe(page)
    page.get_by_role("button", name="Ask for authorisation").click()
    axe(page)
    page.get_by_label("A Member of Parliament").check()
    page.get_by_label("Their name").fill("Jane Doe")
    page.get_by_label("Their office").fill("MP for Riverside")
    page.get_by_label("Subject").fill("Flooding")
    group = page.get_by_role("group", name="Date of the meeting")
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))
    page.get_by_label("The ward it concerns").select_option(str(org.ward.pk))
    page.get_by_label("The local councillor").select_option(str(org.councillors.councillor.pk))
    page.get_by_role("button", name="Ask the Chief Executive").click()
    page.get_by_text("sent to the Chief Executive").wait_for()
    axe(page)
    ce = signed_in(chief_executive)
    ce.goto(page.url + "decide/")
    axe(ce)
    ce.get_by_label("Authorise it").check()
    ce.get_by_role("button", name="Decide").click()
    ce.get_by_text("Every Group Leader has been informed").wait_for()
    axe(ce)
