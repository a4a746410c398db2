from datetime import date

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from protocol_site.audit import audit_record, audit_trail_for, audit_verify, changes, snapshot
from protocol_site.models import AuditEvent, ClosureDay
from protocol_site.models.audit import AuditTrailIsAppendOnly

pytestmark = pytest.mark.django_db


@pytest.fixture
def closure():
    return ClosureDay.objects.create(date=date(2026, 12, 24), reason="Christmas closure")


def test_record_links_the_event_to_its_object_and_chain(closure, outsider):
    first = audit_record(actor=outsider, action="test.created", obj=closure, after={"a": 1})
    second = audit_record(actor=None, action="test.changed", obj=closure, summary="moved")
    assert first.prev_hash == "0" * 64
    assert second.prev_hash == first.hash
    assert [e.action for e in audit_trail_for(closure)] == ["test.created", "test.changed"]
    assert audit_verify() == []


def test_events_cannot_be_changed_or_deleted_through_the_orm(closure):
    event = audit_record(actor=None, action="test.created", obj=closure)
    event.summary = "rewritten"
    with pytest.raises(AuditTrailIsAppendOnly):
        event.save()
    with pytest.raises(AuditTrailIsAppendOnly):
        event.delete()
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.filter(pk=event.pk).update(summary="x")
    with pytest.raises(AuditTrailIsAppendOnly):
        AuditEvent.objects.all().delete()


def _raw(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_tampering_behind_the_products_back_is_detected(closure):
    events = [audit_record(actor=None, action=f"test.{i}", obj=closure) for i in range(4)]
    _raw("UPDATE protocol_site_auditevent SET summary = %s WHERE id = %s", ["forged", events[1].pk])
    problems = audit_verify()
    assert any(f"event {events[1].pk}: its content" in p for p in problems)

    _raw("DELETE FROM protocol_site_auditevent WHERE id = %s", [events[2].pk])
    problems = audit_verify()
    assert any(f"event {events[3].pk}: the event before it" in p for p in problems)
    with pytest.raises(CommandError):
        call_command("audit_verify")


def test_verify_command_reports_an_intact_trail(closure, capsys):
    audit_record(actor=None, action="test.created", obj=closure)
    call_command("audit_verify")
    assert "Audit trail intact: 1 events." in capsys.readouterr().out


def test_a_failure_after_the_write_leaves_no_audit_row(closure):
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(actor=None, action="test.created", obj=closure)
        raise RuntimeError("the service failed after writing")
    assert AuditEvent.objects.count() == 0


def test_snapshot_and_changes_keep_only_what_changed(closure):
    before = snapshot(closure)
    closure.reason = "Extra closure"
    after = snapshot(closure)
    old, new = changes(before, after)
    assert old == {"reason": "Christmas closure"}
    assert new == {"reason": "Extra closure"}
    assert before["date"] == "2026-12-24"
