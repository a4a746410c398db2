"""Every change to a declaration (REG-1): one function each, audited, emailed via the outbox.

002 §3.c.iii and 003 §5.2(b): the officer's manager is told. 004 §5.2: the Monitoring Officer
considers what action, if any, should be taken. Field history comes from simple_history.
"""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.audit import changes, snapshot
from protocol_site.cases import (
    create_with_reference,
    lock,
    long_date,
    notify,
    record_event,
    require,
)
from registers.roles import person_for

from .. import permissions
from ..models import Declaration, Relationship, Side
from ..reach import reach_open_cases
from ..routing import manager_to_tell, side_for, sides_for
from .common import (
    LOCK_RELATED,
    Kind,
    Status,
    is_due,
    next_confirm_by,
    note_manager,
    relationship_line,
    require_standing,
    reviewer,
    schedule,
)

HISTORY_FIELDS = ("details", "ends_on")


# simple_history keeps a change's reason in a column of 100 characters.
REASON_MAX = 100


def _check_dates(starts_on: date | None, ends_on: date | None, today: date) -> None:
    if starts_on is None:
        raise ValidationError({"starts_on": "Enter the date the relationship started"})
    if starts_on > today:
        raise ValidationError({"starts_on": "The start date must be today or in the past"})
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": "The end date must be the same as or after the start"})


def _check_no_open_duplicate(actor, other_party, today: date, *, exclude_pk=None) -> None:
    """A person has one open declaration about the same other person. (The other person's own
    declaration about them is theirs to make: 003 §5.2(a) and (b) oblige both.)"""
    open_ = (
        Declaration.objects.in_effect(today)
        .filter(declarer=actor, other_party=other_party)
        .exclude(pk=exclude_pk)
        .first()
    )
    if open_ is not None:
        raise ValidationError(
            {
                "other_party": f"You have already declared a relationship with "
                f"{other_party.display_name} ({open_.reference}). Change that declaration "
                "instead."
            }
        )


def _side(actor, other_party) -> str:
    person = person_for(actor)
    sides = sides_for(person)
    if not sides:
        raise PermissionDenied("Only councillors and officers declare relationships.")
    if other_party is None:
        raise ValidationError({"other_party": "Select who the relationship is with"})
    if other_party.pk == actor.pk:
        raise ValidationError({"other_party": "You cannot declare a relationship with yourself"})
    side = side_for(person, other_party)
    if side is None:
        wanted = {
            (Side.COUNCILLOR,): "a current officer",
            (Side.OFFICER,): "a current councillor",
        }.get(tuple(sides), "a current officer or councillor")
        raise ValidationError({"other_party": f"Select {wanted}: the other side of the protocol"})
    return side


def declaration_make(
    *,
    actor,
    other_party,
    relationship: str,
    details: str,
    starts_on: date,
    ends_on: date | None = None,
) -> Declaration:
    """REG-1: a councillor declares a relationship with an officer, or an officer with a
    councillor. The officer's manager and the Monitoring Officer are told."""
    side = _side(actor, other_party)
    if relationship not in Relationship.values:
        raise ValidationError({"relationship": "Select the kind of relationship"})
    details = (details or "").strip()
    if not details:
        raise ValidationError({"details": "Describe the relationship"})
    now = timezone.now()
    today = timezone.localdate(now)
    _check_dates(starts_on, ends_on, today)
    with transaction.atomic():
        _check_no_open_duplicate(actor, other_party, today)
        fields = dict(
            declarer=actor,
            declarer_side=side,
            other_party=other_party,
            relationship=relationship,
            details=details,
            starts_on=starts_on,
            ends_on=ends_on,
            created_at=now,
            confirmed_on=today,
            confirm_by=next_confirm_by(today),
        )
        probe = Declaration(**fields)
        schedule(probe, now=now, done=set())
        manager, label = manager_to_tell(probe)
        declaration = create_with_reference(
            Declaration,
            prefix="DEC",
            on=now,
            history_user=actor,
            next_action_at=probe.next_action_at,
            manager_notified=manager.user if manager else None,
            **fields,
        )
        detail = (
            f"{actor.display_name} declared a relationship with {other_party.display_name}: "
            f"{relationship_line(declaration)}"
        )
        if manager is None:
            detail += " No manager could be found to tell."
        record_event(
            declaration,
            Kind.DECLARED,
            actor=actor,
            detail=detail,
            cycle=declaration.cycle,
            row={"at": now},
        )
        if manager is not None:
            _tell_manager_of_declaration(declaration, manager, label, actor=actor)
        notify(
            [reviewer(declaration)],
            "declaration_to_review",
            {"declaration": declaration},
            key=f"declaration:{declaration.pk}:declared:reviewer",
        )
        reach_open_cases(declaration, actor=actor)
    return declaration


