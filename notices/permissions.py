"""Who may do what with ward notices and pre-election periods. Services require these rules;
the pages offer actions from them. Reach over records is in selectors."""

from __future__ import annotations

from protocol_site.cases import denies
from registers.roles import Role, may_act_as_monitoring_officer, person_for

from .models import WardNotice


@denies("Only officers record notices for ward members.")
def can_publish(user) -> bool:
    """WARD-1: officers (and democratic services) record notices for ward members."""
    person = person_for(user)
    return person.officer is not None or person.has(Role.DEMOCRATIC_SERVICES)


@denies("Only the officer who recorded it or democratic services.")
def can_correct(user, notice: WardNotice) -> bool:
    """Correct or withdraw a notice: the officer who recorded it, or democratic services."""
    if person_for(user).has(Role.DEMOCRATIC_SERVICES):
        return True
    return can_publish(user) and notice.recorded_by_id == user.pk


@denies("Only the Monitoring Officer declares a pre-election period.")
def can_declare_periods(user) -> bool:
    """ELE-1: the Monitoring Officer issues the pre-election guidance (001 §8.01, 003 §11.3)."""
    return may_act_as_monitoring_officer(user)


@denies("Only democratic services publish the protocol.")
def can_keep_protocol(user) -> bool:
    """Publish a version of the protocol, see who has read it, and remind those who have not:
    democratic services, who keep the council's protocol."""
    return person_for(user).has(Role.DEMOCRATIC_SERVICES)


@denies("Only members and officers confirm they have read the protocol.")
def can_confirm_reading(user) -> bool:
    person = person_for(user)
    return person.councillor is not None or person.officer is not None
