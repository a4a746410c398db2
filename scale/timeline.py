"""One enquiry's life, worked out the way the services and the sweep would have lived it.

A `Life` collects the enquiry's state and its timeline rows. Each deadline (cycle) gets its
reminder at the moment `enquiries.policy.reminder_at` gives and its escalations at the
moments `escalation_dates` gives, up to whatever ended that deadline (a reply, a new date, or
the dataset's "now"); escalations go to the person `enquiries.services.clock._escalate` would
pick (the next rung with someone not already escalated to this cycle).
"""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from enquiries.models import EnquiryEvent
from enquiries.policy import escalation_ladder
from enquiries.services.clock import reschedule
from registers.ladder import RUNG_LABELS

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
        #                                 cycle, rung, visible to the councillor)
        self.acknowledged_at = None
        self.first_reply_at = None
        self.first_reply_days = None
        self.closed_at = None
        self.next_action_at = None

    def event(self, kind, at, actor=None, detail="", officer=None, new_date=None, **extra):
        self.events.append(
            (kind, at, actor, detail, officer, new_date, extra.get("cycle"), extra.get("rung"),
             extra.get("visible", True))
        )  # fmt: skip


class Lives:
    """Works out deadlines' reminders and escalations for one dataset."""

    def __init__(self, org, clock):
        self.org = org
        self.clock = clock
        self.ladder = escalation_ladder()
        self.rungs = [r.rung for r in self.ladder]
        self._escalation_people: dict[int, list[int | None]] = {}

    def people(self, officer_id: int) -> list[tuple[int, str] | None]:
        """Who each escalation of one deadline goes to, and as which rung, index by index."""
        found = self._escalation_people.get(officer_id)
        if found is None:
            found, earlier = [], set()
            for index in range(len(self.rungs)):
                steps = self.org.ladder(officer_id, self.rungs[index:], exclude_user_ids=earlier)
                if steps:
                    rung, person = steps[0]
                    earlier.add(self.org.officer(person).user_id)
                    found.append((person, RUNG_LABELS[rung]))
                else:
                    found.append(None)
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
        for index, moment in enumerate(clock.escalations(target)):
            if moment > until:
                break
            life.reminded = life.cycle
            life.rung = index + 1
            if people[index] is None:
                continue
            person, label = people[index]
            life.event(
                Kind.ESCALATED, moment, None,
                f"Overdue: escalated to {self.org.officer(person).name} ({label}).",
                person, cycle=life.cycle, rung=index,
            )  # fmt: skip
            life.escalated_to = person

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
        )
        reschedule(enquiry, self.clock.calendar, now=self.clock.now)
        if enquiry.next_action_at is not None and enquiry.next_action_at <= self.clock.now:
            raise AssertionError(f"An open enquiry would be due at once: {vars(enquiry)}")
        life.reminded = enquiry.reminded_cycle
        life.next_action_at = enquiry.next_action_at
