"""The kinds of record added to the schedule after the casework (advice and lobbying
reports, members' public meetings, ward notices, visits, training attendance, emails that
became no enquiry): each is anonymised after its period and not before, not under a legal
hold, exactly once; subject access finds it, and an erasure anonymises it."""

import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils.html import escape

from protocol_site.audit import audit_trail_for, audit_verify
from retention.anonymise import retention_run
from retention.erasure import erasure_plan, person_erase
from retention.kinds import case_kind
from retention.models import (
    DEFAULT_YEARS,
    Anonymisation,
    LegalHold,
    RecordKind,
    RetentionRule,
)
from retention.selectors import (
    case_by_reference,
    people_matching,
    person_subject,
    sender_subject,
)
from retention.services import legal_hold_lift, legal_hold_set
from retention.subject_access import subject_access_export
from tests.clock import clock_at

from .kinds import BUILDERS, NAME, build

pytestmark = pytest.mark.django_db


@pytest.fixture(params=sorted(BUILDERS))
def built(request, org):
    return build(org, request.param)


def _run(moment) -> int:
    """The nightly run, at `moment` (the clock there too: a meeting still to come then is
    not yet past)."""
    with clock_at(moment):
        return retention_run()


def _trail(case) -> str:
    rows = []
    for event in audit_trail_for(case):
        rows += [event.summary, str(event.before), str(event.after)]
    return " ".join(rows)


def _personal(built) -> str:
    case = type(built.case)._default_manager.get(pk=built.case.pk)
    return " ".join(built.texts(case)) + " " + _trail(case)


def test_every_kind_has_a_rule_with_its_words(db):
    rules = {rule.kind: rule for rule in RetentionRule.objects.all()}  # from the migration
    assert set(rules) == set(RecordKind.values)
    for kind in RecordKind:
        assert rules[kind].keep_years == DEFAULT_YEARS[kind]
        assert rules[kind].counted_from
    assert (DEFAULT_YEARS["visit"], DEFAULT_YEARS["inbound_email"]) == (2, 1)


def test_anonymised_after_its_period_not_before_and_once(built, django_capture_on_commit_callbacks):
    case = built.case
    counts = built.counts(case)
    assert built.secret in _personal(built)
    assert _run(built.early) == 0
    assert not Anonymisation.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert _run(built.due) == 1
    done = Anonymisation.objects.get()
    assert (done.kind, done.case_id, done.why) == (built.kind, case.pk, "schedule")
    assert done.reference == case_kind(built.kind).cases().get(pk=case.pk).reference
    left = _personal(built)
    assert built.secret not in left and "Elm Road" not in left and "mary.jones" not in left
    fresh = type(case)._default_manager.get(pk=case.pk)
    assert built.counts(fresh) == counts  # the report's counts stay
    # People read as their role; nobody is named as the one who acted.
    assert (
        not audit_trail_for(fresh)
        .exclude(action__startswith="retention.")
        .filter(actor__isnull=False)
    )
    assert audit_verify() == []
    assert _run(built.due) == 0  # the second night's run finds nothing left
    assert Anonymisation.objects.count() == 1


def test_not_under_a_legal_hold(built, monitoring_officer):
    kind = case_kind(built.kind)
    reference = kind.cases().get(pk=built.case.pk).reference
    found_kind, case = case_by_reference(reference.lower())
    assert (found_kind.kind, case.pk) == (built.kind, built.case.pk)
    hold = legal_hold_set(actor=monitoring_officer, kind=built.kind, case=case, reason="Claim")
    assert hold.reference == reference
    assert _run(built.due) == 0
    assert built.secret in _personal(built)
    legal_hold_lift(actor=monitoring_officer, hold=hold, reason="Settled")
    assert _run(built.due) == 1
    assert audit_verify() == []


def _unzip(data: bytes) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


