"""Each kind of case the retention schedule covers, declared once: which of its cases have
ended before a moment, which a person is party to, who is who on one (their role, which
replaces their name), and what of it is personal (its text, its files).

Subject access, the nightly anonymisation and erasure all read this one registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.db.models import CharField, Q, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils import timezone

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
    # The page that shows the case (for links): a URL name taking its pk.
    url_name: str
    # The case's timeline rows (for the export): a related name on the model, if it has one.
    timeline: str | None = None
    # Which of the model's rows are this kind's (all of them, unless said).
    scope: Q | None = None
    # A record with no reference of its own is known by this word and its number
    # ("VISIT-42"): in legal holds, the subject access pages and the anonymisations.
    prefix: str = ""
    # The cases about a constituent, from every record of their details (ConstituentDetails)
    # and every email address they are known by; None: this kind holds no constituent's details.
    of_constituent: Callable[[models.QuerySet, list[str]], Q] | None = None

    @property
    def label(self) -> str:
        return self.kind.label

    def cases(self):
        cases = self.model._default_manager.all()
        if self.scope is not None:
            cases = cases.filter(self.scope)
        if self.prefix:
            cases = cases.annotate(
                reference=Concat(
                    Value(f"{self.prefix}-"),
                    Cast("pk", output_field=CharField()),
                    output_field=CharField(),
                )
            )
        return cases

    def find(self, reference: str):
        """The case with this reference, or None."""
        reference = reference.strip().upper()
        if not self.prefix:
            return self.cases().filter(reference__iexact=reference).first()
        word, _, number = reference.partition("-")
        if word != self.prefix or not number.isdigit() or len(number) > 18:
            return None
        return self.cases().filter(pk=int(number)).first()

    def url(self, case) -> str:
        return reverse(self.url_name, args=[case.pk])


def role_of(roles: dict[int, str], user_id: int | None, default: str = "a council user") -> str:
    return roles.get(user_id, default) if user_id else "the system"


def _registry() -> dict[str, CaseKind]:
    from .advice import ADVICE, LOBBYING
    from .briefings import BRIEFINGS
    from .complaints import COMPLAINTS
    from .declarations import DECLARATIONS
    from .enquiries import ENQUIRIES
    from .inbox import INBOUND_EMAILS
    from .notices import MEMBER_MEETINGS, WARD_NOTICES
    from .registers import TRAINING, VISITS

    kinds = (
        ENQUIRIES,
        COMPLAINTS,
        DECLARATIONS,
        BRIEFINGS,
        ADVICE,
        LOBBYING,
        MEMBER_MEETINGS,
        WARD_NOTICES,
        VISITS,
        TRAINING,
        INBOUND_EMAILS,
    )
    return {k.kind.value: k for k in kinds}


def case_kinds() -> list[CaseKind]:
    return list(_registry().values())


def case_kind(kind: str) -> CaseKind:
    return _registry()[kind]


def file_names(files) -> list[str]:
    """The storage names of FileField values (or their names) that hold a file."""
    return [getattr(f, "name", f) for f in files if f]


def stamp(value) -> str | None:
    return value.isoformat() if value is not None else None


def passed(field: str, cutoff: datetime, *, day: bool = False) -> Q:
    """Records whose date (`field`, a moment or with `day` a date) is before `cutoff` and has
    come: a visit or a meeting still to come has not ended, however far an erasure's cutoff
    reaches."""
    moment = min(cutoff, timezone.now())
    return Q(**{f"{field}__lt": timezone.localdate(moment) if day else moment})


def wipe_text(case: models.Model, blank: tuple[str, ...] = (), **values) -> None:
    """Blank the fields `blank` and set `values`, on the case's row and on every row of its
    field history (which keeps each earlier wording), as plain updates: no new history row,
    no signal."""
    change = {**dict.fromkeys(blank, ""), **values}
    type(case)._default_manager.filter(pk=case.pk).update(**change)
    history = getattr(case, "history", None)
    if history is not None:
        history.update(**change)
