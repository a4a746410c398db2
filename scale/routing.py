"""Who an enquiry comes from, which service it is for, and where it goes, with the reason the
councillor reads, as `enquiries.routing.route` words it."""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate

from enquiries.models import Enquiry

from . import words
from .org import CouncillorRow, Org, ServiceRow

CASEWORK, GENERAL = Enquiry.Kind.CASEWORK.value, Enquiry.Kind.GENERAL.value
COPIED = " {director} (Director) is copied, as the protocol asks (002 §7.iii)."


@dataclass
class Route:
    councillor: CouncillorRow
    service: ServiceRow
    kind: str
    subject: str
    approached: int | None
    first_officer: int
    reassigned_to: int | None
    director: int
    reason: str
    logger_user: int


class Router:
    def __init__(self, org: Org, rng: random.Random, conflicts: set[tuple[int, int]]):
        self.org, self.rng, self.conflicts = org, rng, conflicts
        self.councillor_weights = list(accumulate(c.weight for c in org.councillors))
        self.service_weights = list(accumulate(s.weight for s in org.services))

    def _pick(self, rows, weights):
        return rows[bisect(weights, self.rng.random() * weights[-1])]

    def _officer_for(self, councillor: CouncillorRow, service: ServiceRow) -> int | None:
        """A front-line officer of the service with no declared relationship with the member."""
        for _ in range(5):
            officer_id = self.rng.choice(service.front_line)
            if (councillor.user_id, self.org.officer(officer_id).user_id) not in self.conflicts:
                return officer_id
        return None

    def route(self, channel: str) -> Route:
        rng, org = self.rng, self.org
        councillor = self._pick(org.councillors, self.councillor_weights)
        service = self._pick(org.services, self.service_weights)
        director = org.directors[service.directorate_id]
        director_name = org.officer(director).name
        copied = COPIED.format(director=director_name)
        kind = CASEWORK if rng.random() < 0.8 else GENERAL
        approached = reassigned = None
        if kind == CASEWORK:
            subject = rng.choice(words.CASEWORK_TOPICS).format(street=rng.choice(words.STREETS))
            if rng.random() < 0.6:
                approached = self._officer_for(councillor, service)
            if approached is not None:
                first = approached
                reason = (
                    f"Cllr {councillor.name} approached {org.officer(approached).name} directly "
                    f"about casework, which is proper (001 §5.02).{copied}"
                )
            else:
                first = service.head
                reason = (
                    f"Casework for {service.name} goes to its head of service, "
                    f"{org.officer(first).name}.{copied}"
                )
                if rng.random() < 0.6:
                    reassigned = self._officer_for(councillor, service)
        else:
            subject = rng.choice(words.GENERAL_TOPICS)
            first = director
            reason = (
                "General enquiries go through the Director of the service (000 §4.5, 001 §5.02): "
                f"{director_name}."
            )
            if rng.random() < 0.4:
                reassigned = service.head
        if channel == "online":
            logger = councillor.user_id
        elif org.democratic_services and rng.random() < 0.5:
            logger = org.officer(rng.choice(org.democratic_services)).user_id
        else:
            logger = org.officer(first).user_id
        return Route(
            councillor,
            service,
            kind,
            subject,
            approached,
            first,
            reassigned,
            director,
            reason,
            logger,
        )
