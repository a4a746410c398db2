"""Each kind of case the retention schedule covers, declared once: which of its cases have
ended before a moment, which a person is party to, who is who on one (their role, which
replaces their name), and what of it is personal (its text, its files).

Subject access, the nightly anonymisation and erasure all read this one registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import models

from ..models import RecordKind


@dataclass(frozen=True)
class CaseKind:
    kind: RecordKind
    model: type[models.Model]
    # Cases that ended before `cutoff` (and so have passed a period counted from then).
    ended_before: Callable[[datetime], models.Q]
    # Cases `user` is party to: named on them, wrote on their timeline, or was told of them.
    party_to: Callable[[object], models.Q]
    # {user id: "the handling officer"}: the role that replaces each person's name.
    roles: Callable[[models.Model], dict[int, str]]
    # Wipe the case's personal text and remove its files' rows; returns the files' storage
    # names, deleted once the transaction commits.
    wipe: Callable[[models.Model], list]
    # The case as the subject access export writes it: plain values, no objects.
    export: Callable[[models.Model], dict]
    # The case's timeline rows (for the export): a related name on the model.
    timeline: str
    # The page that shows the case (for links): a URL name taking its pk.
    url_name: str

    @property
    def label(self) -> str:
        return self.kind.label

    def cases(self):
        return self.model._default_manager.all()


def role_of(roles: dict[int, str], user_id: int | None, default: str = "a council user") -> str:
    return roles.get(user_id, default) if user_id else "the system"


def _registry() -> dict[str, CaseKind]:
    from .briefings import BRIEFINGS
    from .complaints import COMPLAINTS
    from .declarations import DECLARATIONS
    from .enquiries import ENQUIRIES

    return {k.kind.value: k for k in (ENQUIRIES, COMPLAINTS, DECLARATIONS, BRIEFINGS)}


def case_kinds() -> list[CaseKind]:
    return list(_registry().values())


def case_kind(kind: str) -> CaseKind:
    return _registry()[kind]


def file_names(files) -> list[str]:
    """The storage names of FileField values (or their names) that hold a file."""
    return [getattr(f, "name", f) for f in files if f]


def stamp(value) -> str | None:
    return value.isoformat() if value is not None else None
