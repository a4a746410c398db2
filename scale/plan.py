"""How many of everything a factor gives, and the mix of states they are in.

At factor 1: 15,000 officers, 120 councillors in 6 political groups, 1,000,000 enquiries over
10 years (50,000 open), 40,000 complaints, 10,000 declarations and 30,000 briefing requests.
Counts scale with the factor; the structure keeps its shape (the same depth of line management
at every factor, so pages walk the same number of levels), with floors so a tiny factor still
has every kind of post and person.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

AT_FACTOR_ONE = {
    "officers": 15_000,
    "councillors": 120,
    "enquiries": 1_000_000,
    "open_enquiries": 50_000,
    "complaints": 40_000,
    "declarations": 10_000,
    "briefings": 30_000,
}
FLOORS = {
    "officers": 60,
    "councillors": 12,
    "enquiries": 100,
    "open_enquiries": 5,
    "complaints": 10,
    "declarations": 5,
    "briefings": 10,
}
POLITICAL_GROUPS = 6
YEARS = 10

# Open enquiries: (share, state). "due" is within its working days and unanswered; "holding"
# has had a holding reply and works to the expected date; "extension" has had more time agreed;
# "extension_asked" waits for a decision; "holding_late" is past its expected date; "overdue"
# is past its due date with no reply, escalated up the ladder as far as the days allow.
OPEN_MIX = (
    (0.25, "due"),
    (0.15, "holding"),
    (0.05, "holding_late"),
    (0.05, "extension"),
    (0.02, "extension_asked"),
    (0.48, "overdue"),
)
# Answered enquiries: (share, how).
CLOSED_MIX = (
    (0.875, "responded"),
    (0.07, "holding_then_responded"),
    (0.03, "extension_then_responded"),
    (0.025, "declined"),
)
ON_TIME_SHARE = 0.85  # answered within the working days (the rest late, so escalated)

COMPLAINT_OPEN_SHARE = 0.03
COMPLAINT_ABOUT_MEMBER_SHARE = 0.3
# Highest stage reached: (share, stage).
COMPLAINT_STAGES = ((0.70, 1), (0.18, 2), (0.08, 3), (0.04, 4))


@dataclass(frozen=True)
class Plan:
    factor: float
    officers: int
    councillors: int
    enquiries: int
    open_enquiries: int
    complaints: int
    declarations: int
    briefings: int
    directorates: int
    services: int
    groups: int = POLITICAL_GROUPS
    years: int = YEARS

    @classmethod
    def for_factor(cls, factor: float) -> Plan:
        if not 0 < factor <= 10:
            raise ValueError("The factor must be more than 0 and at most 10.")
        counts = {
            key: max(FLOORS[key], round(value * factor)) for key, value in AT_FACTOR_ONE.items()
        }
        counts["open_enquiries"] = min(counts["open_enquiries"], counts["enquiries"] // 5)
        directorates = min(8, max(3, round(160 * factor)))
        services = max(2 * directorates, round(64 * math.sqrt(factor)))
        return cls(factor=factor, directorates=directorates, services=services, **counts)

    @property
    def closed_enquiries(self) -> int:
        return self.enquiries - self.open_enquiries

    def as_dict(self) -> dict:
        return {
            "factor": self.factor,
            "officers": self.officers,
            "councillors": self.councillors,
            "political_groups": self.groups,
            "directorates": self.directorates,
            "services": self.services,
            "enquiries": self.enquiries,
            "open_enquiries": self.open_enquiries,
            "complaints": self.complaints,
            "declarations": self.declarations,
            "briefings": self.briefings,
        }


def split(total: int, mix) -> list[tuple[str, int]]:
    """`total` shared out by a mix of (share, name), every share rounded, summing to `total`."""
    out, given = [], 0
    for index, (share, name) in enumerate(mix):
        n = total - given if index == len(mix) - 1 else round(total * share)
        n = max(0, min(n, total - given))
        out.append((name, n))
        given += n
    return out
