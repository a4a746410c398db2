"""GRP-3, GRP-6, GRP-7: writing and issuing the note, offering it to the other groups where
the council's setting says so, and sharing a confidential briefing by permission."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from groups.models import BriefingEvent, BriefingNote, BriefingOffer, BriefingShare, Status
from groups.services import (
    briefing_note_issue,
    briefing_note_save,
    briefing_offer_receive,
    briefing_share,
    briefing_unshare,
)
from registers.models import CouncillorRole
from tests.registers.factories import CouncillorRoleFactory

from .helpers import FACTS, OPTIONS, ask, cleared, emails_to, issued

pytestmark = pytest.mark.django_db
Ev = BriefingEvent.Kind


def test_the_officer_saves_a_draft_then_issues_with_the_confirmation(org, director, group_leader):
    briefing = cleared(org)
    note = briefing_note_save(actor=director, briefing=briefing, facts=FACTS, options="Draft")
    assert note.status == BriefingNote.Status.DRAFT
    with pytest.raises(ValidationError) as error:
        briefing_note_issue(
            actor=director, briefing=briefing, facts=FACTS, options=OPTIONS, confirmed=False
        )
    assert "no political implications and no recommendation" in str(
        error.value.message_dict["confirmed_no_politics"]
    )
    note.refresh_from_db()
    assert note.status == BriefingNote.Status.DRAFT
    note = briefing_note_issue(
        actor=director, briefing=briefing, facts=FACTS, options=OPTIONS, confirmed=True
    )
    assert note.is_issued and note.confirmed_no_politics and note.options == OPTIONS
    briefing.refresh_from_db()
    assert briefing.status == Status.COMPLETED
    assert any("issued" in e.subject for e in emails_to(group_leader))
    with pytest.raises(ValidationError):
        briefing_note_save(actor=director, briefing=briefing, facts="x", options="y")


def test_only_the_cleared_officer_writes_the_note(org, chief_executive, officer):
    briefing = cleared(org)
    for user in (chief_executive, officer):
        with pytest.raises(PermissionDenied):
            briefing_note_save(actor=user, briefing=briefing, facts=FACTS, options=OPTIONS)


def test_no_note_before_clearance(org, director):
    with pytest.raises(PermissionDenied):
        briefing_note_save(actor=director, briefing=ask(org), facts=FACTS, options=OPTIONS)


def test_the_note_needs_facts_and_options(org, director):
    with pytest.raises(ValidationError) as error:
        briefing_note_save(actor=director, briefing=cleared(org), facts=" ", options="")
    assert {"facts", "options"} <= set(error.value.message_dict)


# --- Equal access (GRP-6) ----------------------------------------------------------------------


def test_with_equal_access_the_note_is_offered_to_every_other_group(
    org, group_b_leader, group_c, settings
):
    settings.GROUP_BRIEFING_EQUAL_ACCESS = True
    briefing = issued(org)
    offers = BriefingOffer.objects.filter(note__request=briefing)
    assert {o.group for o in offers} == {org.group_b, group_c}
    assert all(o.received_at is None for o in offers)
    assert briefing.events.filter(kind=Ev.OFFERED).exists()
    (email,) = [e for e in emails_to(group_b_leader) if "offered" in e.subject]
    assert "before the Cabinet on Friday 20 November 2026" in email.body_text
    assert FACTS not in email.body_text + email.body_html  # the content is read on the page
    assert "Group A" not in email.body_text


def test_the_other_groups_leader_receives_it_once(org, group_b_leader, other_group_councillor):
    briefing = issued(org)
    offer = BriefingOffer.objects.get(note__request=briefing, group=org.group_b)
    with pytest.raises(PermissionDenied):
        briefing_offer_receive(actor=other_group_councillor, offer=offer)
    with pytest.raises(PermissionDenied):
        briefing_offer_receive(actor=org.councillors.group_leader.user, offer=offer)
    offer = briefing_offer_receive(actor=group_b_leader, offer=offer)
    first = offer.received_at
    assert first is not None and offer.received_by == group_b_leader
    briefing_offer_receive(actor=group_b_leader, offer=offer)
    offer.refresh_from_db()
    assert offer.received_at == first
    (event,) = briefing.events.filter(kind=Ev.RECEIVED)
    assert event.actor is None and "Group B received" in event.detail


def test_without_equal_access_nothing_is_offered_or_disclosed(org, group_b_leader, settings):
    settings.GROUP_BRIEFING_EQUAL_ACCESS = False
    briefing = issued(org)
    assert not BriefingOffer.objects.exists()
    assert not briefing.events.filter(kind=Ev.OFFERED).exists()
    assert emails_to(group_b_leader) == []


def test_receiving_is_refused_once_the_council_stops_sharing(org, group_b_leader, settings):
    briefing = issued(org)
    offer = BriefingOffer.objects.get(note__request=briefing, group=org.group_b)
    settings.GROUP_BRIEFING_EQUAL_ACCESS = False
    with pytest.raises(PermissionDenied):
        briefing_offer_receive(actor=group_b_leader, offer=offer)


def test_an_inactive_group_is_not_offered_anything(org, group_b_leader):
    org.group_b.is_active = False
    org.group_b.save(update_fields=["is_active"])
    issued(org)
    assert not BriefingOffer.objects.exists()


# --- Confidential briefings (GRP-7) ------------------------------------------------------------


def test_a_confidential_briefing_is_not_offered_and_is_shared_only_by_permission(
    org, group_leader, councillor, other_group_councillor, group_b_leader
):
    briefing = issued(org, confidential=True)
    assert not BriefingOffer.objects.exists()
    with pytest.raises(PermissionDenied):
        briefing_share(actor=councillor, briefing=briefing, user=other_group_councillor)
    share = briefing_share(actor=group_leader, briefing=briefing, user=other_group_councillor)
    assert briefing.events.filter(kind=Ev.SHARED).exists()
    (email,) = emails_to(other_group_councillor)
    assert f"/groups/shared/{share.pk}/" in email.body_text
    assert FACTS not in email.body_text
    with pytest.raises(ValidationError):
        briefing_share(actor=group_leader, briefing=briefing, user=other_group_councillor)
    with pytest.raises(ValidationError):
        briefing_share(actor=group_leader, briefing=briefing, user=group_leader)
    briefing_unshare(actor=group_leader, share=share)
    assert not BriefingShare.objects.exists()
    assert briefing.events.filter(kind=Ev.UNSHARED).exists()


def test_an_ordinary_briefing_is_not_shared_by_permission(org, group_leader, councillor):
    with pytest.raises(ValidationError):
        briefing_share(actor=group_leader, briefing=issued(org), user=councillor)


def test_a_committee_chair_gets_a_confidential_briefing(org, councillor, director):
    CouncillorRoleFactory(
        councillor=org.councillors.councillor, kind=CouncillorRole.Kind.COMMITTEE_CHAIR
    )
    briefing = issued(org, actor=councillor, confidential=True)
    assert briefing.status == Status.COMPLETED
    assert any("issued to you" in e.subject for e in emails_to(councillor))
