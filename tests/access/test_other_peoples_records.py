"""Another person's record is 404, never 403 or 200: on its page, its download, and every step
on it, read (GET) or taken (POST), and a POST changes nothing.

For each URL that names a record, the people the record belongs to in tests/access/world.py
are listed by role; a stranger with the same role and no relation to it (another councillor in
another ward, group B's leader, the Housing directorate's officer, line manager, Head of
Service, Assistant Director and Director) signs in and is refused as if it did not exist.

Not here, because they are not one person's: the organisation's registers and panels (every
democratic services officer, and the Monitoring Officer for panels, keep them all), pre-election
periods (everyone reads them), and a ward notice's change and withdrawal (notices are not
confidential among officers: another officer reads it and is refused the change, 403). The
access matrix covers them.
"""

from __future__ import annotations

import pytest
from django.apps import apps
from django.test import Client
from django.urls import reverse

from protocol_site.models import AuditEvent, OutboxEmail
from registers.models import Tier
from registers.roles import Role, person_for
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import (
    CouncillorFactory,
    DirectorateFactory,
    OfficerFactory,
    PoliticalGroupFactory,
    PostFactory,
    ServiceFactory,
    WardFactory,
)

from .matrix import MATRIX
from .test_access_matrix import quiet_refusals

pytestmark = pytest.mark.django_db

COUNCILLOR, LEADER, OTHER = "councillor", "group_leader", "other_group_councillor"
OFFICER, MANAGER, HEAD = "officer", "line_manager", "head_of_service"
AD, DIRECTOR = "assistant_director", "director"
ENQUIRY_PEOPLE = (COUNCILLOR, OFFICER, MANAGER, HEAD, AD, DIRECTOR)
BRIEFING_PEOPLE = (LEADER, COUNCILLOR, DIRECTOR)

