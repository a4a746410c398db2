"""One enquiry's life, worked out the way the services and the sweep would have lived it.

A `Life` collects the enquiry's state and its timeline rows. Each deadline (cycle) gets its
reminder at the moment `enquiries.policy.reminder_at` gives and its escalations at the
moments `escalation_dates` gives, up to whatever ended that deadline (a reply, a new date, or
the dataset's "now"); escalations go to the person `enquiries.services.clock._escalate` would
pick (the next person above the last one who had it, until the ladder's top has it).
"""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from enquiries.models import EnquiryEvent
from enquiries.policy import escalation_ladder
from enquiries.services.clock import reschedule
from registers.ladder import RUNG_LABELS, Rung

Kind = EnquiryEvent.Kind


class Life:
    __slots__ = (
        "status", "target", "cycle", "reminded", "rung", "escalated_to", "events",
        "acknowledged_at", "first_reply_at", "first_reply_days", "closed_at", "next_action_at",
    )  # fmt: skip

    def __init__(self, due: date):
        self.status = "logged"
        self.target = due
        self.cycle = 0
        self.reminded: int | None = None
        self.rung = 0
        self.escalated_to: int | None = None
        self.events: list[tuple] = []  # (kind, at, actor user id, detail, officer, new date,
        #         cycle, rung, visible to the councillor, due at, rung reached, stood in for)
        self.acknowledged_at = None
        self.first_reply_at = None
        self.first_reply_days = None
        self.closed_at = None
        self.next_action_at = None

    def event(self, kind, at, actor=None, detail="", officer=None, new_date=None, **extra):
        self.events.append(
            (kind, at, actor, detail, officer, new_date, extra.get("cycle"), extra.get("rung"),
             extra.get("visible", True), extra.get("due_at"), extra.get("reached", ""),
             extra.get("stood_in_for", ""))
        )  # fmt: skip


class Lives:
    """Works out deadlines' reminders and escalations for one dataset."""

    def __init__(self, org, clock):
        self.org = org
        self.clock = clock
        self.ladder = escalation_ladder()
        self.rungs = [r.rung for r in self.ladder]
        self._escalation_people: dict[int, list[int | None]] = {}

    def people(self, officer_id: int) -> list[tuple | None]:
        """Who each escalation moment of one deadline goes to, as `_escalate` picks: the next
        person above the last one who had it, a passed-over rung's moment going up; None once
        the ladder has ended. Each is (officer, label, position reached, rung reached, rung
        passed over)."""
        found = self._escalation_people.get(officer_id)
        if found is None:
            found, earlier, start = [], set(), 0
            for _moment in self.rungs:  # one moment per rung
                rest = self.rungs[start:]
                steps = self.org.ladder(officer_id, rest, exclude_user_ids=earlier) if rest else []
                if not steps:
                    found.append(None)
                    continue
                rung, person = steps[0]
                position = start + rest.index(rung)
                earlier.add(self.org.officer(person).user_id)
                start = position + 1
                label = RUNG_LABELS[rung]
                if rung == Rung.MONITORING_OFFICER and person == self.org.deputy_mo:
                    label = "Deputy Monitoring Officer"
                passed_over = rest[0] if rest[0] != rung else ""
                found.append((person, label, position, rung, passed_over))
            self._escalation_people[officer_id] = found
        return found

    def run_deadline(self, life: Life, assigned: int, until: datetime) -> None:
        """The reminder and escalations of the current deadline that fell before `until`."""
        clock = self.clock
        target = life.target
        remind = clock.reminder(target)
        deadline = clock.deadline(target)
        if remind < deadline and remind <= until:
            when = f"{target:%A} {target.day} {target:%B}"
            name = self.org.officer(assigned).name
            life.event(
                Kind.REMINDER, remind, None, f"{name} reminded that it is due by {when}.",
                assigned, cycle=life.cycle, rung=0, visible=False,
            )  # fmt: skip
            life.reminded = life.cycle
        elif deadline <= until:
            life.reminded = life.cycle  # too late to remind: the sweep escalates instead
        people = self.people(assigned)
        last = len(self.rungs) - 1
        for index, moment in enumerate(clock.escalations(target)):
            if moment > until:
                break
            life.reminded = life.cycle
            life.rung = index + 1
            if people[index] is None:
                life.rung = len(self.rungs)  # the ladder has ended
                break
            person, label, position, rung, stood_in_for = people[index]
            life.event(
                Kind.ESCALATED, moment, None,
                f"Overdue: escalated to {self.org.officer(person).name} ({label}).",
                person, cycle=life.cycle, rung=position, due_at=moment, reached=rung.value,
                stood_in_for=stood_in_for and stood_in_for.value,
            )  # fmt: skip
            life.escalated_to = person
            if position == last:
                life.rung = len(self.rungs)
                break

    def move_target(self, life: Life, new_date: date) -> None:
        life.target = new_date
        life.cycle += 1
        life.rung = 0

    def settle_open(self, life: Life) -> None:
        """next_action_at as `reschedule` sets it; nothing may be due at the dataset's now."""
        enquiry = SimpleNamespace(
            status=life.status,
            target_date=life.target,
            target_cycle=life.cycle,
            reminded_cycle=life.reminded,
            escalation_rung=life.rung,
            next_action_at=None,
            waiting_since=None,  # the dataset has no question waiting on a councillor
        )
        reschedule(enquiry, self.clock.calendar, now=self.clock.now)
        if enquiry.next_action_at is not None and enquiry.next_action_at <= self.clock.now:
            raise AssertionError(f"An open enquiry would be due at once: {vars(enquiry)}")
        life.reminded = enquiry.reminded_cycle
        life.next_action_at = enquiry.next_action_at
