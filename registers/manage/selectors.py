"""Reads for the organisation administration. Only democratic services reach these pages
(the views check), so the registers are read whole; every list is one query plus a count."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db.models import Model, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import formats, timezone

from protocol_site.audit import audit_trail_for
from protocol_site.audit_words import audit_words, field_label

from .registry import BY_KEY, REGISTERS, Column, Register

HISTORY_LIMIT = 100


def entries_for(register: Register, q: str = "") -> QuerySet:
    """The register's entries, searched and sorted, with what the list shows joined in."""
    queryset = _scoped(register)
    if register.select_related:
        queryset = queryset.select_related(*register.select_related)
    if register.prefetch_related:
        queryset = queryset.prefetch_related(*register.prefetch_related)
    if register.annotate:
        queryset = queryset.annotate(**register.annotate)
    terms = q.split()
    if terms and register.search_fields:
        # Every word must match one of the search fields.
        def matches(term):
            return reduce(or_, (Q(**{f"{f}__icontains": term}) for f in register.search_fields))

        queryset = queryset.filter(reduce(and_, (matches(term) for term in terms)))
    return queryset.order_by(*register.ordering, "pk")


def _scoped(register: Register) -> QuerySet:
    """The register's entries: the whole table, or the part of it the register is about."""
    return register.model._default_manager.filter(**register.scope)


def entry_for(register: Register, pk: int) -> Model:
    queryset = _scoped(register)
    if register.select_related:
        queryset = queryset.select_related(*register.select_related)
    return get_object_or_404(queryset, pk=pk)


def register_counts() -> list[tuple[Register, int]]:
    return [(register, _scoped(register).count()) for register in REGISTERS]


# --- Presenting values ------------------------------------------------------------------


@dataclass
class Cell:
    text: str
    url: str | None = None


def resolve(obj, value):
    if callable(value):
        return value(obj)
    for part in value.split("."):
        if obj is None:
            return None
        try:
            obj = getattr(obj, part)
        except ObjectDoesNotExist:  # an empty reverse one-to-one, e.g. a vacant post's holder
            return None
        if callable(obj) and not isinstance(obj, Model):
            obj = obj()
    return obj


def display(value) -> str:
    if value is None or value == "":
        return "Not set"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        return "; ".join(f"{key} {item}" for key, item in value.items()) or "Not set"
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "j F Y, H:i")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    return str(value)


def cell(obj, column: Column) -> Cell:
    value = resolve(obj, column.value)
    url = None
    if column.link and isinstance(value, Model) and value.pk:
        url = reverse(BY_KEY[column.link].record_url_name, args=[value.pk])
    return Cell(display(value), url)


def row_for(obj, columns, register: Register | None) -> list[Cell]:
    """One table row: the first cell links to the record's own page."""
    cells = [cell(obj, column) for column in columns]
    if register is not None and cells:
        cells[0].url = reverse(register.record_url_name, args=[obj.pk])
    return cells


@dataclass
class RelatedTable:
    heading: str
    caption: str
    headers: list[str]
    rows: list[list[Cell]]
    empty: str


def related_tables(register: Register, obj) -> list[RelatedTable]:
    tables = []
    for related in register.related:
        linked = BY_KEY.get(related.register) if related.register else None
        rows = [row_for(item, related.columns, linked) for item in related.rows(obj)]
        tables.append(
            RelatedTable(
                related.heading,
                f"{related.heading}: {obj}",
                [c.label for c in related.columns],
                rows,
                related.empty,
            )
        )
    return tables


# --- Change history (django-simple-history) ----------------------------------------------


@dataclass
class HistoryEntry:
    when: datetime.datetime
    who: str
    kind: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)


KINDS = {"+": "Created", "~": "Changed", "-": "Deleted"}


def _label_values(records, fields) -> dict:
    """{(field name, raw value): label} for foreign keys and choices, one query per model."""
    labels = {}
    for model_field in fields:
        if not (model_field.is_relation or model_field.choices):
            continue
        values = {getattr(r, model_field.attname) for r in records} - {None, ""}
        if not values:
            continue
        if model_field.is_relation:
            related = model_field.related_model._default_manager.all()
            if hasattr(model_field.related_model, "user"):
                related = related.select_related("user")
            for pk, item in related.in_bulk(values).items():
                labels[(model_field.name, pk)] = str(item)
        elif model_field.choices:
            for value, label in model_field.flatchoices:
                labels[(model_field.name, value)] = str(label)
    return labels