def _tell_manager_of_declaration(declaration: Declaration, manager, label: str, *, actor) -> None:
    note_manager(declaration, manager, label, actor=actor)
    notify(
        [manager.user],
        "declaration_manager_told",
        {"declaration": declaration},
        key=f"declaration:{declaration.pk}:manager:{manager.user_id}",
    )


def declaration_review(
    *, actor, declaration: Declaration, advice: str, action: str = ""
) -> Declaration:
    """004 §5.2: the Monitoring Officer records their advice and any action taken."""
    advice, action = (advice or "").strip(), (action or "").strip()
    if not advice:
        raise ValidationError({"advice": "Record your advice"})
    with transaction.atomic():
        declaration = lock(declaration, *LOCK_RELATED)
        require(permissions.can_review, actor, declaration)
        require_standing(declaration)
        declaration.review()
        declaration.mo_advice = advice
        declaration.mo_action = action
        declaration.reviewed_by = actor
        declaration.reviewed_at = timezone.now()
        declaration._history_user = actor
        declaration.save(
            update_fields=["status", "mo_advice", "mo_action", "reviewed_by", "reviewed_at"]
        )
        record_event(
            declaration,
            Kind.REVIEWED,
            actor=actor,
            detail="Advice recorded" + ("; action taken recorded." if action else "."),
            cycle=declaration.cycle,
        )
        notify([declaration.declarer], "declaration_reviewed", {"declaration": declaration})
    return declaration


def declaration_ask_for_information(
    *, actor, declaration: Declaration, question: str
) -> Declaration:
    """The Monitoring Officer asks the declarer for more information before advising."""
    question = (question or "").strip()
    if not question:
        raise ValidationError({"question": "Say what more you need to know"})
    with transaction.atomic():
        declaration = lock(declaration, *LOCK_RELATED)
        require(permissions.can_ask, actor, declaration)
        require_standing(declaration)
        declaration.ask_for_information()
        declaration.information_requested = question
        declaration._history_user = actor
        declaration.save(update_fields=["status", "information_requested"])
        record_event(
            declaration,
            Kind.INFORMATION_REQUESTED,
            actor=actor,
            detail=question,
            cycle=declaration.cycle,
        )
        notify(
            [declaration.declarer],
            "declaration_information_requested",
            {"declaration": declaration},
        )
    return declaration


def declaration_give_information(
    *, actor, declaration: Declaration, information: str
) -> Declaration:
    """The declarer answers; the declaration goes back to awaiting review."""
    information = (information or "").strip()
    if not information:
        raise ValidationError({"information": "Give the information asked for"})
    with transaction.atomic():
        declaration = lock(declaration, *LOCK_RELATED)
        require(permissions.can_answer, actor, declaration)
        if declaration.status != Status.MORE_INFORMATION:
            raise ValidationError("No information has been asked for")
        declaration.resubmit()
        declaration._history_user = actor
        declaration.save(update_fields=["status"])
        record_event(
            declaration,
            Kind.INFORMATION_GIVEN,
            actor=actor,
            detail=information,
            cycle=declaration.cycle,
        )
        notify(
            [reviewer(declaration)], "declaration_information_given", {"declaration": declaration}
        )
    return declaration