def test_found_by_subject_access_and_erased(built, democratic_services):
    reference = case_kind(built.kind).cases().get(pk=built.case.pk).reference
    subject = person_subject(democratic_services, built.party.pk)
    files = _unzip(subject_access_export(actor=democratic_services, subject=subject)[1])
    rows = json.loads(files[f"{built.kind}.json"])
    assert [row["reference"] for row in rows] == [reference]
    assert [case.reference for _, case in erasure_plan(subject).to_anonymise] == [reference]
    with clock_at(built.due):  # its date has come: an erasure takes it
        erasure = person_erase(
            actor=democratic_services, subject=subject, lawful_basis="Asked", confirmed=True
        )
    assert erasure.cases_anonymised == 1
    assert Anonymisation.objects.get().why == "erasure"
    assert built.secret not in _personal(built)
    assert audit_verify() == []


def test_an_email_is_found_by_its_sender_and_erased_for_them(org, democratic_services):
    built = build(org, "inbound_email")
    [sender] = people_matching(democratic_services, "Mary.Jones@example.org").senders
    assert (sender["from_name"], sender["pk"]) == ("Someone", built.case.pk)
    assert people_matching(democratic_services, "someone").senders == [sender]
    subject = sender_subject(democratic_services, sender["pk"])
    files = _unzip(subject_access_export(actor=democratic_services, subject=subject)[1])
    [row] = json.loads(files["inbound_email.json"])
    assert NAME in row["text"]
    assert f"files/EMAIL-{built.case.pk}.eml" in files
    erasure = person_erase(
        actor=democratic_services, subject=subject, lawful_basis="Asked", confirmed=True
    )
    assert erasure.cases_anonymised == 1 and erasure.subject == f"sender:{built.case.pk}"
    assert NAME not in _personal(built)
    assert not people_matching(democratic_services, "someone").senders  # nothing left


def test_a_visit_still_to_come_is_kept_by_an_erasure(org, democratic_services, councillor):
    built = build(org, "visit")
    with clock_at(built.case.starts_at.replace(day=5)):
        plan = erasure_plan(person_subject(democratic_services, councillor.pk))
    assert [case.pk for _, case in plan.open_cases] == [built.case.pk]
    assert not plan.to_anonymise


def test_the_pages_show_the_new_kinds(org, client_for, democratic_services, councillor):
    visit = build(org, "visit").case
    email = build(org, "inbound_email").case
    client = client_for(democratic_services)
    schedule = client.get(reverse("retention:schedule")).content.decode()
    for kind in RecordKind:
        assert escape(kind.label) in schedule
        assert reverse("retention:rule_change", args=[kind.value]) in schedule
    change = client.get(reverse("retention:rule_change", args=["inbound_email"]))
    assert escape(RecordKind.INBOUND_EMAIL.label) in change.content.decode()
    client.post(
        reverse("retention:rule_change", args=["visit"]), {"keep_years": "3", "reason": "Policy"}
    )
    assert RetentionRule.objects.get(kind="visit").keep_years == 3
    page = client.get(reverse("retention:person", args=[councillor.pk])).content.decode()
    assert f"VISIT-{visit.pk}" in page
    assert reverse("visits:detail", args=[visit.pk]) in page
    search = client.get(reverse("retention:search"), {"q": "mary.jones@example.org"})
    assert reverse("retention:sender", args=[email.pk]) in search.content.decode()
    page = client.get(reverse("retention:sender", args=[email.pk])).content.decode()
    assert f"EMAIL-{email.pk}" in page
    assert reverse("retention:sender_download", args=[email.pk]) in page
    assert client.get(reverse("retention:sender_erase", args=[email.pk])).status_code == 200
    client.post(reverse("retention:hold_new"), {"reference": f"visit-{visit.pk}", "reason": "FOI"})
    assert LegalHold.objects.in_force().get().case_id == visit.pk
    assert f"VISIT-{visit.pk}" in client.get(reverse("retention:holds")).content.decode()
    missing = client.post(reverse("retention:hold_new"), {"reference": "VISIT-0", "reason": "x"})
    assert "Enter the reference of a case that exists" in missing.content.decode()
