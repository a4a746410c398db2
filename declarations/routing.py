"""Who is who around a declaration: the two sides, the manager to tell, the reviewer.

A councillor declares a relationship with an officer, an officer with a councillor. The officer
party's manager is told (002 §3.c.iii): their line manager, or their Head of Service when the
council's setting says so (003 §5.2(b)), found up the structure with vacancies skipped and
never one of the two people. The Monitoring Officer reviews (004 §5.2), or the Deputy when the
Monitoring Officer is one of the two.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from protocol_site.council_rules import rule
from registers.ladder import Rung, ladder_for, monitoring_officers_now, statutory_officers
from registers.models import Councillor, Officer, StatutoryRole, Tier

from .models import Declaration, Side

SEARCH_LIMIT = 20


def active_officers() -> QuerySet[Officer]:
    return Officer.objects.active()


def current_councillors() -> QuerySet[Councillor]:
    return Councillor.objects.serving()


def sides_for(person) -> list[str]:
    """The sides a person may declare from: a councillor declares officers, and vice versa."""
    sides = []
    if person.councillor is not None:
        sides.append(Side.COUNCILLOR)
    if person.officer is not None:
        sides.append(Side.OFFICER)
    return sides


def side_for(person, other_user) -> str | None:
    """The declarer's side for a declaration about `other_user`, or None when `other_user` is
    not a current person on the other side."""
    if person.councillor is not None and active_officers().filter(user=other_user).exists():
        return Side.COUNCILLOR
    if person.officer is not None and current_councillors().filter(user=other_user).exists():
        return Side.OFFICER
    return None


@dataclass(frozen=True)
class Candidate:
    """One person in the declare page's search results."""

    user_id: int
    name: str
    description: str


def _terms(q: str) -> list[str]:
    return [term for term in q.split() if term][:4]


def _name_matches(terms: list[str]) -> Q:
    match = Q()
    for term in terms:
        match &= Q(user__first_name__icontains=term) | Q(user__last_name__icontains=term)
    return match


def other_side_search(person, q: str, *, limit: int = SEARCH_LIMIT) -> tuple[list[Candidate], bool]:
    """Up to `limit` active people on the other side whose names match every word of `q`,
    and whether there were more. Two queries at most, whatever the size of the council."""
    terms = _terms(q)
    if not terms:
        return [], False
    found: list[Candidate] = []
    sides = sides_for(person)
    if Side.COUNCILLOR in sides:
        officers = (
            active_officers()
            .filter(_name_matches(terms))
            .exclude(user=person.user)
            .select_related("user", "post__service")
            .order_by("user__last_name", "user__first_name", "pk")[: limit + 1]
        )
        for officer in officers:
            post = officer.post
            where = f"{post.title}, {post.service}" if post and post.service_id else post
            found.append(Candidate(officer.user_id, str(officer), f"Officer: {where or 'no post'}"))
    if Side.OFFICER in sides:
        councillors = (
            current_councillors()
            .filter(_name_matches(terms))
            .exclude(user=person.user)
            .select_related("user", "ward", "group")
            .order_by("user__last_name", "user__first_name", "pk")[: limit + 1]
        )
        for councillor in councillors:
            where = ", ".join(str(x) for x in (councillor.ward, councillor.group) if x) or "-"
            found.append(Candidate(councillor.user_id, str(councillor), f"Councillor: {where}"))
    return found[:limit], len(found) > limit


def officer_party(declaration: Declaration) -> Officer | None:
    """The officer of the two: the declarer for an officer's declaration, else the other party."""
    user_id = (
        declaration.declarer_id
        if declaration.declarer_side == Side.OFFICER
        else declaration.other_party_id
    )
    return Officer.objects.select_related("user", "post").filter(user_id=user_id).first()


def _wanted(officer: Officer, head_of_service: bool) -> bool:
    if not head_of_service:
        return True
    post = officer.working_post
    return post is not None and post.tier <= Tier.HEAD_OF_SERVICE


def manager_to_tell(declaration: Declaration) -> tuple[Officer | None, str]:
    """The officer party's manager per DECLARATION_NOTIFY_RUNG, and how to describe them.

    Climbs line manager by line manager (vacant posts are skipped by the ladder) until it finds
    someone who is neither of the two people and, for `head_of_service`, is a Head of Service or
    more senior (a Head of Service's own manager, an Assistant Director, is the next up)."""
    officer = officer_party(declaration)
    if officer is None:
        return None, ""
    head_of_service = rule("DECLARATION_NOTIFY_RUNG") == "head_of_service"
    parties = {declaration.declarer_id, declaration.other_party_id}
    current, seen = officer, {officer.pk}
    while True:
        steps = ladder_for(current, (Rung.LINE_MANAGER,))
        if not steps or steps[0].person.pk in seen:
            return None, ""
        manager = steps[0].person
        seen.add(manager.pk)
        if manager.user_id not in parties and _wanted(manager, head_of_service):
            if not head_of_service:
                return manager, "line manager"
            return manager, Tier(manager.working_post.tier).label
        current = manager


def statutory_user_ids() -> tuple[int | None, int | None]:
    """The Monitoring Officer's and the Deputy's user ids (one query, once per page view)."""
    officers = statutory_officers()
    mo = officers.get(StatutoryRole.Kind.MONITORING_OFFICER)
    deputy = officers.get(StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER)
    return (
        mo.user_id if mo is not None else None,
        deputy.user_id if deputy is not None else None,
    )


def reviewer_id_for(declaration: Declaration) -> int | None:
    """Who reviews this declaration (004 §5.2): the Monitoring Officer, or the Deputy when the
    Monitoring Officer is one of the two people or there is none; None when neither can."""
    parties = (declaration.declarer_id, declaration.other_party_id)
    reviewer = monitoring_officers_now().acting(parties)
    return reviewer.user_id if reviewer is not None else None