def declaration_change(
    *, actor, declaration: Declaration, details: str, ends_on: date | None, reason: str = ""
) -> Declaration:
    """The declarer corrects the details or sets (or clears) the end date; democratic services
    may correct them too, saying why (and the declarer is told). The field history, with the
    reason, is kept by simple_history; the Monitoring Officer and the manager told are
    emailed."""
    details = (details or "").strip()
    reason = (reason or "").strip()
    if not details:
        raise ValidationError({"details": "Describe the relationship"})
    correcting = actor.pk != declaration.declarer_id
    if len(reason) > REASON_MAX:
        raise ValidationError({"reason": f"The reason must be {REASON_MAX} characters or fewer"})
    now = timezone.now()
    with transaction.atomic():
        declaration = lock(declaration, *LOCK_RELATED)
        require(permissions.can_change, actor, declaration)
        require_standing(declaration)
        if correcting and not reason:
            raise ValidationError({"reason": "Say why you are correcting the declaration"})
        _check_dates(declaration.starts_on, ends_on, timezone.localdate(now))
        if ends_on is None and declaration.ends_on is not None:
            _check_no_open_duplicate(
                actor, declaration.other_party, timezone.localdate(now), exclude_pk=declaration.pk
            )
        before = snapshot(declaration, HISTORY_FIELDS)
        what = []
        if details != declaration.details:
            what.append("Details updated.")
        if ends_on != declaration.ends_on:
            what.append(
                f"End date set to {long_date(ends_on)}." if ends_on else "End date removed."
            )
        if not what:
            raise ValidationError("Nothing has changed")
        declaration.details, declaration.ends_on = details, ends_on
        schedule(declaration, now=now)
        declaration._history_user = actor
        if reason:
            declaration._change_reason = reason
            what.append(
                f"Corrected by democratic services: {reason}" if correcting else f"Why: {reason}"
            )
        declaration.save(update_fields=["details", "ends_on", "next_action_at"])
        old, new = changes(before, snapshot(declaration, HISTORY_FIELDS))
        record_event(
            declaration,
            Kind.CHANGED,
            actor=actor,
            detail=" ".join(what),
            cycle=declaration.cycle,
            before=old,
            audit=new,
        )
        notify(
            [reviewer(declaration), declaration.manager_notified]
            + ([declaration.declarer] if correcting else []),
            "declaration_changed",
            {
                "declaration": declaration,
                "details_changed": "details" in new,
                "end_changed": "ends_on" in new,
            },
        )
        reach_open_cases(declaration, actor=actor)
    return declaration


def declaration_withdraw(*, actor, declaration: Declaration, reason: str = "") -> Declaration:
    """The declarer withdraws it (made in error, or never should have been)."""
    reason = (reason or "").strip()
    with transaction.atomic():
        declaration = lock(declaration, *LOCK_RELATED)
        require(permissions.can_withdraw, actor, declaration)
        require_standing(declaration)
        declaration.withdraw()
        declaration.next_action_at = None
        declaration._history_user = actor
        declaration.save(update_fields=["status", "next_action_at"])
        record_event(
            declaration,
            Kind.WITHDRAWN,
            actor=actor,
            detail=f"Withdrawn by {actor.display_name}. {reason}".strip(),
            cycle=declaration.cycle,
        )
        notify(
            [reviewer(declaration), declaration.manager_notified],
            "declaration_withdrawn",
            {"declaration": declaration},
        )
    return declaration


def declaration_confirm(*, actor, declaration: Declaration) -> Declaration:
    """Journey 3: the declarer confirms the relationship still stands as declared. A new
    cycle begins: confirmed today, due again in DECLARATION_CONFIRM_MONTHS."""
    now = timezone.now()
    today = timezone.localdate(now)
    with transaction.atomic():
        declaration = lock(declaration, *LOCK_RELATED)
        require(permissions.can_confirm, actor, declaration)
        require_standing(declaration)
        if not declaration.needs_reconfirming:
            raise ValidationError("It ends before it is due to be re-confirmed")
        if not is_due(declaration, today):
            raise ValidationError(
                f"It is not due to be re-confirmed until {long_date(declaration.confirm_by)}"
            )
        was_lapsed = declaration.is_lapsed
        declaration.cycle += 1
        declaration.confirmed_on = today
        declaration.confirm_by = next_confirm_by(today)
        schedule(declaration, now=now, done=set())
        declaration._history_user = actor
        declaration.save(update_fields=["cycle", "confirmed_on", "confirm_by", "next_action_at"])
        record_event(
            declaration,
            Kind.CONFIRMED,
            actor=actor,
            detail=f"Confirmed it still stands. Next due by {long_date(declaration.confirm_by)}.",
            cycle=declaration.cycle,
        )
        if was_lapsed:
            notify(
                [reviewer(declaration), declaration.manager_notified],
                "declaration_reconfirmed",
                {"declaration": declaration},
            )
        reach_open_cases(declaration, actor=actor)
    return declaration
