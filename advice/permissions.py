"""Who may do what to a request for advice or a lobbying report. Services require these rules;
the pages offer an action from the same rule. Reach over records is in selectors."""

from __future__ import annotations

from protocol_site.cases import denies
from registers.roles import may_act_as_monitoring_officer

from .models import AdviceRequest, LobbyingReport
from .routing import is_chief_finance_officer


@denies(
    "Only the Monitoring Officer (or the Chief Finance Officer, on a financial matter) can "
    "give this advice."
)
def can_advise(user, case: AdviceRequest) -> bool:
    """Whoever acts as Monitoring Officer on it, or the Chief Finance Officer on a financial
    matter; never the asker."""
    if not case.is_open or case.asker_id == user.pk:
        return False
    if case.is_financial and is_chief_finance_officer(user):
        return True
    return may_act_as_monitoring_officer(user, case)


@denies("Only the person who asked can withdraw the request.")
def can_withdraw(user, case: AdviceRequest) -> bool:
    return case.is_open and case.asker_id == user.pk


@denies("Only the Monitoring Officer records action on a report of lobbying.")
def can_record_action(user, report: LobbyingReport) -> bool:
    return may_act_as_monitoring_officer(user, report)
