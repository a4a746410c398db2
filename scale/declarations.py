"""Relationship declarations between councillors and front-line officers, re-confirmed year by
year (a few lapsed), reviewed by the Monitoring Officer, some ended or withdrawn.

Declarations are made first: the enquiries that follow are never routed or escalated to an
officer with a declared relationship with the councillor (REG-2)."""

from __future__ import annotations

import random
from datetime import date, timedelta

from declarations.models import Declaration, DeclarationStep, Relationship, Side
from declarations.services.common import add_months, lapse_at, reminder_at, schedule

from .org import Org

Kind = DeclarationStep.Kind
RELATIONSHIPS = (
    (Relationship.CLOSE_FRIENDSHIP, 0.4),
    (Relationship.FAMILY, 0.3),
    (Relationship.BUSINESS, 0.2),
    (Relationship.PARTNER, 0.1),
)
COLUMNS = (
    "id", "reference", "declarer_id", "declarer_side", "other_party_id", "relationship",
    "details", "starts_on", "ends_on", "status", "created_at", "manager_notified_id",
    "information_requested", "mo_advice", "mo_action", "reviewed_by_id", "reviewed_at", "cycle",
    "confirmed_on", "confirm_by", "next_action_at",
)  # fmt: skip
STEP_COLUMNS = ("id", "declaration_id", "kind", "cycle", "at", "actor_id", "recipient_id", "detail")


class DeclarationSeeder:
    def __init__(self, writer, org: Org, clock, rng: random.Random, plan):
        self.w, self.org, self.clock, self.rng, self.plan = writer, org, clock, rng, plan
        self.rows = writer.table(Declaration, COLUMNS)
        self.steps = writer.table(DeclarationStep, STEP_COLUMNS)
        self.conflicts: set[tuple[int, int]] = set()  # (councillor user, officer user)
        self.front_line = [o for s in org.services for o in s.front_line]

    def run(self) -> set[tuple[int, int]]:
        for _ in range(self.plan.declarations):
            self._one()
        return self.conflicts

    def _pair(self):
        for _ in range(50):
            councillor = self.rng.choice(self.org.councillors)
            officer = self.org.officer(self.rng.choice(self.front_line))
            if (councillor.user_id, officer.user_id) not in self.conflicts:
                return councillor, officer
        raise RuntimeError("Too few councillors and officers for that many declarations.")

    def _one(self) -> None:
        rng, clock, org = self.rng, self.clock, self.org
        councillor, officer = self._pair()
        self.conflicts.add((councillor.user_id, officer.user_id))
        by_councillor = rng.random() < 0.4
        declarer, other = (councillor, officer) if by_councillor else (officer, councillor)
        side = Side.COUNCILLOR if by_councillor else Side.OFFICER
        kinds, weights = zip(*RELATIONSHIPS, strict=True)
        relationship = rng.choices(kinds, weights)[0]
        age = int(rng.triangular(0, 365 * self.plan.years, 365 * self.plan.years * 0.7))
        created = clock.at(clock.today - timedelta(days=age), rng.randint(9, 17))
        created = min(created, clock.now - timedelta(hours=1))
        made = created.date()
        starts_on = made - timedelta(days=rng.randint(0, 2000))
        ends_on = None
        if rng.random() < 0.2:
            ends_on = made + timedelta(days=rng.randint(30, 1500))
            if ends_on >= clock.today:
                ends_on = None
        pk = self.w.new_id(Declaration)
        manager = officer.chain[0][1]  # the officer's line manager (a team leader)
        manager_user = org.officer(manager).user_id
        mo_user = org.officer(org.mo).user_id
        steps = [
            (Kind.DECLARED, 0, created, declarer.user_id, None,
             f"{declarer.name} declared a relationship with {other.name}."),
            (Kind.MANAGER_NOTIFIED, 0, created, declarer.user_id, manager_user,
             f"{org.officer(manager).name} (line manager) told."),
        ]  # fmt: skip
        recent = age < 90
        roll = rng.random()
        if roll < 0.1 and not recent:
            status = Declaration.Status.WITHDRAWN
        elif recent and roll < 0.6:
            status = Declaration.Status.SUBMITTED
        elif recent and roll < 0.7:
            status = Declaration.Status.MORE_INFORMATION
        else:
            status = Declaration.Status.REVIEWED
        reviewed_at = None
        if status in (Declaration.Status.REVIEWED, Declaration.Status.WITHDRAWN):
            reviewed_at = min(created + timedelta(days=rng.randint(1, 20)), clock.now)
            steps.append((Kind.REVIEWED, 0, reviewed_at, mo_user, None, "Reviewed."))
        elif status == Declaration.Status.MORE_INFORMATION:
            at = min(created + timedelta(days=2), clock.now)
            steps.append((Kind.INFORMATION_REQUESTED, 0, at, mo_user, None, "More asked for."))
        declaration = Declaration(
            status=status, ends_on=ends_on, confirmed_on=made, confirm_by=add_months(made, 12)
        )
        if status == Declaration.Status.WITHDRAWN:
            at = reviewed_at + timedelta(days=rng.randint(1, 200))
            steps.append((Kind.WITHDRAWN, 0, min(at, clock.now), declarer.user_id, None, ""))
            declaration.next_action_at = None
        else:
            steps += self._cycles(declaration, declarer.user_id)
        self.rows.add(
            (pk, f"DEC-{created:%Y}-{pk:06d}", declarer.user_id, side, other.user_id,
             relationship, "We have known each other for many years.", starts_on, ends_on,
             status, created, manager_user, "", "Noted; no further action." if reviewed_at
             else "", "", mo_user if reviewed_at else None, reviewed_at, declaration.cycle,
             declaration.confirmed_on, declaration.confirm_by, declaration.next_action_at)
        )  # fmt: skip
        for kind, cycle, at, actor, recipient, detail in steps:
            self.steps.add((self.w.new_id(DeclarationStep), pk, kind, cycle, at, actor,
                            recipient, detail))  # fmt: skip

    def _cycles(self, declaration: Declaration, declarer_user: int) -> list[tuple]:
        """Each year's reminder and re-confirmation, or the lapse; then `schedule` as the
        services set it."""
        clock, rng, now = self.clock, self.rng, self.clock.now
        steps, done = [], set()
        while declaration.needs_reconfirming:
            remind, lapse = reminder_at(declaration), lapse_at(declaration)
            if remind <= now:
                steps.append((Kind.CONFIRM_REMINDER, declaration.cycle, remind, None, None,
                               "Reminded to re-confirm."))  # fmt: skip
                done.add(Kind.CONFIRM_REMINDER)
            if lapse > now:
                break
            if rng.random() < 0.08:
                steps.append((Kind.LAPSED, declaration.cycle, lapse, None, None, "Lapsed."))
                done.add(Kind.LAPSED)
                break
            confirmed: date = declaration.confirm_by - timedelta(days=rng.randint(0, 13))
            steps.append((Kind.CONFIRMED, declaration.cycle, clock.at(confirmed, 10),
                          declarer_user, None, "Confirmed it still stands."))  # fmt: skip
            declaration.cycle += 1
            declaration.confirmed_on = confirmed
            declaration.confirm_by = add_months(confirmed, 12)
            done = set()
        schedule(declaration, now=now, done=done)
        if declaration.next_action_at is not None and declaration.next_action_at <= now:
            raise AssertionError("A declaration would be due at once.")
        return steps
