"""Every read of the declarations register that depends on who is asking. Out of scope is 404.

- The declarer sees their declaration in full.
- The other party sees declarations naming them: the relationship, dates and status; not the
  details, the exchange with the Monitoring Officer, or the advice and action.
- A manager told of a declaration sees it, without the Monitoring Officer's exchange, advice
  or action.
- The Monitoring Officer and democratic services keep the whole register. The Deputy
  Monitoring Officer sees (and reviews) those the Monitoring Officer is one of the two in.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from protocol_site.access import visible_or_404
from protocol_site.council_rules import rule
from registers.roles import Person, Role, person_for

from .models import CaseReached, Declaration, DeclarationStep
from .routing import reviewer_id_for, statutory_user_ids

Kind = DeclarationStep.Kind
Status = Declaration.Status
AWAITING = (Status.SUBMITTED, Status.MORE_INFORMATION)
RELATED = ("declarer", "other_party", "manager_notified", "reviewed_by")


class Reading(StrEnum):
    FULL = "full"  # the declarer, the Monitoring Officer (or Deputy), democratic services
    MANAGER = "manager"  # without the Monitoring Officer's exchange, advice and action
    PARTY = "party"  # relationship, dates and status only


# Timeline steps whose text a reader does not see (the Monitoring Officer's exchange).
WITHHELD = {
    Reading.FULL: frozenset(),
    Reading.MANAGER: frozenset({Kind.INFORMATION_REQUESTED, Kind.INFORMATION_GIVEN}),
    Reading.PARTY: frozenset(
        {Kind.INFORMATION_REQUESTED, Kind.INFORMATION_GIVEN, Kind.WITHDRAWN, Kind.CHANGED}
    ),
}


def keeps_register(person: Person) -> bool:
    """The Monitoring Officer and democratic services see the whole register."""
    return person.has(Role.MONITORING_OFFICER) or person.has(Role.DEMOCRATIC_SERVICES)


def _involving(user_id: int | None) -> Q:
    if user_id is None:
        return Q()  # no Monitoring Officer in post: the Deputy acts on everything
    return Q(declarer_id=user_id) | Q(other_party_id=user_id)


def _deputy_scope(user) -> Q | None:
    """What the Deputy Monitoring Officer acts on, or None if `user` is not the Deputy."""
    mo_id, deputy_id = statutory_user_ids()
    if deputy_id is None or deputy_id != user.pk:
        return None
    return _involving(mo_id) & ~_involving(user.pk)


def declarations_visible_to(user) -> QuerySet[Declaration]:
    if not getattr(user, "is_authenticated", False):
        return Declaration.objects.none()
    person = person_for(user)
    if keeps_register(person):
        return Declaration.objects.all()
    told = DeclarationStep.objects.filter(
        declaration=OuterRef("pk"), kind=Kind.MANAGER_NOTIFIED, recipient=user
    )
    scope = Q(declarer=user) | Q(other_party=user) | Q(manager_notified=user) | Q(Exists(told))
    if person.officer is not None:
        deputy = _deputy_scope(user)
        if deputy is not None:
            scope |= deputy
    return Declaration.objects.filter(scope)


def declaration_for(user, pk) -> Declaration:
    return visible_or_404(declarations_visible_to(user).select_related(*RELATED), pk=pk)


def reading_for(user, declaration: Declaration) -> Reading:
    """How much of a declaration (already in the user's scope) they may read."""
    if declaration.declarer_id == user.pk:
        return Reading.FULL
    if declaration.other_party_id == user.pk:
        return Reading.PARTY
    if keeps_register(person_for(user)) or reviewer_id_for(declaration) == user.pk:
        return Reading.FULL
    return Reading.MANAGER


def timeline_for(declaration: Declaration, reading: Reading) -> list[DeclarationStep]:
    """The steps, oldest first; the text of steps the reader may not read is withheld."""
    steps = list(declaration.steps.select_related("actor", "recipient"))
    for step in steps:
        step.withheld = step.kind in WITHHELD[reading] and bool(step.detail)
    return steps


def with_related(qs: QuerySet[Declaration]) -> QuerySet[Declaration]:
    return qs.select_related(*RELATED).order_by("-created_at", "-pk")


def made_by(user) -> QuerySet[Declaration]:
    return with_related(declarations_visible_to(user).filter(declarer=user))


def naming(user) -> QuerySet[Declaration]:
    return with_related(declarations_visible_to(user).filter(other_party=user))


def told_of(user) -> QuerySet[Declaration]:
    """Declarations the user was told of as the officer's manager."""
    told = DeclarationStep.objects.filter(
        declaration=OuterRef("pk"), kind=Kind.MANAGER_NOTIFIED, recipient=user
    )
    return with_related(
        Declaration.objects.filter(Q(manager_notified=user) | Q(Exists(told)))
        .exclude(declarer=user)
        .exclude(other_party=user)
    )


def due_for_confirmation(user) -> QuerySet[Declaration]:
    """The user's own declarations whose re-confirmation window has opened (or lapsed)."""
    today = timezone.localdate()
    window = today + timedelta(days=rule("DECLARATION_REMINDER_DAYS"))
    return (
        with_related(Declaration.objects.needs_reconfirming().filter(declarer=user))
        .filter(confirm_by__lte=window)
        .order_by("confirm_by", "pk")
    )


def reviews_declarations(user) -> bool:
    """The Monitoring Officer, or the Deputy (who acts where the MO is one of the two)."""
    if not getattr(user, "is_authenticated", False) or person_for(user).officer is None:
        return False  # both are officers in post: nobody else needs the lookup
    return user.pk in statutory_user_ids()


def review_queue(user) -> QuerySet[Declaration]:
    """Declarations awaiting the reviewer's advice, or waiting on the declarer's answer, and
    those with a case flagged since the last advice; those that reached open cases first."""
    mo_id, deputy_id = statutory_user_ids()
    if user.pk == mo_id:
        scope = ~_involving(user.pk)
    elif user.pk == deputy_id:
        scope = _involving(mo_id) & ~_involving(user.pk)
    else:
        raise PermissionDenied("Only the Monitoring Officer reviews declarations.")
    reached = CaseReached.objects.filter(declaration=OuterRef("pk"))
    flagged_since_review = reached.filter(outcome=CaseReached.Outcome.FLAGGED).filter(
        Q(declaration__reviewed_at__isnull=True) | Q(at__gt=OuterRef("reviewed_at"))
    )
    waiting = Q(status__in=AWAITING) | (~Q(status=Status.WITHDRAWN) & Exists(flagged_since_review))
    return (
        with_related(Declaration.objects.filter(scope).filter(waiting))
        .annotate(touched=Exists(reached))
        .order_by("-touched", "created_at", "pk")
    )


def cases_reached(user, declaration: Declaration) -> list[CaseReached]:
    """The open cases this declaration moved or flagged that `user` may open (`can_open`),
    oldest first; and for its reviewer, the flagged ones they cannot open too, unlinked."""
    from .reach import reached_visible_to

    rows = list(declaration.cases_reached.all())
    openable = {row.pk for row in reached_visible_to(user, rows)}
    reviewer = user.pk == reviewer_id_for(declaration)
    shown = []
    for row in rows:
        row.can_open = row.pk in openable
        if row.can_open or (reviewer and row.outcome == CaseReached.Outcome.FLAGGED):
            shown.append(row)
    return shown


def register_for(user, *, status: str = "", q: str = "") -> QuerySet[Declaration]:
    """The whole register, for the Monitoring Officer and democratic services: by status, and
    by the name (or reference) of either person."""
    if not keeps_register(person_for(user)):
        raise PermissionDenied("Only the Monitoring Officer and democratic services keep it.")
    qs = Declaration.objects.all()
    if status == "lapsed":
        qs = qs.lapsed()
    elif status in Status.values:
        qs = qs.filter(status=status)
    for term in q.split()[:4]:
        qs = qs.filter(
            Q(reference__icontains=term)
            | Q(declarer__first_name__icontains=term)
            | Q(declarer__last_name__icontains=term)
            | Q(other_party__first_name__icontains=term)
            | Q(other_party__last_name__icontains=term)
        )
    return with_related(qs)
