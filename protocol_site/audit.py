"""The append-only audit trail: services call `audit_record` inside their transaction."""

import json
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.forms.models import model_to_dict

from .models import AuditEvent

GENESIS = "0" * 64
# Any constant: serialises writers of the chain on PostgreSQL until their transaction ends.
_CHAIN_LOCK_KEY = 7_304_211


def _plain(value):
    """Round-trip through JSON so the hash covers exactly what the database will return."""
    if value is None:
        return None
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder, sort_keys=True))


def snapshot(instance: models.Model, fields: Iterable[str] | None = None) -> dict:
    """The audit view of a record: its concrete fields, foreign keys as ids."""
    data = model_to_dict(instance, fields=fields)
    for key, value in list(data.items()):
        if isinstance(value, models.Model):
            data[key] = value.pk
        elif (
            isinstance(value, list | tuple | set)
            and value
            and isinstance(next(iter(value)), models.Model)
        ):
            data[key] = sorted(item.pk for item in value)
    return _plain(data)


def changes(before: dict | None, after: dict | None) -> tuple[dict | None, dict | None]:
    """Only the fields that changed, on both sides."""
    if before is None or after is None:
        return before, after
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after.get(k) for k in keys}


def audit_record(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    summary: str = "",
    before: dict | None = None,
    after: dict | None = None,
) -> AuditEvent:
    """Append one event to the trail. Must run inside the caller's transaction (and fails it
    if it fails: no savepoint of its own)."""
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        event = AuditEvent(
            actor=actor if getattr(actor, "pk", None) else None,
            action=action,
            object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False)
            if obj is not None
            else None,
            object_id=str(obj.pk) if obj is not None else "",
            object_repr=str(obj)[:250] if obj is not None else "",
            summary=summary,
            before=_plain(before),
            after=_plain(after),
            prev_hash=last or GENESIS,
        )
        event.hash = event.compute_hash()
        event.save()
    return event


def audit_trail_for(obj: models.Model):
    """The events about one record, oldest first."""
    return AuditEvent.objects.filter(
        object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    ).select_related("actor")


def audit_head() -> tuple[int, str] | None:
    """The last event's id and hash. Written down outside the database (the verify command
    prints it), it lets a later check prove nothing up to that event was cut off or rewritten,
    which the chain alone cannot: its hashes are unkeyed, so whoever can write to the table
    can delete events from its end, or recompute every hash after an edit."""
    return AuditEvent.objects.order_by("-id").values_list("id", "hash").first()


def audit_verify(anchor: tuple[int, str] | None = None) -> list[str]:
    """Walk the chain; return a description of every break (empty when intact).

    With an `anchor` (an earlier audit_head()), also check that event is still there, unchanged.
    """
    problems = []
    expected_prev = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != expected_prev:
            problems.append(f"event {event.pk}: the event before it was changed or deleted")
        if event.compute_hash() != event.hash:
            problems.append(f"event {event.pk}: its content was changed")
        expected_prev = event.hash
    if anchor is not None:
        pk, recorded = anchor
        found = AuditEvent.objects.filter(pk=pk).values_list("hash", flat=True).first()
        if found is None:
            problems.append(f"event {pk}: the anchor is gone (events were deleted)")
        elif found != recorded:
            problems.append(f"event {pk}: the anchor's hash differs (the trail was rewritten)")
    return problems
