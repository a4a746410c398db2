"""The nightly anonymisation: what passed its period loses its personal text and files, once;
the audit trail still verifies; a legal hold stops it; one bad case never stops the rest."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import default_storage

from enquiries.models import ConstituentDetails, Enquiry, EnquiryAttachment, EnquiryEvent
from inbox.models import InboundEmail
from protocol_site.audit import audit_trail_for, audit_verify
from protocol_site.models import AuditEvent
from retention import anonymise as anonymise_module
from retention.anonymise import retention_run
from retention.models import Anonymisation, LegalHold, RetentionRule
from retention.services import legal_hold_lift, legal_hold_set, retention_rule_change
from tests.clock import at

from .helpers import closed_enquiry

pytestmark = pytest.mark.django_db
LATER = at(2033, 3, 3, 3, 0)  # seven years on: past the six-year default


@pytest.fixture
def enquiry(org):
    return closed_enquiry(org)


def _texts(enquiry) -> str:
    enquiry.refresh_from_db()
    rows = [enquiry.subject, enquiry.details, enquiry.response]
    rows += list(EnquiryEvent.objects.filter(enquiry=enquiry).values_list("detail", flat=True))
    for event in audit_trail_for(enquiry):
        rows += [event.summary, event.object_repr, str(event.before), str(event.after)]
    return " ".join(rows)


def test_a_case_past_its_period_is_anonymised_once(enquiry, django_capture_on_commit_callbacks):
    email = InboundEmail.objects.create(
        message_id="<1@example.com>",
        source=InboundEmail.Source.TEST,
        received_at=enquiry.received_at,
        raw=b"From: Mary Jones <mary@example.com>",
        size=36,
        from_address="mary@example.com",
        from_name="Mary Jones",
        subject="My bins",
        text="Mary Jones at 4 Elm Road",
        status=InboundEmail.Status.MESSAGE,
        enquiry=enquiry,
    )
    stored = EnquiryAttachment.objects.get(enquiry=enquiry).file.name
    assert default_storage.exists(stored)
    assert "Mary Jones" in _texts(enquiry)
    with django_capture_on_commit_callbacks(execute=True):
        assert retention_run(now=LATER) == 1
    assert "Mary Jones" not in _texts(enquiry)
    assert "Elm Road" not in _texts(enquiry)
    assert not ConstituentDetails.objects.filter(enquiry=enquiry).exists()
    email.refresh_from_db()
    assert (bytes(email.raw), email.text, email.from_address, email.from_name) == (b"", "", "", "")
    assert not EnquiryAttachment.objects.filter(enquiry=enquiry).exists()
    assert not default_storage.exists(stored)
    assert not EnquiryEvent.objects.filter(enquiry=enquiry, actor__isnull=False).exists()
    enquiry.refresh_from_db()
    assert enquiry.status == "responded" and enquiry.closed_at is not None  # counts kept
    # People read as their role in the trail.
    summaries = [e.summary for e in audit_trail_for(enquiry)]
    assert any("by the councillor" in s for s in summaries)
    assert any("by the handling officer" in s for s in summaries)
    assert audit_verify() == []
    done = Anonymisation.objects.get()
    assert (done.reference, done.why, done.files_removed) == (enquiry.reference, "schedule", 1)
    events = AuditEvent.objects.count()
    assert retention_run(now=LATER) == 0  # run again: nothing more
    assert AuditEvent.objects.count() == events


def test_not_before_its_period(enquiry):
    assert retention_run(now=at(2031, 3, 1, 3, 0)) == 0
    rule = RetentionRule.objects.get(kind="enquiry")
    assert rule.keep_years == 6


def test_a_shorter_period_applies_from_the_next_run(enquiry, democratic_services, councillor):
    rule = RetentionRule.objects.get(kind="enquiry")
    with pytest.raises(PermissionDenied):
        retention_rule_change(actor=councillor, rule=rule, keep_years=2, reason="")
    retention_rule_change(actor=democratic_services, rule=rule, keep_years=2, reason="DPO")
    assert [(h.keep_years, h.history_change_reason) for h in rule.history.all()] == [(2, "DPO")]
    assert retention_run(now=at(2028, 3, 3, 3, 0)) == 1
    assert AuditEvent.objects.filter(action="retention.rule.changed").count() == 1


def test_a_legal_hold_stops_it_until_lifted(enquiry, monitoring_officer, outsider):
    with pytest.raises(PermissionDenied):
        legal_hold_set(actor=outsider, kind="enquiry", case=enquiry, reason="Claim")
    hold = legal_hold_set(
        actor=monitoring_officer, kind="enquiry", case=enquiry, reason="Tribunal claim"
    )
    assert retention_run(now=LATER) == 0
    assert "Mary Jones" in _texts(enquiry)
    legal_hold_lift(actor=monitoring_officer, hold=hold, reason="Claim settled")
    assert LegalHold.objects.in_force().count() == 0
    assert retention_run(now=LATER) == 1
    assert audit_verify() == []


def test_one_bad_case_never_stops_the_rest(org, monkeypatch, caplog):
    bad, good = closed_enquiry(org, name="Ann Bad"), closed_enquiry(org, name="Bob Good")
    kind = anonymise_module.case_kind("enquiry")
    real = kind.wipe

    def flaky(case):
        if case.pk == bad.pk:
            raise RuntimeError("storage down")
        return real(case)

    monkeypatch.setattr(kind.__class__, "wipe", property(lambda self: flaky), raising=False)
    assert retention_run(now=LATER) == 1
    assert f"enquiry {bad.pk}: anonymising failed" in caplog.text
    assert list(Anonymisation.objects.values_list("case_id", flat=True)) == [good.pk]
    assert "Ann Bad" in Enquiry.objects.get(pk=bad.pk).details  # rolled back whole
    monkeypatch.undo()
    assert retention_run(now=LATER) == 1
    assert audit_verify() == []
