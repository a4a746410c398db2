"""REG-4: any register in the registry as a spreadsheet (CSV), streamed row by row, in the
kernel's safe format (protocol_site.spreadsheet)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Model
from django.utils import timezone

from .selectors import entries_for, resolve
from .spec import Register

CHUNK_SIZE = 500


def register_table(register: Register, q: str = "") -> tuple[list[str], Iterator[list]]:
    """The header, and one row per entry (the list's search applied), read in chunks from the
    database with the register's joins: the queries do not grow with the rows."""
    columns = register.csv_columns
    rows = (
        [_value(obj, column.value) for column in columns]
        for obj in entries_for(register, q).iterator(chunk_size=CHUNK_SIZE)
    )
    return [column.label for column in columns], rows


def _value(obj: Model, value):
    found = resolve(obj, value)
    return str(found) if isinstance(found, Model) else found


def filename(register: Register) -> str:
    return f"{register.path}-{timezone.localdate():%Y-%m-%d}.csv"
