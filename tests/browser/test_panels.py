"""Democratic services record an appointment panel: a related member is refused on the form,
then the panel is recorded and the warning for a post outside 003 §6.1 shows. Axe on each."""

from datetime import date

import pytest
from playwright.sync_api import expect

from tests.declarations.factories_conflicts import declared_in_register

from .pages import ActionPage

pytestmark = pytest.mark.django_db(transaction=True)


def test_recording_a_panel_with_a_related_member_then_without(
    sign_in, axe, democratic_services, org
):
    declared_in_register(org.councillors.group_leader.user, org.officers.head_of_service.user)
    page = sign_in(democratic_services)
    page.goto("/panels/")
    axe(page)
    page.get_by_role("button", name="Record a panel").click()
    recording = ActionPage(page)
    axe(page)
    recording.send_empty("Record panel")  # nothing filled in
    axe(page)

    page.get_by_label("Appointment").check()
    page.get_by_label("Post").select_option(label="Head of Waste and Recycling (Head of Service)")
    page.get_by_label("Officer concerned").select_option(str(org.officers.head_of_service.pk))
    recording.fill_date(date(2026, 12, 3))
    page.get_by_label("Cllr Grace Lambert").check()
    page.get_by_label("Cllr Chris Baker").check()
    summary = recording.send_empty("Record panel")
    expect(
        summary.get_by_text(
            "Cllr Grace Lambert has declared a relationship with Gareth Evans and cannot sit on "
            "this panel."
        )
    ).to_be_visible()
    axe(page)

    page.get_by_label("Cllr Grace Lambert").uncheck()
    recording.send("Record panel", then="Panel recorded")
    expect(
        page.locator(".govuk-warning-text").filter(has_text="is not one of these posts")
    ).to_be_visible()
    axe(page)
    page.get_by_role("button", name="Change").click()
    axe(page)
