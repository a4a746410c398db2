"""Steps on many cases at once (a sweep's batch): each planned in memory as it would be taken
one at a time, then the batch's timeline rows, audit events and emails written in a few
statements, in the caller's transaction.

Each step still happens exactly once: the caller holds the cases' row locks (`lock_many`)
and plans only steps whose unique timeline key is not taken; the emails' dedupe keys make a
repeat write nothing, as `notify` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection, models

from protocol_site.audit import audit_record_many
from protocol_site.outbox_many import Email, email_users_many

from .kit import audit_entry, timeline_row


@dataclass
class Planned:
    """One step planned on a case: its timeline row and audit event, and its emails."""

    row: models.Model
    audit: dict
    emails: list[Email] = field(default_factory=list)


def plan_event(
    case: models.Model,
    kind: str,
    *,
    actor=None,
    detail: str = "",
    show_actor: bool = True,
    audit: dict | None = None,
    before: dict | None = None,
    row: dict | None = None,
    emails: Iterable[Email] = (),
    **fields,
) -> Planned:
    """`record_event`'s row and audit event, not yet written: the case's audited fields are
    read now, as the step leaves them."""
    return Planned(
        row=timeline_row(
            case, kind, actor=actor, detail=detail, show_actor=show_actor, row=row, **fields
        ),
        audit=audit_entry(
            case, kind, actor=actor, summary=detail, before=before, **fields, **(audit or {})
        ),
        emails=list(emails),
    )


def record_planned(planned: Iterable[Planned]) -> int:
    """Write the planned steps: their timeline rows (one statement a kind of case), their
    audit events (chained in order) and their emails. Returns the steps written."""
    planned = list(planned)
    by_model: dict[type, list[models.Model]] = {}
    for step in planned:
        by_model.setdefault(type(step.row), []).append(step.row)
    for model, rows in by_model.items():
        model._default_manager.bulk_create(rows, batch_size=500)
    audit_record_many(step.audit for step in planned)
    email_users_many(email for step in planned for email in step.emails)
    return len(planned)


def lock_many(cases: models.QuerySet, *related: str) -> models.QuerySet:
    """`cases` under their row locks, with `related` joined, skipping any someone else holds
    right now (another sweeper takes them; one a person is changing is still due next time):
    a batch's read of cases that may have moved on since they were found due. Call inside a
    transaction."""
    return cases.select_for_update(of=("self",), skip_locked=True).select_related(*related)


def save_many(cases: list[models.Model], fields: Iterable[str]) -> None:
    """`save(update_fields=fields)` for many cases of one model in one statement (on
    PostgreSQL, an UPDATE from a list of values: Django's bulk_update builds a CASE of every
    row for every field, which costs more to build than to run)."""
    if not cases:
        return
    model = type(cases[0])
    columns = [model._meta.get_field(name) for name in fields]
    if connection.vendor != "postgresql":
        model._default_manager.bulk_update(cases, [f.name for f in columns], batch_size=500)
        return
    pk = model._meta.pk
    table = connection.ops.quote_name(model._meta.db_table)
    names = [pk.column, *(field.column for field in columns)]
    types = [pk.db_type(connection), *(field.db_type(connection) for field in columns)]
    quoted = [connection.ops.quote_name(name) for name in names]
    row = "(" + ", ".join(f"CAST(%s AS {kind})" for kind in types) + ")"
    assignments = ", ".join(f"{name} = v.{name}" for name in quoted[1:])
    with connection.cursor() as cursor:
        for start in range(0, len(cases), 500):
            chunk = cases[start : start + 500]
            params = []
            for case in chunk:
                params.append(pk.get_db_prep_value(case.pk, connection))
                for field in columns:
                    value = getattr(case, field.attname)
                    params.append(field.get_db_prep_value(value, connection))
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([row] * len(chunk))})"
                f" AS v({', '.join(quoted)}) WHERE {table}.{quoted[0]} = v.{quoted[0]}",
                params,
            )
