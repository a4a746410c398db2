"""Writes to the record of appointment and dismissal panels (003 §6). One function: checked,
in one transaction, audited; django-simple-history keeps each field's history, members too."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from protocol_site.audit import audit_record, changes
from protocol_site.audit_words import field_label
from protocol_site.cases import lock
from registers.models import Councillor, Officer, Post
from registers.roles import person_for

from ..conflicts import conflicted_among
from ..models import Panel
from .rules import keeps_panels


def blocked_message(member: Councillor, officer: Officer) -> str:
    return f"{member} has declared a relationship with {officer} and cannot sit on this panel."


def conflicted_members(members: Iterable[Councillor], officer: Officer | None) -> list[Councillor]:
    """The members with a declared relationship in effect with the officer concerned: one query."""
    members = list(members)
    if officer is None or not members:
        return []
    blocked = conflicted_among([m.user_id for m in members], [officer.user_id])
    return [m for m in members if m.user_id in blocked]


def _view(panel: Panel, members: Iterable[Councillor]) -> dict:
    """The panel as the audit trail shows it: readable values, members by name."""
    return {
        "purpose": panel.get_purpose_display() if panel.purpose else "",
        "post": str(panel.post) if panel.post_id else "",
        "officer": str(panel.officer) if panel.officer_id else "",
        "candidate_name": panel.candidate_name,
        "meets_on": panel.meets_on,
        "members": sorted(str(m) for m in members),
        "notes": panel.notes,
    }


def _labels(keys) -> list[str]:
    return sorted(field_label(Panel, key, capital=False) for key in keys)


def _check(
    *,
    purpose: str,
    post: Post | None,
    officer: Officer | None,
    candidate_name: str,
    meets_on: date | None,
    members: list[Councillor],
    current_ids: set[int],
) -> None:
    errors: dict[str, str | list[str]] = {}
    if purpose not in Panel.Purpose.values:
        errors["purpose"] = "Select whether the panel is for an appointment or a dismissal"
    if post is None:
        errors["post"] = "Select the post"
    if purpose == Panel.Purpose.DISMISSAL and officer is None:
        errors["officer"] = "Select the officer a dismissal panel is about"
    elif officer is None and not candidate_name:
        errors["officer"] = "Select the officer concerned, or give an outside candidate's name"
    if officer is not None and candidate_name:
        errors["candidate_name"] = (
            "Give either the officer concerned or an outside candidate's name, not both"
        )
    if meets_on is None:
        errors["meets_on"] = "Enter the date the panel meets"
    gone = [m for m in members if m.pk not in current_ids and not m.in_office]
    if gone:
        errors["members"] = [f"{m} is not a serving councillor." for m in gone]
    if errors:
        raise ValidationError(errors)
    blocked = conflicted_members(members, officer)
    if blocked:
        raise ValidationError({"members": [blocked_message(m, officer) for m in blocked]})


def panel_save(
    *,
    actor,
    panel: Panel | None = None,
    purpose: str,
    post: Post | None,
    officer: Officer | None = None,
    candidate_name: str = "",
    meets_on: date | None,
    members: Iterable[Councillor] = (),
    notes: str = "",
) -> Panel:
    """Record a new panel, or change one. Refused, with nothing saved, when a member sitting
    has a declared relationship with the officer concerned (003 §6.2, 002 §6)."""
    if not keeps_panels(person_for(actor)):
        raise PermissionDenied("Only democratic services and the Monitoring Officer keep panels.")
    candidate_name = candidate_name.strip()
    members = list(dict.fromkeys(members))
    with transaction.atomic():
        if panel is not None and panel.pk:
            panel = lock(panel, "post", "officer__user")
            current = list(panel.members.select_related("user"))
            before = _view(panel, current)
        else:
            panel, current, before = Panel(created_by=actor), [], None
        current_ids = {m.pk for m in current}
        _check(
            purpose=purpose,
            post=post,
            officer=officer,
            candidate_name=candidate_name,
            meets_on=meets_on,
            members=members,
            current_ids=current_ids,
        )
        panel.purpose, panel.post, panel.officer = purpose, post, officer
        panel.candidate_name, panel.meets_on, panel.notes = candidate_name, meets_on, notes
        old, new = changes(before, _view(panel, members))
        if before is not None and not new:
            return panel  # nothing changed: no history, no event
        panel._history_user = actor
        if before is None or set(new) - {"members"}:
            panel.save()
        if {m.pk for m in members} != current_ids:
            panel.members.set(members)
        created = before is None
        audit_record(
            actor=actor,
            action="declarations.panel.created" if created else "declarations.panel.changed",
            obj=panel,
            summary=(
                f"Panel recorded: {panel}"
                if created
                else f"Panel changed: {panel} ({', '.join(_labels(new))})"
            ),
            before=old,
            after=new,
        )
    return panel
