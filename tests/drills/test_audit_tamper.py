"""Drill: the audit trail cannot be changed through the product, and tampering behind its back
(raw SQL, as someone with database access could) is found by `manage.py audit_verify`.

The chain's hashes are unkeyed: whoever can write to the table can cut events off its end or
recompute every hash after an edit. The anchor (an event's id and hash, printed by each
verify run and kept outside the database) catches both for everything up to that event.
"""

import inspect
import re
import sys

import pytest
from django.contrib import admin
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from protocol_site.audit import audit_head, audit_record, audit_verify
from protocol_site.models import AuditEvent
from protocol_site.models.audit import AuditTrailIsAppendOnly
from tests.protocol_site.factories import UserFactory

pytestmark = [pytest.mark.drill, pytest.mark.django_db]
TABLE = AuditEvent._meta.db_table


@pytest.fixture
def root(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def events(root):
    return [
        audit_record(actor=root, action=f"drill.step{i}", obj=root, summary=f"Step {i}")
        for i in range(5)
    ]


def _raw(sql: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _state() -> list[tuple]:
    return list(AuditEvent.objects.order_by("id").values_list())


# Through the product -------------------------------------------------------------------------


def test_the_admin_shows_the_trail_but_cannot_add_change_or_delete(client_for, root, events):
    client = client_for(root)
    before = _state()
    event = events[2]
    url = {
        name: reverse(f"admin:protocol_site_auditevent_{name}", args=args)
        for name, args in [
            ("changelist", []),
            ("add", []),
            ("change", [event.pk]),
            ("delete", [event.pk]),
            ("history", [event.pk]),
        ]
    }
    assert client.get(url["changelist"]).status_code == 200
    page = client.get(url["change"])
    assert page.status_code == 200  # a read-only view
    assert 'name="_save"' not in page.content.decode()
    assert client.get(url["history"]).status_code == 200
    assert client.get(url["add"]).status_code == 403
    assert client.post(url["add"], {"action": "forged", "summary": "x"}).status_code == 403
    assert client.post(url["change"], {"action": "x", "summary": "edited"}).status_code == 403
    assert client.get(url["delete"]).status_code == 403
    assert client.post(url["delete"], {"post": "yes"}).status_code == 403
    model_admin = admin.site._registry[AuditEvent]
    request = client.get(url["changelist"]).wsgi_request
    assert "delete_selected" not in model_admin.get_actions(request)
    client.post(
        url["changelist"],
        {"action": "delete_selected", "_selected_action": [e.pk for e in events], "post": "yes"},
    )
    assert _state() == before
    assert audit_verify() == []


def test_the_model_refuses_every_change_and_deletion(root, events):
    event = events[0]
    event.summary = "rewritten"
    attempts = [
        event.save,
        event.delete,
        lambda: AuditEvent.objects.filter(pk=event.pk).update(summary="x"),
        lambda: AuditEvent.objects.bulk_update([event], ["summary"]),
        lambda: AuditEvent.objects.all().delete(),
    ]
    for attempt in attempts:
        with pytest.raises(AuditTrailIsAppendOnly), transaction.atomic():
            attempt()
    with pytest.raises(ProtectedError), transaction.atomic():
        root.delete()  # nor do they go with the person who acted
    assert audit_verify() == []


def _url_views():
    """Every view reachable by a URL (the admin's are tested above)."""
    stack = list(get_resolver().url_patterns)
    while stack:
        entry = stack.pop()
        if isinstance(entry, URLResolver):
            if entry.app_name != "admin":
                stack.extend(entry.url_patterns)
        elif isinstance(entry, URLPattern):
            callback = entry.callback
            yield getattr(callback, "view_class", None) or getattr(callback, "cls", callback)


def test_no_page_writes_the_audit_table_behind_the_models_back():
    """The model refuses updates and deletes, so only raw SQL could: no module behind a URL
    names the audit table."""
    names = re.compile(rf"{TABLE}|AuditEvent\._meta\.db_table|AuditEvent\._base_manager")
    modules = {sys.modules[view.__module__] for view in _url_views()}
    offending = [
        module.__name__
        for module in modules
        if module.__name__.split(".")[0] not in ("django", "rest_framework", "drf_spectacular")
        and names.search(inspect.getsource(module))
    ]
    assert len(modules) > 20
    assert offending == []


# Behind the product's back -------------------------------------------------------------------


def test_an_edited_event_is_found(events):
    _raw(f"UPDATE {TABLE} SET summary = %s WHERE id = %s", ["Nothing happened", events[2].pk])
    assert audit_verify() == [f"event {events[2].pk}: its content was changed"]


def test_a_deleted_event_is_found(events):
    _raw(f"DELETE FROM {TABLE} WHERE id = %s", [events[2].pk])
    assert audit_verify() == [f"event {events[3].pk}: the event before it was changed or deleted"]


def test_an_inserted_event_is_found(root, events):
    # Ids leave gaps (a rolled-back transaction uses one up); the forger writes into one.
    _raw(f"UPDATE {TABLE} SET id = id + 100 WHERE id > %s", [events[2].pk])
    assert audit_verify() == []  # ids are not part of the chain, only their order
    forged = AuditEvent(
        at=events[2].at,
        actor=root,
        action="drill.forged",
        summary="Approved the contract",
        prev_hash="f" * 64,  # the real link (events[2].hash) is taken: prev_hash is unique
    )
    forged.hash = forged.compute_hash()
    _raw(
        f"INSERT INTO {TABLE} (id, at, actor_id, action, object_id, object_repr, summary, "
        "prev_hash, hash) VALUES (%s, %s, %s, %s, '', '', %s, %s, %s)",
        [events[2].pk + 1, forged.at, root.pk, forged.action, forged.summary]
        + [forged.prev_hash, forged.hash],
    )
    assert audit_verify() == [
        f"event {events[2].pk + 1}: the event before it was changed or deleted",
        f"event {events[3].pk + 100}: the event before it was changed or deleted",
    ]


def test_an_event_added_at_the_end_with_a_made_up_hash_is_found(root, events):
    _raw(
        f"INSERT INTO {TABLE} (at, actor_id, action, object_id, object_repr, summary, prev_hash, "
        "hash) VALUES (%s, %s, 'drill.forged', '', '', 'Approved', %s, %s)",
        [events[-1].at, root.pk, events[-1].hash, "0" * 63 + "1"],
    )
    problems = audit_verify()
    assert len(problems) == 1 and problems[0].endswith("its content was changed")


def test_events_cut_off_the_end_are_found_with_the_anchor(events):
    anchor = audit_head()
    assert anchor == (events[-1].pk, events[-1].hash)
    _raw(f"DELETE FROM {TABLE} WHERE id >= %s", [events[3].pk])
    assert audit_verify() == []  # what is left is a perfect chain
    gone = f"event {events[-1].pk}: the anchor is gone (events were deleted)"
    assert audit_verify(anchor) == [gone]


def test_an_edit_with_every_later_hash_recomputed_is_found_with_the_anchor(events):
    anchor = audit_head()
    _raw(f"UPDATE {TABLE} SET summary = %s WHERE id = %s", ["Nothing happened", events[1].pk])
    previous = events[0].hash
    for event in AuditEvent.objects.filter(pk__gte=events[1].pk).order_by("id"):
        event.prev_hash = previous
        previous = event.compute_hash()
        _raw(
            f"UPDATE {TABLE} SET prev_hash = %s, hash = %s WHERE id = %s",
            [event.prev_hash, previous, event.pk],
        )
    assert audit_verify() == []  # a forger who knows the algorithm can rebuild the chain
    assert audit_verify(anchor) == [
        f"event {events[-1].pk}: the anchor's hash differs (the trail was rewritten)"
    ]


def test_the_verify_command_prints_an_anchor_and_checks_it(events, capsys):
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "Audit trail intact: 5 events." in out
    anchor = f"{events[-1].pk}:{events[-1].hash}"
    assert f"--anchor {anchor}" in out
    call_command("audit_verify", anchor=anchor)
    _raw(f"DELETE FROM {TABLE} WHERE id = %s", [events[-1].pk])
    with pytest.raises(CommandError, match="tampered with"):
        call_command("audit_verify", anchor=anchor)
    with pytest.raises(CommandError, match="ID:HASH"):
        call_command("audit_verify", anchor="last-tuesday")


# Redaction (retention and erasure) -----------------------------------------------------------


def _redact(events, root, **values):
    from protocol_site.audit import audit_redact

    with transaction.atomic():
        return audit_redact(events, redact=lambda e: values, actor=root, reason="drill")


def test_a_redacted_event_still_verifies_and_keeps_no_text(root, events):
    redaction = _redact(events[1:3], root, summary="", object_repr="A person", actor=None)
    assert redaction.action == "audit.redacted"
    assert audit_verify() == []
    for event in AuditEvent.objects.filter(pk__in=[events[1].pk, events[2].pk]):
        assert (event.summary, event.object_repr, event.actor_id) == ("", "A person", None)
        assert event.hash != event.compute_hash()  # the chain hash is of what was written
    assert "Step 1" not in str(redaction.after)  # the redaction records no text either
    # Redacted again (an erasure after retention): the latest seal is the one checked.
    _redact(events[1:2], root, summary="Removed")
    assert audit_verify() == []


def test_an_edit_to_a_redacted_event_is_found(root, events):
    _redact(events[1:2], root, summary="")
    _raw(f"UPDATE {TABLE} SET summary = %s WHERE id = %s", ["Put back", events[1].pk])
    assert audit_verify() == [f"event {events[1].pk}: its content was changed"]


def test_an_edit_dressed_up_as_a_redaction_is_found(root, events):
    """Editing a seal into a redaction event (to cover an edit of another row) breaks the
    redaction event's own hash."""
    redaction = _redact(events[1:2], root, summary="")
    _raw(f"UPDATE {TABLE} SET summary = %s WHERE id = %s", ["Forged", events[3].pk])
    forged = AuditEvent.objects.get(pk=events[3].pk)
    after = dict(redaction.after)
    after["seals"] = {**after["seals"], forged.hash: forged.compute_seal()}
    import json

    _raw(f"UPDATE {TABLE} SET after = %s WHERE id = %s", [json.dumps(after), redaction.pk])
    assert audit_verify() == [f"event {redaction.pk}: its content was changed"]


def test_a_redaction_event_cannot_itself_be_redacted(root, events):
    redaction = _redact(events[1:2], root, summary="")
    assert _redact([redaction], root, summary="") is None
    assert audit_verify() == []


def test_a_tampered_event_is_not_redacted(root, events):
    from protocol_site.audit import AuditTrailBroken

    _raw(f"UPDATE {TABLE} SET summary = %s WHERE id = %s", ["Forged", events[2].pk])
    with pytest.raises(AuditTrailBroken):
        _redact(events[1:3], root, summary="")
    assert AuditEvent.objects.get(pk=events[1].pk).summary == "Step 1"  # nothing rewritten
    assert audit_verify() == [f"event {events[2].pk}: its content was changed"]


def test_the_verify_command_counts_redactions(root, events, capsys):
    _redact(events[:2], root, summary="")
    call_command("audit_verify")
    out = capsys.readouterr().out
    assert "Audit trail intact: 6 events." in out
    assert "Redactions recorded in the trail: 1 " in out
