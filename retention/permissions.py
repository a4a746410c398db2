"""Who keeps the retention schedule, holds cases and answers subject access requests:
democratic services and the Monitoring Officer (the schedule itself is changed by democratic
services). Services require these rules; the pages offer actions from them."""

from __future__ import annotations

from protocol_site.cases import denies
from registers.roles import Role, may_act_as_monitoring_officer, person_for


def _democratic_services(user) -> bool:
    return person_for(user).has(Role.DEMOCRATIC_SERVICES)


@denies("Only democratic services and the Monitoring Officer can see the retention schedule.")
def can_see_retention(user) -> bool:
    return _democratic_services(user) or may_act_as_monitoring_officer(user)


@denies("Only democratic services change the retention schedule.")
def can_change_schedule(user) -> bool:
    return _democratic_services(user)


@denies("Only democratic services and the Monitoring Officer set or lift a legal hold.")
def can_hold(user) -> bool:
    return can_see_retention(user)


@denies("Only democratic services and the Monitoring Officer answer subject access requests.")
def can_answer_subject_access(user) -> bool:
    return can_see_retention(user)


@denies("Only democratic services and the Monitoring Officer erase a person's details.")
def can_erase(user) -> bool:
    return can_see_retention(user)