# url name: (record in world.py, whose it is (by role), the methods it answers)
CASES = {
    "enquiries:detail": ("enquiry", ENQUIRY_PEOPLE, "GET"),
    "enquiries:saved_rename": ("saved_view", (OFFICER,), "GET POST"),
    "enquiries:saved_delete": ("saved_view", (OFFICER,), "GET POST"),
    "enquiries:attachment": ("enquiry", ENQUIRY_PEOPLE, "GET"),
    "enquiries:file": ("enquiry_file", ENQUIRY_PEOPLE, "GET"),
    "enquiries:acknowledge": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:holding": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:extension": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:extension_decide": ("extension", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:guidance": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:reassign": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:respond": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:decline": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:message": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:note": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:ask": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:answer": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:chase": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:withdraw": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:share": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:link": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:unlink": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:respond_linked": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:follow_up": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:urgent": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:not_urgent": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "api:enquiry-detail": ("enquiry", ENQUIRY_PEOPLE, "GET"),
    "api:enquiry-messages": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "api:enquiry-notes": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "api:enquiry-attachments": ("enquiry", ENQUIRY_PEOPLE, "GET"),
    "api:enquiry-attachment": ("enquiry_file", ENQUIRY_PEOPLE, "GET"),
    "api:enquiry-ask": ("enquiry", ENQUIRY_PEOPLE, "POST"),
    "api:enquiry-answer": ("enquiry", ENQUIRY_PEOPLE, "POST"),
    "api:enquiry-chase": ("enquiry", ENQUIRY_PEOPLE, "POST"),
    "api:enquiry-withdraw": ("enquiry", ENQUIRY_PEOPLE, "POST"),
    "api:enquiry-sharing": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "api:enquiry-links": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "api:enquiry-unlink": ("enquiry", ENQUIRY_PEOPLE, "POST"),
    "api:enquiry-respond-linked": ("enquiry", ENQUIRY_PEOPLE, "POST"),
    "api:enquiry-wording": ("enquiry", ENQUIRY_PEOPLE, "GET"),
    "api:enquiry-constituent": ("enquiry", ENQUIRY_PEOPLE, "GET"),
    "enquiries:constituent": ("enquiry", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:wording_change": ("wording", (HEAD,), "GET POST"),
    "enquiries:wording_retire": ("wording", (HEAD,), "GET POST"),
    "api:enquiry-follow-up": ("enquiry", ENQUIRY_PEOPLE, "POST"),
    "api:enquiry-urgent": ("enquiry", ENQUIRY_PEOPLE, "POST DELETE"),
    "enquiries:pick_up": ("queued", ENQUIRY_PEOPLE, "GET POST"),
    "enquiries:allocate": ("queued", ENQUIRY_PEOPLE, "GET POST"),
    "cover:end": ("absence", (OFFICER, MANAGER, HEAD, AD, DIRECTOR), "GET POST"),
    "complaints:detail": ("complaint", (COUNCILLOR, MANAGER), "GET"),
    "complaints:acknowledge": ("complaint", (COUNCILLOR, MANAGER), "GET POST"),
    "complaints:resolve": ("complaint", (COUNCILLOR, MANAGER), "GET POST"),
    "complaints:refer": ("complaint", (COUNCILLOR, MANAGER), "GET POST"),
    "complaints:escalate": ("complaint", (COUNCILLOR, MANAGER), "GET POST"),
    "complaints:withdraw": ("complaint", (COUNCILLOR, MANAGER), "GET POST"),
    "complaints:notify_subject": ("complaint", (COUNCILLOR, MANAGER), "GET POST"),
    "complaints:report": ("about_member", (OFFICER, MANAGER, DIRECTOR), "GET POST"),
    "api:complaint-detail": ("complaint", (COUNCILLOR, MANAGER), "GET"),
    "complaints:message": ("complaint", (COUNCILLOR, MANAGER), "GET POST"),
    "complaints:chief_executive_decision": ("upheld", (OFFICER, MANAGER, DIRECTOR), "GET POST"),
    "complaints:standards_committee": ("about_member", (OFFICER, MANAGER, DIRECTOR), "GET POST"),
    "api:complaint-messages": ("complaint", (COUNCILLOR, MANAGER), "GET POST"),
    "declarations:detail": ("declaration", (OFFICER, MANAGER, OTHER), "GET"),
    "declarations:change": ("declaration", (OFFICER, MANAGER, OTHER), "GET POST"),
    "declarations:withdraw": ("declaration", (OFFICER, MANAGER, OTHER), "GET POST"),
    "declarations:confirm": ("declaration", (OFFICER, MANAGER, OTHER), "GET POST"),
    "declarations:answer": ("declaration", (OFFICER, MANAGER, OTHER), "GET POST"),
    "declarations:review": ("declaration", (OFFICER, MANAGER, OTHER), "GET POST"),
    "declarations:ask": ("declaration", (OFFICER, MANAGER, OTHER), "GET POST"),
    "visits:detail": ("visit", (COUNCILLOR, DIRECTOR), "GET"),
    "visits:arrange": ("visit", (COUNCILLOR, DIRECTOR), "GET POST"),
    "visits:cancel": ("visit", (COUNCILLOR, DIRECTOR), "GET POST"),
    "notices:detail": ("notice", (COUNCILLOR,), "GET"),
    "groups:detail": ("briefing", BRIEFING_PEOPLE, "GET"),
    "groups:decide": ("briefing", BRIEFING_PEOPLE, "GET POST"),
    "groups:withdraw": ("briefing", BRIEFING_PEOPLE, "GET POST"),
    "groups:note": ("note", BRIEFING_PEOPLE, "GET POST"),
    "groups:attendance": ("attendance", BRIEFING_PEOPLE, "GET POST"),
    "groups:share": ("confidential", (LEADER,), "GET POST"),
    "groups:unshare": ("unshare", (LEADER,), "POST"),
    "groups:offer": ("offer", (OTHER,), "GET POST"),
    "groups:shared": ("share", (COUNCILLOR,), "GET"),
    "groups:representative": ("meeting", (DIRECTOR, COUNCILLOR), "GET"),
    "groups:representative_decide": ("meeting", (DIRECTOR, COUNCILLOR), "GET POST"),
    "groups:representative_held": ("authorised", (DIRECTOR, COUNCILLOR), "GET POST"),
}

STRANGER_ROLES = (COUNCILLOR, LEADER, OFFICER, MANAGER, HEAD, AD, DIRECTOR)
SAME_ROLE = {OTHER: COUNCILLOR}  # a councillor of another group is a councillor


def _person(username: str, first: str, last: str):
    return UserFactory(username=username, first_name=first, last_name=last)


@pytest.fixture
def strangers(org) -> dict:
    """Someone in each role with no relation to any record of the world: councillors for
    another ward (a group C member, and group B's new leader) and the Housing directorate's
    chain of management."""
    hillside = WardFactory(name="Hillside")
    group_c = PoliticalGroupFactory(name="Group C", short_name="C")
    councillor = CouncillorFactory(
        user=_person("stranger.cllr", "Sam", "Stranger"), ward=hillside, group=group_c
    )
    leader = CouncillorFactory(
        user=_person("b.leader", "Bella", "Morgan"), ward=hillside, group=org.group_b
    )
    org.group_b.leader = leader
    org.group_b.save(update_fields=["leader"])

    housing = DirectorateFactory(name="Housing")
    tenancy = ServiceFactory(directorate=housing, name="Tenancy")
    chain = (
        (DIRECTOR, Tier.DIRECTOR, "Director of Housing", "Hana", "Holt"),
        (AD, Tier.ASSISTANT_DIRECTOR, "Assistant Director, Homes", "Ali", "Hussain"),
        (HEAD, Tier.HEAD_OF_SERVICE, "Head of Tenancy", "Hugh", "Harris"),
        (MANAGER, Tier.MANAGER, "Tenancy Manager", "Mina", "Hart"),
        (OFFICER, Tier.OFFICER, "Tenancy Officer", "Otto", "Hale"),
    )
    people = {COUNCILLOR: councillor.user, LEADER: leader.user}
    above = org.posts.chief_executive
    for role, tier, title, first, last in chain:
        above = PostFactory(
            title=title,
            tier=tier,
            directorate=housing if tier in (Tier.DIRECTOR, Tier.ASSISTANT_DIRECTOR) else None,
            service=tenancy if tier not in (Tier.DIRECTOR, Tier.ASSISTANT_DIRECTOR) else None,
            reports_to=above,
        )
        user = _person(f"housing.{role}", first, last)
        people[role] = OfficerFactory(user=user, post=above).user
    return people


def _payload(org) -> dict:
    """What the action pages' forms ask for, so that a missing check would show as a change."""
    return {
        "response": "The collections are back on schedule.",
        "minor": "on",
        "reason": "Not needed now.",
        "note": "Please look again.",
        "explanation": "Waiting for the contractor's records.",
        "decision": "agree",
        "outcome": "upheld",
        "referral": "disciplinary",
        "management_note": "Noted.",
        "report": "Findings and a resolution.",
        "tell_group_leader": "on",
        "details": "Corrected details.",
        "advice": "Keep apart from the casework.",
        "action": "None needed.",
        "question": "When did it start?",
        "answer": "In 2019.",
        "message": "Any news?",
        "facts": "The contract ends in March 2027.",
        "options": "Extend, or re-tender.",
        "confirmed": "on",
        "conditions": "Hi-vis jackets.",
        "meeting_officer": org.officers.officer.pk,
        "to": org.officers.head_of_service.pk,
        "user": org.councillors.other_group_councillor.user.pk,
        "receive": "on",
        "title": "Another title",
        "text": "Other wording.",
        "name": "Alex Resident",
        "consented": "yes",
    }


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def _trail() -> tuple[int, int]:
    return AuditEvent.objects.count(), OutboxEmail.objects.count()


@pytest.mark.parametrize("role", STRANGER_ROLES)
def test_another_persons_record_is_not_found(role, org, world, strangers):
    client = Client()
    client.force_login(strangers[role])
    payload = _payload(org)
    before = _counts()
    wrong = []
    with quiet_refusals():
        for name, (record, people, methods) in CASES.items():
            if role not in {SAME_ROLE.get(person, person) for person in people}:
                continue
            url = reverse(name, kwargs=world[record])
            got = client.get(url).status_code if "GET" in methods else 404
            if got != 404:
                wrong.append(f"GET  {name:30} {url:40} got {got}")
            for method in ("POST", "DELETE"):
                if method not in methods:
                    continue
                trail = _trail()
                send = client.post if method == "POST" else client.delete
                got = send(url, payload).status_code
                if got != 404:
                    wrong.append(f"{method:4} {name:30} {url:40} got {got}")
                if _trail() != trail:
                    wrong.append(f"{method:4} {name:30} {url:40} left an audit event or an email")
    after = _counts()
    changed = {label: (n, after[label]) for label, n in before.items() if after[label] != n}
    assert not wrong, f"Not 404 for a stranger ({role}):\n  " + "\n  ".join(wrong)
    assert not changed, f"Rows changed (before, after): {changed}"


def test_every_stranger_has_the_role_they_stand_in_for(strangers):
    expected = {
        COUNCILLOR: Role.COUNCILLOR,
        LEADER: Role.GROUP_LEADER,
        OFFICER: Role.OFFICER,
        MANAGER: Role.LINE_MANAGER,
        AD: Role.ASSISTANT_DIRECTOR,
        DIRECTOR: Role.DIRECTOR,
    }
    for key, role in expected.items():
        assert person_for(strangers[key]).has(role), key
    assert person_for(strangers[HEAD]).officer.post.tier == Tier.HEAD_OF_SERVICE


def test_every_case_is_a_url_with_a_record():
    for name, (record, _people, _methods) in CASES.items():
        assert name in MATRIX, name
        assert MATRIX[name].record == record, name
