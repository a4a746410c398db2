"""The demo council that `manage.py seed_demo` builds (data in demo_data.py).

Safe to run again: every row is found by a natural key (a username, a name, a date; a post by
the officer who holds it) and saved only when something differs, so a second run changes
nothing and writes no history. `seed(recorder)` (from demo_registers.py) then adds the other
registers: officers' interests, member training, and visits.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django.contrib.auth.hashers import make_password
from django.db import models, transaction

from protocol_site.models import ClosureDay, User

from . import demo_data as data
from .demo_registers import seed
from .models import (
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
from .roles import ROLE_LABELS, Role, democratic_services_group

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "seed", "seed_demo"]

DEMO_PASSWORD = "demo-password-2026"
EMAIL_DOMAIN = "example.gov.uk"


class DemoLogin(NamedTuple):
    role: str
    username: str


DEMO_LOGINS = [
    DemoLogin(ROLE_LABELS[Role.COUNCILLOR], "cllr.demo"),
    DemoLogin(ROLE_LABELS[Role.GROUP_LEADER], "leader.group"),
    DemoLogin(ROLE_LABELS[Role.OFFICER], "officer.demo"),
    DemoLogin(ROLE_LABELS[Role.LINE_MANAGER], "manager.demo"),
    DemoLogin(ROLE_LABELS[Role.ASSISTANT_DIRECTOR], "ad.demo"),
    DemoLogin(ROLE_LABELS[Role.DIRECTOR], "director.demo"),
    DemoLogin(ROLE_LABELS[Role.CHIEF_EXECUTIVE], "chief.executive"),
    DemoLogin(ROLE_LABELS[Role.MONITORING_OFFICER], "monitoring.officer"),
    # Stands in for the Monitoring Officer only while they are absent (registers.ladder).
    DemoLogin(StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER.label, "deputy.monitoring.officer"),
    DemoLogin(ROLE_LABELS[Role.DEMOCRATIC_SERVICES], "dem.services"),
    # The complaints that reach the top: with the Monitoring Officer on a member's complaint
    # about the Chief Executive (where the council's rule says so), and consulted before the
    # Chief Executive decides on an upheld grievance against a member.
    DemoLogin(StatutoryRole.Kind.SENIOR_HR_MANAGER.label, "hr.manager"),
    DemoLogin(CouncillorRole.Kind.STANDARDS_CHAIR.label, "standards.chair"),
]


@dataclass
class SeedResult:
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def seed_demo() -> SeedResult:
    """Build or bring up to date the demo council, in one transaction."""
    with transaction.atomic():
        builder = _Builder()
        builder.build()
    return builder.result


def _split(slot) -> tuple[str, str | None]:
    """A slot is a title, or (title, username), or (title, VACANT)."""
    if isinstance(slot, str):
        return slot, ""
    return slot


class _Builder:
    def __init__(self):
        self.result = SeedResult()
        self.password_hash = make_password(DEMO_PASSWORD)  # hashed once: it is slow by design
        self.name_index = 0
        self.officer_count = 0
        self.officers: dict[str, Officer] = {}

    # --- Saving only what differs ---------------------------------------------------------

    def apply(self, obj: models.Model, values: dict) -> models.Model:
        changed = []
        for name, value in values.items():
            attname = obj._meta.get_field(name).attname
            wanted = value.pk if isinstance(value, models.Model) else value
            if getattr(obj, attname) != wanted:
                setattr(obj, name, value)
                changed.append(name)
        if changed:
            obj.save(update_fields=changed)
            self.result.updated[obj._meta.verbose_name_plural] += 1
        return obj

    def create(self, model: type[models.Model], values: dict) -> models.Model:
        obj = model.objects.create(**values)
        self.result.created[model._meta.verbose_name_plural] += 1
        return obj

    def upsert(self, model, lookup: dict, *, on_create: dict | None = None, **values):
        obj = model.objects.filter(**lookup).first()
        if obj is None:
            return self.create(model, {**lookup, **values, **(on_create or {})})
        return self.apply(obj, values)

    # --- People ---------------------------------------------------------------------------

    def next_name(self) -> tuple[str, str]:
        n = self.name_index
        self.name_index += 1
        first = data.FIRST_NAMES[n % len(data.FIRST_NAMES)]
        last = data.LAST_NAMES[(37 * n) % len(data.LAST_NAMES)]
        return first, last

    def user(self, username: str = "", first: str = "", last: str = "") -> User:
        if username in data.PEOPLE:
            first, last = data.PEOPLE[username]
        elif not username:
            if not first:
                first, last = self.next_name()
            username = f"{first}.{last}".lower().replace("'", "").replace(" ", "-")
        return self.upsert(
            User,
            {"username": username},
            on_create={"password": self.password_hash},
            first_name=first,
            last_name=last,
            email=f"{username}@{EMAIL_DOMAIN}",
            is_active=True,
        )

    def post_and_holder(self, slot, tier, *, directorate, service=None, reports_to=None):
        """The post for `slot` and its officer (None when vacant)."""
        title, username = _split(slot)
        reason = data.RESTRICTED.get(title, "")
        values = {
            "title": title,
            "tier": tier,
            "directorate": directorate,
            "service": service,
            "reports_to": reports_to,
            "politically_restricted": bool(reason),
            "restriction_reason": reason,
            "is_active": True,
        }
        if username is data.VACANT:
            post = Post.objects.filter(
                title=title, service=service, holder__isnull=True, acting_holder__isnull=True
            ).first()
            post = self.apply(post, values) if post else self.create(Post, values)
            return post, None
        user = self.user(username)
        officer = Officer.objects.filter(user=user).select_related("post").first()
        if officer is not None and officer.post is not None:
            post = self.apply(officer.post, values)
        else:
            post = self.create(Post, values)
        self.officer_count += 1
        officer = self.upsert(
            Officer,
            {"user": user},
            post=post,
            phone=f"0161 496 {self.officer_count:04d}",  # Ofcom's range for drama
            employment_type=data.EMPLOYMENT_TYPES.get(title, EmploymentType.EMPLOYEE),
            is_active=True,
        )
        self.officers[user.username] = officer
        return post, officer

    # --- The council ----------------------------------------------------------------------

    def build(self):
        self.build_organisation()
        self.build_statutory_roles()
        self.build_members()
        for day, reason in data.CLOSURE_DAYS:
            self.upsert(ClosureDay, {"date": day}, reason=reason)

    def build_organisation(self):
        ceo_post, _ = self.post_and_holder(
            data.CHIEF_EXECUTIVE, Tier.CHIEF_EXECUTIVE, directorate=None
        )
        for name, director_slot, tier, assistant_directors in data.DIRECTORATES:
            directorate = self.upsert(Directorate, {"name": name}, is_active=True)
            director_post, _ = self.post_and_holder(
                director_slot, tier, directorate=directorate, reports_to=ceo_post
            )
            for ad_slot, services in assistant_directors:
                ad_post, _ = self.post_and_holder(
                    ad_slot,
                    Tier.ASSISTANT_DIRECTOR,
                    directorate=directorate,
                    reports_to=director_post,
                )
                for service_spec in services:
                    self.build_service(directorate, ad_post, *service_spec)
        for title, username, until in data.ACTING:
            post = Post.objects.get(title=title)
            self.apply(post, {"acting_holder": self.officers[username], "acting_until": until})
        group = democratic_services_group()
        staff = [self.officers[username].user for username in data.DEMOCRATIC_SERVICES_STAFF]
        group.user_set.add(*staff)

    def build_service(self, directorate, ad_post, name, head_slot, teams):
        service = self.upsert(
            Service,
            {"directorate": directorate, "name": name},
            is_active=True,
            team_queue=name in data.TEAM_QUEUE_SERVICES,
        )
        head_post, head = self.post_and_holder(
            head_slot,
            Tier.HEAD_OF_SERVICE,
            directorate=directorate,
            service=service,
            reports_to=ad_post,
        )
        complaints_officer = head
        for manager_slot, officer_slots in teams:
            manager_post, manager = self.post_and_holder(
                manager_slot,
                Tier.MANAGER,
                directorate=directorate,
                service=service,
                reports_to=head_post,
            )
            complaints_officer = complaints_officer or manager
            for slot in officer_slots:
                self.post_and_holder(
                    slot,
                    Tier.OFFICER,
                    directorate=directorate,
                    service=service,
                    reports_to=manager_post,
                )
        self.apply(service, {"complaints_officer": complaints_officer})

    def build_statutory_roles(self):
        for kind, username in data.STATUTORY_ROLES.items():
            self.upsert(
                StatutoryRole,
                {"kind": kind},
                officer=self.officers[username],
                since=data.STATUTORY_SINCE,
            )

    def build_members(self):
        groups = {
            code: self.upsert(PoliticalGroup, {"name": name}, short_name=short, is_active=True)
            for code, (name, short) in data.GROUPS.items()
        }
        seats: dict[tuple[str, int], Councillor] = {}
        for ward_name, parties in data.WARDS:
            ward = self.upsert(Ward, {"name": ward_name}, seats=len(parties))
            for index, code in enumerate(parties):
                user = self.user(data.NAMED_SEATS.get((ward_name, index), ""))
                seats[ward_name, index] = self.upsert(
                    Councillor,
                    {"user": user},
                    ward=ward,
                    group=groups[code],
                    term_start=data.TERM_START,
                    term_end=None,
                    co_opted=False,
                    co_opted_to="",
                )
        for code, seat in data.GROUP_LEADERS.items():
            self.apply(groups[code], {"leader": seats[seat]})
        for code, seat in data.GROUP_CONTACTS.items():
            self.apply(groups[code], {"protocol_contact": seats[seat]})
        for seat, kind, portfolio, committee in data.COUNCILLOR_ROLES:
            self.upsert(
                CouncillorRole,
                {
                    "councillor": seats[seat],
                    "kind": kind,
                    "portfolio": portfolio,
                    "committee": committee,
                },
                starts_on=data.ANNUAL_MEETING,
                ends_on=None,
            )
        for first, last, committee in data.CO_OPTED:
            self.upsert(
                Councillor,
                {"user": self.user(first=first, last=last)},
                ward=None,
                group=None,
                term_start=data.CO_OPTED_SINCE,
                term_end=None,
                co_opted=True,
                co_opted_to=committee,
            )
