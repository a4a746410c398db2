"""A Group Leader asks for a briefing with an MP present; the Chief Executive clears it with a
written exception; the officer issues the note after the confirmation; another group receives
it; the equal-access log and the meetings with representatives. axe on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .pages import ActionPage, Screen

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
    asking = ActionPage(leader)
    axe(leader)
    asking.send_empty("Send the request")  # nothing filled in
    axe(leader)
    leader.get_by_label("A briefing note").check()
    leader.get_by_label("Who are you asking?").select_option(str(org.officers.director.pk))
    leader.get_by_label("Subject").fill("Options for the waste contract")
    leader.get_by_label("Council business it is about").fill("Waste contract renewal")
    asking.fill_date(meeting, group="Date of the group meeting")
    leader.get_by_label("People who are not members of the council will be present").check()
    leader.get_by_label("Their names, and who they are").fill("Jane Doe MP")
    asking.send("Send the request", then="Options for the waste contract")
    axe(leader)
    url = leader.url

    ce = signed_in(chief_executive)
    ce.goto(url)
    ce.get_by_role("button", name="Decide").click()
    deciding = ActionPage(ce)
    axe(ce)
    ce.get_by_label("Clear it").check()
    deciding.send_empty("Record your decision", has="write the exception")  # no exception
    axe(ce)
    ce.get_by_label("Your written exception").fill("Factual information only.")
    deciding.send("Record your decision", then="You cleared")
    axe(ce)

    writer = signed_in(director)
    writer.goto(url)
    writer.get_by_role("button", name="Write the note").click()
    note = ActionPage(writer)
    axe(writer)
    writer.get_by_label("Material facts").fill("The contract ends in March.")
    writer.get_by_label("Options, and their merits").fill("Extend, or re-tender.")
    note.send_empty("Issue the note", has="no political implications")  # not confirmed
    axe(writer)
    writer.get_by_label("I confirm this note contains no political implications").check()
    note.send("Issue the note", then="Note issued on")
    axe(writer)

    other = signed_in(b_leader)
    other.goto("/groups/")
    other.get_by_role("link", name="Options for the waste contract").click()
    axe(other)
    ActionPage(other).send("Receive the note for Group B", then="The contract ends in March.")
    axe(other)

    Screen(ce).go("/groups/equal-access/").sees("Same access")
    axe(ce)


def test_an_officer_asks_to_meet_an_mp(signed_in, axe, officer, chief_executive, org):

    day = timezone.localdate() + timedelta(days=5)
    page = signed_in(officer)
    page.goto("/groups/representatives/")
    axe(page)
    page.get_by_role("button", name="Ask for authorisation").click()
    asking = ActionPage(page)
    axe(page)
    page.get_by_label("A Member of Parliament").check()
    page.get_by_label("Their name").fill("Jane Doe")
    page.get_by_label("Their office").fill("MP for Riverside")
    page.get_by_label("Subject").fill("Flooding")
    asking.fill_date(day, group="Date of the meeting")
    page.get_by_label("The ward it concerns").select_option(str(org.ward.pk))
    page.get_by_label("The local councillor").select_option(str(org.councillors.councillor.pk))
    asking.send("Ask the Chief Executive", then="sent to the Chief Executive")
    axe(page)
    ce = signed_in(chief_executive)
    deciding = ActionPage(ce).go(page.url + "decide/")
    axe(ce)
    ce.get_by_label("Authorise it").check()
    deciding.send("Decide", then="Every Group Leader has been informed")
    axe(ce)
