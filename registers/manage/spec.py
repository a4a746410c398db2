"""The shape of a register's description: what the generic organisation views need to list,
show, search and save one kind of record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model

from .. import services


@dataclass(frozen=True)
class Column:
    """A value shown for a record: `value` is a dotted path ("user.email") or a callable."""

    label: str
    value: str | Callable[[Model], object]
    link: str | None = None  # a register key: link the value to that register's record


@dataclass(frozen=True)
class Related:
    """A table of related records on a record's page, e.g. a group's members."""

    heading: str
    rows: Callable[[Model], object]  # obj -> queryset (with its select_related)
    columns: tuple[Column, ...]
    register: str | None = None  # the first column links to this register's records
    empty: str = "None."


@dataclass(frozen=True)
class Register:
    key: str  # the model name: URL names are "manage:<key>_list" and so on
    path: str  # URL segment
    model: type[Model]
    form: type | None  # None for a read-only register
    plural: str
    singular: str  # "a post", "an officer": used in "Add a post"
    columns: tuple[Column, ...]
    detail_fields: tuple[Column, ...]
    ordering: tuple[str, ...]
    search_fields: tuple[str, ...] = ()
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    annotate: dict = field(default_factory=dict)
    related: tuple[Related, ...] = ()
    save: Callable = services.register_entry_save
    deletable: bool = False
    description: str = ""
    search_hint: str = "Words in the name"
    # Only the entries matching these lookups belong to the register (e.g. restricted posts).
    scope: dict = field(default_factory=dict)
    # A read-only register lists and exports what is kept elsewhere: no add or change pages
    # here, and each row opens the record's own page (`record_url_name`).
    read_only: bool = False
    record_url: str | None = None
    # The spreadsheet's columns; by default the record's details, then the list's other columns.
    export_columns: tuple[Column, ...] = ()

    @property
    def plural_lower(self) -> str:
        return self.plural.lower()

    @property
    def noun(self) -> str:
        return self.singular.split(" ", 1)[1]

    def url_name(self, action: str) -> str:
        return f"manage:{self.key}_{action}"

    @property
    def list_url_name(self) -> str:
        return self.url_name("list")

    @property
    def add_url_name(self) -> str:
        return self.url_name("add")

    @property
    def detail_url_name(self) -> str:
        return self.url_name("detail")

    @property
    def record_url_name(self) -> str:
        """Where one entry is shown: its page here, or where a read-only register's entries live."""
        return self.record_url or self.detail_url_name

    @property
    def export_url_name(self) -> str:
        return self.url_name("export")

    @property
    def csv_columns(self) -> tuple[Column, ...]:
        if self.export_columns:
            return self.export_columns
        labels = {column.label for column in self.detail_fields}
        return (*self.detail_fields, *(c for c in self.columns if c.label not in labels))

    @property
    def edit_url_name(self) -> str:
        return self.url_name("edit")

    @property
    def delete_url_name(self) -> str:
        return self.url_name("delete")