def history_for(obj) -> list[HistoryEntry]:
    """Who changed the record, when, and each field from what to what: newest first."""
    records = list(obj.history.select_related("history_user")[: HISTORY_LIMIT + 1])
    fields = [
        f
        for f in type(obj)._meta.concrete_fields
        if f.editable and not f.primary_key and f.name != "history"
    ]
    labels = _label_values(records, fields)

    def show(model_field, value):
        if model_field.is_relation or model_field.choices:
            return labels.get((model_field.name, value), display(value))
        return display(value)

    entries = []
    for index, record in enumerate(records[:HISTORY_LIMIT]):
        older = records[index + 1] if index + 1 < len(records) else None
        entry = HistoryEntry(
            when=record.history_date,
            who=record.history_user.display_name if record.history_user else "The system",
            kind=KINDS.get(record.history_type, record.history_type),
        )
        if older is not None and record.history_type == "~":
            for model_field in fields:
                old = getattr(older, model_field.attname)
                new = getattr(record, model_field.attname)
                if old != new:
                    entry.changes.append(
                        (
                            str(model_field.verbose_name).capitalize(),
                            show(model_field, old),
                            show(model_field, new),
                        )
                    )
        entries.append(entry)
    return entries


@dataclass
class AuditEntry:
    when: datetime.datetime
    who: str
    what: str  # the event in words ("Declaration confirmed"), never its stored code
    summary: str
    changes: list[tuple[str, str, str]]


def _audit_labels(model, events) -> dict:
    """{(key, raw value): label} for the foreign keys and choices the events recorded, so a
    value reads as the post's title or the choice's label, never an id or a code; one query
    per related model."""
    values: dict[str, set] = {}
    for event in events:
        for side in (event.before or {}, event.after or {}):
            for key, value in side.items():
                items = value if isinstance(value, list) else [value]
                values.setdefault(key, set()).update(item for item in items if _plain(item))
    labels = {}
    for key, raw in values.items():
        try:
            model_field = model._meta.get_field(key)
        except FieldDoesNotExist:
            continue
        ids = {value for value in raw if isinstance(value, int)}  # not names kept as text
        if model_field.is_relation and ids:
            related = model_field.related_model._default_manager.all()
            if hasattr(model_field.related_model, "user"):
                related = related.select_related("user")
            for pk, item in related.in_bulk(ids).items():
                labels[(key, pk)] = str(item)
        elif model_field.choices:
            for value, label in model_field.flatchoices:
                labels[(key, value)] = str(label)
    return labels


def _plain(value) -> bool:
    """An id or a stored code that may have a label (a flag is neither)."""
    return isinstance(value, int | str) and not isinstance(value, bool) and value != ""


def _audit_value(labels: dict, key: str, value) -> str:
    if isinstance(value, list) and value:
        return ", ".join(_audit_value(labels, key, item) for item in value)
    if _plain(value):
        return labels.get((key, value), display(value))
    return display(value)


def audit_events_for(obj) -> list[AuditEntry]:
    """The audit trail's events about the record, newest first, in words: what happened, and
    each value it changed by its field's label."""
    model = type(obj)
    events = list(audit_trail_for(obj).order_by("-at", "-id")[:HISTORY_LIMIT])
    labels = _audit_labels(model, events)
    entries = []
    for event in events:
        before, after = event.before or {}, event.after or {}
        keys = list(after) or list(before)
        entries.append(
            AuditEntry(
                when=event.at,
                who=event.actor.display_name if event.actor else "The system",
                what=audit_words(event.action),
                summary=event.summary,
                changes=[
                    (
                        field_label(model, key),
                        _audit_value(labels, key, before.get(key))
                        if event.before is not None
                        else None,
                        _audit_value(labels, key, after.get(key))
                        if event.after is not None
                        else None,
                    )
                    for key in keys
                ],
            )
        )
    return entries
