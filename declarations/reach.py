"""Declarations reach cases already open.

When a declaration is made, re-confirmed or its dates change, every open case the two people
share (an enquiry, a complaint stage, a briefing, a panel) is moved to someone else by the same
rules as new routing, or flagged to the Monitoring Officer where nobody else can take it.

The apps that own those cases sit above this one, so they register a finder here from their
`AppConfig.ready` (the way `registers.selectors.register_home_panel` works). Each finder looks for
the cases it owns and calls `reach_once` for each: the row it writes is unique per declaration and
case, so a re-run of the same change moves or flags nothing twice.
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import transaction

from protocol_site.cases import do_once, notify

from .models import CaseReached, Declaration
from .routing import reviewer_id_for

Outcome = CaseReached.Outcome
# A finder: (declaration, actor) -> None; it calls reach_once for each case it moves or flags.
CaseFinder = Callable[[Declaration, object], None]
# Which of these cases (ids) the user may open: the owning app's own selector answers.
CaseVisibility = Callable[[object, list[int]], set[int]]
FINDERS: list[CaseFinder] = []
VISIBILITY: dict[str, CaseVisibility] = {}


def register_case_finder(
    finder: CaseFinder, *, case_type: str, visible: CaseVisibility
) -> CaseFinder:
    """An app's cases, found by `finder`; a row about one is shown only to those `visible`
    says may open it (the same 404 rules as the case's own page)."""
    if finder not in FINDERS:
        FINDERS.append(finder)
    VISIBILITY[case_type] = visible
    return finder


def reached_visible_to(user, rows: list[CaseReached]) -> list[CaseReached]:
    """The rows about cases `user` may open."""
    wanted: dict[str, list[int]] = {}
    for row in rows:
        wanted.setdefault(row.case_type, []).append(row.case_id)
    allowed = {
        case_type: VISIBILITY[case_type](user, ids) if case_type in VISIBILITY else set()
        for case_type, ids in wanted.items()
    }
    return [row for row in rows if row.case_id in allowed[row.case_type]]


def reach_open_cases(declaration: Declaration, *, actor) -> list[CaseReached]:
    """Run every registered finder for a declaration in effect today; returns the rows written.
    Call inside the service's transaction, after the declaration is saved."""
    if not Declaration.objects.in_effect().filter(pk=declaration.pk).exists():
        return []
    before = set(declaration.cases_reached.values_list("pk", flat=True))
    with transaction.atomic():
        for finder in FINDERS:
            finder(declaration, actor)
    return list(declaration.cases_reached.exclude(pk__in=before))


def reach_once(
    declaration: Declaration,
    *,
    case_type: str,
    case,
    url: str,
    act: Callable[[], tuple[str, str] | None],
    reference: str | None = None,
) -> CaseReached | None:
    """Move or flag `case` once for this declaration. `act()` does it (under the case's lock)
    and returns (outcome, summary), or None when on a second look there was nothing to do."""
    values = dict(
        declaration=declaration,
        case_type=case_type,
        case_id=case.pk,
        reference=reference or case.reference,
        url=url,
        outcome=Outcome.MOVED,
        summary="",
    )

    class NothingToDo(Exception):
        pass

    def then(row: CaseReached) -> None:
        done = act()
        if done is None:
            raise NothingToDo
        row.outcome, row.summary = done
        row.save(update_fields=["outcome", "summary"])

    try:
        return do_once(CaseReached, values, then)
    except NothingToDo:
        return None


def monitoring_officer_for(declaration: Declaration):
    """Who a flagged case goes to: the Monitoring Officer, or the Deputy where the Monitoring
    Officer is one of the two people."""
    from protocol_site.models import User

    user_id = reviewer_id_for(declaration)
    return User.objects.filter(pk=user_id).first() if user_id else None


def flag_to_monitoring_officer(declaration: Declaration, *, reference: str, summary: str) -> None:
    """Email the Monitoring Officer that a case could not be moved: it shows on their queue."""
    notify(
        [monitoring_officer_for(declaration)],
        "declaration_case_flagged",
        {"declaration": declaration, "case_reference": reference, "summary": summary},
        key=f"declaration:{declaration.pk}:flagged:{reference}",
    )
