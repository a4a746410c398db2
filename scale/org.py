"""The council: directorates, services, a deep line-management structure, statutory officers,
democratic services, wards, councillors, political groups and their roles.

Kept in memory as well as written, so the casework that follows can be routed and escalated
the way the services would (`Org.ladder` follows `registers.ladder.ladder_for`'s rules).
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, datetime

from django.contrib.auth.hashers import make_password

from protocol_site.models import User
from registers.ladder import Rung
from registers.models import (
    DIRECTOR_TIERS,
    Councillor,
    CouncillorRole,
    Directorate,
    EmploymentType,
    Officer,
    PoliticalGroup,
    Post,
    Service,
    StatutoryRole,
    Tier,
    Ward,
)
from registers.roles import democratic_services_group

from . import words
from .plan import Plan
from .writer import Writer

PASSWORD = "scale-password-2026"
EMAIL_DOMAIN = "scale.example.gov.uk"
TEAM_SIZE = 12  # officers per team leader
TEAMS_PER_MANAGER = 4


def employment_type(officer_id: int, tier: int) -> str:
    """How a front-line officer works for the council: a few in each hundred are agency staff,
    contractors or volunteers (fixed by id, so the seed's random draws stay as they were)."""
    if tier != Tier.OFFICER:
        return EmploymentType.EMPLOYEE
    return {
        7: EmploymentType.AGENCY,
        29: EmploymentType.CONTRACTOR,
        61: EmploymentType.VOLUNTEER,
    }.get(officer_id % 100, EmploymentType.EMPLOYEE)


@dataclass
class Person:
    id: int  # the Officer or Councillor id
    user_id: int
    name: str


@dataclass
class OfficerRow(Person):
    post_id: int = 0
    tier: int = Tier.OFFICER
    service_id: int | None = None
    directorate_id: int | None = None
    chain: list[tuple[int, int]] = field(default_factory=list)  # (tier, officer id) above


@dataclass
class ServiceRow:
    id: int
    name: str
    directorate_id: int
    head: int = 0  # the Head of Service's officer id
    front_line: list[int] = field(default_factory=list)  # officer ids, tier 7
    managers: list[int] = field(default_factory=list)  # officer ids, tier 6
    weight: float = 1.0


@dataclass
class CouncillorRow(Person):
    ward_id: int = 0
    group_id: int | None = None
    weight: float = 1.0


@dataclass
class Org:
    officers: dict[int, OfficerRow] = field(default_factory=dict)
    services: list[ServiceRow] = field(default_factory=list)
    directors: dict[int, int] = field(default_factory=dict)  # directorate id -> officer id
    councillors: list[CouncillorRow] = field(default_factory=list)
    groups: dict[int, list[int]] = field(default_factory=dict)  # group id -> councillor ids
    leaders: dict[int, int] = field(default_factory=dict)  # group id -> leader's councillor id
    ce: int = 0
    mo: int = 0
    deputy_mo: int = 0
    democratic_services: list[int] = field(default_factory=list)

    def officer(self, officer_id: int) -> OfficerRow:
        return self.officers[officer_id]

    def ladder(self, officer_id: int, rungs, exclude_user_ids=()) -> list[tuple[str, int]]:
        """(rung, officer id) for each rung that has someone: `ladder_for` without queries
        (every post is filled, nobody acts up, and nobody on a ladder is conflicted)."""
        me = self.officers[officer_id]
        excluded = {me.user_id, *exclude_user_ids}
        steps = []
        for rung in rungs:
            if rung == Rung.LINE_MANAGER:
                candidates = [next((o for _t, o in me.chain if o != officer_id), None)]
            elif rung == Rung.ASSISTANT_DIRECTOR:
                candidates = [next((o for t, o in me.chain if t == Tier.ASSISTANT_DIRECTOR), None)]
            elif rung == Rung.DIRECTOR:
                candidates = [next((o for t, o in me.chain if t in DIRECTOR_TIERS), None)]
            elif rung == Rung.CHIEF_EXECUTIVE:
                candidates = [self.ce]
            elif rung == Rung.MONITORING_OFFICER:
                candidates = [self.mo, self.deputy_mo]
            else:
                candidates = []  # the Leader is a councillor: not on an officer's seeded ladder
            for candidate in candidates:
                if candidate is None or self.officers[candidate].user_id in excluded:
                    continue
                excluded.add(self.officers[candidate].user_id)
                steps.append((rung, candidate))
                break
        return steps


class OrgBuilder:
    def __init__(self, writer: Writer, plan: Plan, rng: random.Random, now: datetime):
        self.w = writer
        self.plan = plan
        self.rng = rng
        self.now = now
        self.org = Org()
        self.password = make_password(PASSWORD)  # hashed once: it is slow by design
        self.usernames: set[str] = set()
        self.users = writer.table(
            User,
            ("id", "password", "is_superuser", "username", "first_name", "last_name", "email",
             "is_staff", "is_active", "date_joined"),
        )  # fmt: skip
        self.posts = writer.table(
            Post,
            ("id", "title", "tier", "directorate_id", "service_id", "reports_to_id",
             "politically_restricted", "restriction_reason", "is_active"),
        )  # fmt: skip
        self.officer_rows = writer.table(
            Officer, ("id", "user_id", "post_id", "phone", "employment_type", "is_active")
        )

    # People ------------------------------------------------------------------------------

    def user(self) -> tuple[int, str]:
        first, last = self.rng.choice(words.FIRST_NAMES), self.rng.choice(words.SURNAMES)
        base = f"{first}.{last}".lower().replace("'", "")
        username, n = base, 1
        while username in self.usernames:
            n += 1
            username = f"{base}{n}"
        self.usernames.add(username)
        user_id = self.w.new_id(User)
        self.users.add(
            (user_id, self.password, False, username, first, last,
             f"{username}@{EMAIL_DOMAIN}", False, True, self.now)
        )  # fmt: skip
        return user_id, f"{first} {last}"

    def post_and_officer(self, title, tier, *, directorate=None, service=None, above=None):
        post_id = self.w.new_id(Post)
        restricted = tier <= Tier.ASSISTANT_DIRECTOR
        self.posts.add(
            (post_id, title, tier, directorate, service, above and above.post_id, restricted,
             "A senior post (Local Government and Housing Act 1989, s.2)" if restricted else "",
             True)
        )  # fmt: skip
        user_id, name = self.user()
        officer_id = self.w.new_id(Officer)
        self.officer_rows.add(
            (officer_id, user_id, post_id, "", employment_type(officer_id, tier), True)
        )
        chain = [(above.tier, above.id), *above.chain] if above else []
        row = OfficerRow(officer_id, user_id, name, post_id, tier, service, directorate, chain)
        self.org.officers[officer_id] = row
        return row

    # The structure -----------------------------------------------------------------------

    def build(self) -> Org:
        plan = self.plan
        ce = self.post_and_officer("Chief Executive", Tier.CHIEF_EXECUTIVE)
        self.org.ce = ce.id
        directorates = self._directorates(ce)
        fixed = 1 + 3 * plan.directorates + plan.services
        per_service = max(3, (plan.officers - fixed) // plan.services)
        for index in range(plan.services):
            directorate_id, director, ads = directorates[index % len(directorates)]
            ad = ads[(index // len(directorates)) % len(ads)]
            self._service(index, directorate_id, ad, per_service)
        self._statutory(ce, directorates)
        self._councillors()
        return self.org

    def _directorates(self, ce: OfficerRow):
        names = ["Resources", *[n for n in words.DIRECTORATES if n != "Resources"]]
        table = self.w.table(Directorate, ("id", "name", "is_active"))
        out = []
        for name in names[: self.plan.directorates]:
            directorate_id = self.w.new_id(Directorate)
            table.add((directorate_id, name, True))
            director = self.post_and_officer(
                f"Director of {name}", Tier.DIRECTOR, directorate=directorate_id, above=ce
            )
            self.org.directors[directorate_id] = director.id
            ads = [
                self.post_and_officer(
                    f"Assistant Director, {name} {n}",
                    Tier.ASSISTANT_DIRECTOR,
                    directorate=directorate_id,
                    above=director,
                )
                for n in (1, 2)
            ]
            out.append((directorate_id, director, ads))
        return out

    def _service(self, index: int, directorate_id: int, ad: OfficerRow, size: int) -> None:
        if index == 0:
            name = "Legal and Democratic Services"  # in Resources, the first directorate
        else:
            names = [n for n in words.SERVICE_NAMES if n != "Legal and Democratic Services"]
            name = names[(index - 1) % len(names)]
            if index > len(names):
                name = f"{name} {index // len(names) + 1}"
        service_id = self.w.new_id(Service)
        service = ServiceRow(
            service_id, name, directorate_id, weight=self.rng.lognormvariate(0, 0.5)
        )
        head = self.post_and_officer(
            f"Head of {name}", Tier.HEAD_OF_SERVICE, directorate=directorate_id,
            service=service_id, above=ad,
        )  # fmt: skip
        service.head = head.id
        teams = max(1, round(size / (TEAM_SIZE + 1.5)))
        managers = max(1, math.ceil(teams / TEAMS_PER_MANAGER))
        officers = max(teams, size - managers - teams)
        manager_rows = [
            self.post_and_officer(
                f"{name} Manager {m + 1}",
                Tier.MANAGER,
                directorate=directorate_id,
                service=service_id,
                above=head,
            )  # fmt: skip
            for m in range(managers)
        ]
        for team in range(teams):
            leader = self.post_and_officer(
                f"{name} Team Leader {team + 1}", Tier.MANAGER, directorate=directorate_id,
                service=service_id, above=manager_rows[team % managers],
            )  # fmt: skip
            service.managers.append(leader.id)
            for _ in range(officers // teams + (1 if team < officers % teams else 0)):
                row = self.post_and_officer(
                    f"{name} Officer", Tier.OFFICER, directorate=directorate_id,
                    service=service_id, above=leader,
                )  # fmt: skip
                service.front_line.append(row.id)
        self.w.table(
            Service,
            ("id", "directorate_id", "name", "complaints_officer_id", "is_active"),
        ).add((service_id, directorate_id, name, head.id, True))
        self.org.services.append(service)

    def _statutory(self, ce: OfficerRow, directorates) -> None:
        legal = self.org.services[0]
        self.org.mo = legal.head
        self.org.deputy_mo = legal.managers[0]
        self.org.democratic_services = legal.front_line[
            : max(1, min(6, len(legal.front_line) // 3))
        ]
        table = self.w.table(StatutoryRole, ("id", "kind", "officer_id", "since"))
        since = date(self.now.year - 12, 4, 1)
        for kind, officer_id in (
            (StatutoryRole.Kind.HEAD_OF_PAID_SERVICE, ce.id),
            (StatutoryRole.Kind.MONITORING_OFFICER, self.org.mo),
            (StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, self.org.deputy_mo),
            (StatutoryRole.Kind.CHIEF_FINANCE_OFFICER, directorates[0][1].id),
        ):
            table.add((self.w.new_id(StatutoryRole), kind, officer_id, since))
        group = democratic_services_group()
        through = User.groups.through
        members = self.w.table(through, ("id", "user_id", "group_id"))
        for officer_id in self.org.democratic_services:
            members.add((self.w.new_id(through), self.org.officers[officer_id].user_id, group.pk))

    # Members -----------------------------------------------------------------------------

    def _councillors(self) -> None:
        plan, rng = self.plan, self.rng
        wards = []
        ward_table = self.w.table(Ward, ("id", "name", "seats"))
        for n in range(math.ceil(plan.councillors / 3)):
            name = words.WARD_NAMES[n % len(words.WARD_NAMES)]
            if n >= len(words.WARD_NAMES):
                name = f"{name} {n // len(words.WARD_NAMES) + 1}"
            ward_id = self.w.new_id(Ward)
            ward_table.add((ward_id, name, 3))
            wards.append(ward_id)
        groups = [(self.w.new_id(PoliticalGroup), *g) for g in words.POLITICAL_GROUPS]
        independents = plan.councillors // 50
        seats = self._seats(plan.councillors - independents, [g[3] for g in groups])
        term_start = date(self.now.year - plan.years - 1, 5, 1)
        table = self.w.table(
            Councillor,
            ("id", "user_id", "ward_id", "group_id", "term_start", "co_opted", "co_opted_to"),
        )
        memberships = [g[0] for g, n in zip(groups, seats, strict=True) for _ in range(n)]
        memberships += [None] * independents
        for index, group_id in enumerate(memberships):
            user_id, name = self.user()
            councillor_id = self.w.new_id(Councillor)
            ward_id = wards[index % len(wards)]
            table.add((councillor_id, user_id, ward_id, group_id, term_start, False, ""))
            row = CouncillorRow(
                councillor_id, user_id, name, ward_id, group_id, rng.lognormvariate(0, 0.6)
            )
            self.org.councillors.append(row)
            if group_id is not None:
                self.org.groups.setdefault(group_id, []).append(councillor_id)
        group_table = self.w.table(
            PoliticalGroup, ("id", "name", "short_name", "leader_id", "is_active")
        )
        for group_id, name, short, _share in groups:
            leader = self.org.groups[group_id][0]
            self.org.leaders[group_id] = leader
            group_table.add((group_id, name, short, leader, True))
        self._roles(groups[0][0], term_start)

    @staticmethod
    def _seats(total: int, shares: list[float]) -> list[int]:
        seats = [max(1, math.floor(total * s)) for s in shares]
        seats[0] += total - sum(seats)
        return seats

    def _roles(self, largest_group: int, since: date) -> None:
        table = self.w.table(
            CouncillorRole, ("id", "councillor_id", "kind", "portfolio", "committee", "starts_on")
        )
        cabinet = self.org.groups[largest_group][: min(10, len(self.org.groups[largest_group]))]
        kinds = CouncillorRole.Kind
        table.add((self.w.new_id(CouncillorRole), cabinet[0], kinds.LEADER, "", "", since))
        if len(cabinet) > 1:
            table.add(
                (self.w.new_id(CouncillorRole), cabinet[1], kinds.DEPUTY_LEADER, "", "", since)
            )
        chairs = [c.id for c in self.org.councillors if c.group_id != largest_group][:6]
        for n, councillor_id in enumerate(cabinet[2:] or cabinet):
            portfolio = self.org.services[n % len(self.org.services)].name
            table.add(
                (self.w.new_id(CouncillorRole), councillor_id, kinds.CABINET_MEMBER, portfolio,
                 "", since)
            )  # fmt: skip
        for n, councillor_id in enumerate(chairs):
            committee = f"{self.org.services[n % len(self.org.services)].name} Committee"
            table.add(
                (self.w.new_id(CouncillorRole), councillor_id, kinds.COMMITTEE_CHAIR, "",
                 committee, since)
            )  # fmt: skip
