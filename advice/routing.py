"""Who advises on a request, who its overdue advice goes to, and who is told of lobbying.

The Monitoring Officer advises (or the Deputy, where the Monitoring Officer is away, the post
vacant, or the Monitoring Officer asked); on financial matters the Chief Finance Officer advises
as well (004 §5.7). Statutory officers come from registers.ladder (one query per page view).
"""

from __future__ import annotations

from registers.ladder import monitoring_officers_now, statutory_officers
from registers.models import Officer, StatutoryRole
from registers.roles import person_for

from .models import AdviceRequest, AskerSide, LobbyingReport

MONITORING_KINDS = frozenset(
    {StatutoryRole.Kind.MONITORING_OFFICER, StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER}
)


def chief_finance_officer() -> Officer | None:
    return statutory_officers().get(StatutoryRole.Kind.CHIEF_FINANCE_OFFICER)


def _users(officers) -> list:
    seen, users = set(), []
    for officer in officers:
        if officer is not None and officer.user_id not in seen:
            seen.add(officer.user_id)
            users.append(officer.user)
    return users


def advisers(case: AdviceRequest) -> list:
    """Who is asked: whoever acts as Monitoring Officer on it, and the Chief Finance Officer on
    a financial matter (never the asker)."""
    officers = [monitoring_officers_now().acting(case.party_user_ids)]
    if case.is_financial:
        cfo = chief_finance_officer()
        if cfo is not None and cfo.user_id != case.asker_id:
            officers.insert(0, cfo)
    return _users(officers)


def escalation_to(case: AdviceRequest) -> list:
    """Who overdue advice goes to: the Deputy when the Monitoring Officer was asked (the
    Monitoring Officer when the Deputy was); on a financial matter the Monitoring Officer."""
    mos = monitoring_officers_now()
    acting = mos.acting(case.party_user_ids)
    others = [o for o in (mos.holder, mos.deputy) if o is not None and o != acting]
    if case.is_financial and acting is not None:
        others = [acting, *others]
    return [u for u in _users(others) if u.pk != case.asker_id]


def lobbying_told(report: LobbyingReport) -> list:
    """Whoever acts as Monitoring Officer on the report (never the member or the officer)."""
    return _users([monitoring_officers_now().acting(report.party_user_ids)])


def holds_monitoring_role(user) -> bool:
    """The Monitoring Officer or the Deputy, in post (not recorded as away)."""
    return bool(person_for(user).statutory_kinds & MONITORING_KINDS)


def is_chief_finance_officer(user) -> bool:
    return StatutoryRole.Kind.CHIEF_FINANCE_OFFICER in person_for(user).statutory_kinds


def asks_advice(person) -> bool:
    """Councillors and officers ask for advice."""
    return person.councillor is not None or person.officer is not None


def asker_side(person) -> str | None:
    if person.councillor is not None:
        return AskerSide.COUNCILLOR
    if person.officer is not None:
        return AskerSide.OFFICER
    return None
