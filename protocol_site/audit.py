"""The append-only audit trail: services call `audit_record` inside their transaction.

Rows are chained: each row's hash covers its content and the previous row's hash. Personal
text in old rows can still be removed (retention, erasure) without breaking the chain:
`audit_redact` checks each row against its hash, rewrites only its personal fields, and appends
one "redacted" event whose content lists a *seal* for every row it rewrote (a hash of the row as
it was left, including its chain hash). `audit_verify` accepts a row whose hash no longer
matches its content only when the latest seal recorded for it in the chain does.
"""

import json
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from .models import AuditEvent

GENESIS = "0" * 64
# Any constant: serialises writers of the chain on PostgreSQL until their transaction ends.
_CHAIN_LOCK_KEY = 7_304_211


REDACTED = "audit.redacted"


class AuditTrailBroken(Exception):
    """A row to be redacted does not match its hash or seal: it was tampered with."""


def _lock_chain() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])


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
        _lock_chain()
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


def audit_record_many(entries: Iterable[dict]) -> list[AuditEvent]:
    """Append many events to the trail at once, in order (a sweep's batch): each entry holds
    `audit_record`'s arguments. The chain is locked and its end read once, every hash chained
    in memory, and the rows written in one statement. Runs in the caller's transaction."""
    entries = list(entries)
    if not entries:
        return []
    with transaction.atomic(savepoint=False):
        _lock_chain()
        last = AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first()
        prev = last or GENESIS
        at = timezone.now()
        events = []
        for entry in entries:
            obj, actor = entry.get("obj"), entry.get("actor")
            event = AuditEvent(
                at=at,
                actor=actor if getattr(actor, "pk", None) else None,
                action=entry["action"],
                object_type=ContentType.objects.get_for_model(obj, for_concrete_model=False)
                if obj is not None
                else None,
                object_id=str(obj.pk) if obj is not None else "",
                object_repr=str(obj)[:250] if obj is not None else "",
                summary=entry.get("summary", ""),
                before=_plain(entry.get("before")),
                after=_plain(entry.get("after")),
                prev_hash=prev,
            )
            event.hash = prev = event.compute_hash()
            events.append(event)
        return AuditEvent.objects.bulk_create(events, batch_size=500)


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


def _seals(hashes: Iterable[str] | None = None) -> dict[str, str]:
    """The latest seal the chain records for each redacted row, by the row's hash (all of
    them, or those of `hashes`). Read from the redaction events' content, which the walk of
    the chain checks like any other."""
    redactions = AuditEvent.objects.filter(action=REDACTED).order_by("id")
    if hashes is not None:
        hashes = list(hashes)
        query = models.Q()
        for digest in hashes:
            query |= models.Q(after__seals__has_key=digest)
        redactions = redactions.filter(query) if hashes else redactions.none()
    seals: dict[str, str] = {}
    for after in redactions.values_list("after", flat=True).iterator(chunk_size=500):
        seals.update((after or {}).get("seals") or {})
    return seals


def _intact(event: AuditEvent, seals: dict[str, str]) -> bool:
    """The row is as written, or as its latest redaction left it."""
    if event.compute_hash() == event.hash:
        return True
    return event.action != REDACTED and seals.get(event.hash) == event.compute_seal()


def audit_redact(
    events: Iterable[AuditEvent],
    *,
    redact: Callable[[AuditEvent], dict],
    actor,
    reason: str,
    obj: models.Model | None = None,
) -> AuditEvent | None:
    """Rewrite the personal fields of `events` (AuditEvent.REDACTABLE) with what `redact(event)`
    returns, and record the redaction in the chain. Each row is checked first: a row that was
    tampered with raises AuditTrailBroken and nothing is rewritten. Returns the redaction event
    (None when there was nothing to redact). Runs in the caller's transaction."""
    with transaction.atomic(savepoint=False):
        _lock_chain()  # before reading: two redactions of one row never interleave
        pks = [event.pk for event in events]
        rows = list(AuditEvent.objects.filter(pk__in=pks).exclude(action=REDACTED).order_by("id"))
        seals = _seals(row.hash for row in rows)
        changed: list[tuple[AuditEvent, dict]] = []
        sealed: dict[str, str] = {}
        for row in rows:
            if not _intact(row, seals):
                raise AuditTrailBroken(f"Audit event {row.pk} does not match its hash.")
            values = {key: _plain(value) for key, value in redact(row).items()}
            if set(values) - set(AuditEvent.REDACTABLE):
                raise ValueError(f"Only {AuditEvent.REDACTABLE} can be redacted.")
            if "actor" in values:
                values["actor_id"] = getattr(values.pop("actor"), "pk", None)
            for key, value in values.items():
                setattr(row, key, value)
            if row.compute_hash() == row.hash and row.hash not in seals:
                continue  # nothing personal in it: left as written
            sealed[row.hash] = row.compute_seal()
            changed.append((row, values))
        if not changed:
            return None
        for row, values in changed:
            # The one write to an audit row there is: its queryset refuses every other update.
            models.QuerySet.update(AuditEvent.objects.filter(pk=row.pk), **values)
        return audit_record(
            actor=actor,
            action="audit.redacted",  # REDACTED, written out for the audit words' check
            obj=obj,
            summary=f"{len(changed)} audit events redacted: {reason}"[:500],
            after={"reason": reason, "seals": sealed},
        )


def audit_verify(anchor: tuple[int, str] | None = None) -> list[str]:
    """Walk the chain; return a description of every break (empty when intact). A redacted
    row passes when it matches the latest seal the chain records for it.

    With an `anchor` (an earlier audit_head()), also check that event is still there, unchanged.
    """
    problems = []
    expected_prev = GENESIS
    seals = _seals()
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != expected_prev:
            problems.append(f"event {event.pk}: the event before it was changed or deleted")
        if not _intact(event, seals):
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


def list_downloaded(*, actor, action: str, noun: str, query: str, rows: int) -> None:
    """One audit event for each download of a list (CSV): who, which filters (`query`, the
    list's query string), how many rows of `noun` ("enquiries")."""
    with transaction.atomic():
        audit_record(
            actor=actor,
            action=action,
            summary=f"Downloaded {rows} {noun} as CSV",
            after={"query": query, "rows": rows},
        )
