"""What every kind of case shares: its row lock, its reference, its timeline (each step a
timeline row and an audit event, always together), its emails and the way it writes dates.

A case model declares:
- `TIMELINE`: the reverse accessor of its timeline rows (e.g. "events");
- `AUDIT_ACTION`: the audit action prefix (e.g. "enquiries.enquiry");
- `AUDIT_FIELDS`: the case's fields every audit event records after the step.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TypeVar

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from protocol_site.audit import audit_record
from protocol_site.outbox import email_users

M = TypeVar("M", bound=models.Model)


def long_date(day: date | datetime) -> str:
    """ "Monday 7 December 2026": how every page and email writes a date in words."""
    if isinstance(day, datetime):
        day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
    return f"{day:%A} {day.day} {day:%B %Y}"


def lock(case: M, *related: str) -> M:
    """Re-read `case` under its row lock (and only its own row), with `related` joined: two
    people acting at once never both win. Call inside a transaction."""
    return (
        type(case)
        ._default_manager.select_for_update(of=("self",))
        .select_related(*related)
        .get(pk=case.pk)
    )


def lock_first(cases: models.QuerySet, *related: str):
    """The first of `cases` under its row lock, with `related` joined, or None: a sweep's
    read of a case that may have moved on since it was found due. Call inside a transaction."""
    return cases.select_for_update(of=("self",)).select_related(*related).first()


def create_with_reference(
    model: type[M], *, prefix: str, on: datetime, history_user=None, **fields
) -> M:
    """Create a case and give it its reference, PREFIX-YYYY-NNNNNN (the year it was received,
    its id): unique without a counter of its own.

    With `history_user`, a case whose field history is kept (django-simple-history) gets one
    history row, by that person, already carrying the reference."""
    case = model(reference=f"new-{uuid.uuid4().hex[:12]}", **fields)
    if history_user is None:
        case.save(force_insert=True)
        case.reference = f"{prefix}-{on:%Y}-{case.pk:06d}"
        case.save(update_fields=["reference"])
        return case
    case._history_user = history_user
    case.save(force_insert=True)
    case.reference = f"{prefix}-{on:%Y}-{case.pk:06d}"
    model._default_manager.filter(pk=case.pk).update(reference=case.reference)
    case.history.update(reference=case.reference)
    return case


def _plain(value):
    return getattr(value, "pk", value)


def audit_entry(
    case: models.Model,
    kind: str,
    *,
    actor=None,
    summary: str = "",
    before: dict | None = None,
    **extra,
) -> dict:
    """`audit_record`'s arguments for a step on a case: the case's own fields as they are now
    (after the step), and `extra`."""
    after = {}
    for name in case.AUDIT_FIELDS:
        field = case._meta.get_field(name)
        after[name] = getattr(case, field.attname)
    after.update({key: _plain(value) for key, value in extra.items()})
    return {
        "actor": actor,
        "action": f"{case.AUDIT_ACTION}.{kind}",
        "obj": case,
        "summary": summary[:500],
        "before": before,
        "after": after,
    }


def audit_case(
    case: models.Model,
    kind: str,
    *,
    actor=None,
    summary: str = "",
    before: dict | None = None,
    **extra,
) -> None:
    """One audit event for a step on a case: the case's own fields after it, and `extra`."""
    audit_record(**audit_entry(case, kind, actor=actor, summary=summary, before=before, **extra))


def timeline_row(
    case: models.Model,
    kind: str,
    *,
    actor=None,
    detail: str = "",
    show_actor: bool = True,
    row: dict | None = None,
    **fields,
) -> models.Model:
    """A timeline row for a step on the case, not yet saved."""
    timeline = getattr(case, case.TIMELINE)
    person = actor if show_actor and getattr(actor, "pk", None) else None
    return timeline.model(
        **{timeline.field.name: case},
        kind=kind,
        actor=person,
        detail=detail,
        **fields,
        **(row or {}),
    )


def record_event(
    case: models.Model,
    kind: str,
    *,
    actor=None,
    detail: str = "",
    show_actor: bool = True,
    audit: dict | None = None,
    before: dict | None = None,
    row: dict | None = None,
    **fields,
):
    """A step on the case's timeline and its audit event, always together.

    `fields` are the timeline row's own columns (they are audited too); `row` holds columns
    only the timeline keeps (its moment, who was told); `audit` adds what only the audit trail
    records, `before` what a change replaced. `show_actor=False` keeps the actor in the audit
    trail but off the timeline.
    """
    event = timeline_row(
        case, kind, actor=actor, detail=detail, show_actor=show_actor, row=row, **fields
    )
    event.save(force_insert=True)
    audit_case(case, kind, actor=actor, summary=detail, before=before, **fields, **(audit or {}))
    return event


def record_once(
    case: models.Model,
    kind: str,
    *,
    then: Callable[[models.Model], None] | None = None,
    **values,
):
    """`record_event` for a step that must happen exactly once (a reminder, an escalation):
    the timeline row's unique key decides who does it. Returns the row, or None when another
    sweep, beat or retry had done it already (and then nothing is written)."""
    try:
        with transaction.atomic():
            event = record_event(case, kind, **values)
            if then is not None:
                then(event)
    except IntegrityError:
        return None
    return event


def notify(
    users: Iterable,
    notification: str,
    context: dict | None = None,
    *,
    key: str | None = None,
) -> int:
    """Queue the email `templates/emails/<notification>/` to each distinct person (None and
    repeats skipped), in the caller's transaction. With `key`, a second call for the same
    notification and person writes nothing."""
    return email_users(users, template=notification, context=context or {}, dedupe_key=key)


def denies(message: str):
    """Give a `can_<verb>(user, obj)` rule the words `require` refuses with."""

    def decorate(rule: Callable[..., bool]) -> Callable[..., bool]:
        rule.denied = message
        return rule

    return decorate


def require(rule: Callable[..., bool], user, *objects) -> None:
    """A service's permission check: PermissionDenied, with the rule's words (`@denies`),
    unless `rule(user, *objects)`. Pages and the API ask the same rule to offer the action."""
    if not rule(user, *objects):
        raise PermissionDenied(getattr(rule, "denied", "You cannot do this."))
