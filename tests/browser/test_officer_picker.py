"""At a large council's scale the officer picker is a text input; with JavaScript it searches
as a councillor types, and the chosen officer is the one the concern is about. Axe with the
offered officers open."""

import pytest
from playwright.sync_api import expect

from complaints.models import Complaint

from .pages import ComplaintPage, OfficerPicker

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_councillor_picks_an_officer_by_typing_part_of_their_name(
    signed_in, axe, councillor, org, monkeypatch
):
    monkeypatch.setattr("registers.pickers.SELECT_LIMIT", 0)  # the search, as at scale
    page = signed_in(councillor)
    concern = ComplaintPage(page).go(ComplaintPage.NEW)
    picker = OfficerPicker(page, "Which officer is it about?")
    axe(page)

    offered = picker.type("hugh")
    expect(offered.filter(has_text="Oliver Hughes")).to_contain_text("Waste Services Officer")
    axe(page)  # the offered officers open
    picker.choose("hugh", "Oliver Hughes")

    page.get_by_label("Summarise the concern").fill("Rude reply at a ward surgery")
    page.get_by_label("Describe the concern").fill("The officer was dismissive on 3 November.")
    concern.button("Raise").first.click()
    concern.sees("Rude reply at a ward surgery")
    axe(page)
    assert Complaint.objects.get().subject_officer == org.officers.officer
