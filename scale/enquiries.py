"""Members' enquiries over the years: answered ones (mostly on time, some late and escalated,
some with holding replies or more time, a few declined) and the open ones (due, on a holding
reply or an extension, overdue and escalated), each with its timeline."""

from __future__ import annotations

import random
from bisect import bisect
from datetime import date, timedelta
from itertools import accumulate

from enquiries.models import Enquiry, EnquiryEvent, ExtensionRequest

from . import words
from .plan import CLOSED_MIX, ON_TIME_SHARE, OPEN_MIX, split
from .routing import Router
from .timeline import Kind, Life, Lives

CHANNELS = [c.value for c in Enquiry.Channel]
CHANNEL_WEIGHTS = list(accumulate((55, 25, 10, 5, 5)))
CHANNEL_LABELS = {c.value: c.label.lower() for c in Enquiry.Channel}
DECLINE_REASONS = [r.value for r in Enquiry.DeclineReason]
HISTORY_ENDS_DAYS_AGO = 7  # answered enquiries arrived at least this long ago

ENQUIRY_COLUMNS = (
    "id", "reference", "councillor_id", "ward_id", "kind", "service_id", "approached_officer_id",
    "subject", "details", "attachment", "channel", "logged_by_id", "created_at", "received_at",
    "day_of_receipt", "due_date", "due_explanation", "target_date", "target_cycle",
    "next_action_at", "reminded_cycle", "assigned_to_id", "director_id", "routing_reason",
    "policy_flagged", "in_pre_election_period", "status", "acknowledged_at", "first_reply_at",
    "first_reply_working_days", "closed_at", "response", "decline_reason",
    "decline_explanation", "pointed_to_foi", "escalation_rung", "escalated_to_id",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "enquiry_id", "kind", "at", "actor_id", "detail", "officer_id", "new_date", "cycle",
    "rung", "visible_to_councillor", "due_at", "reached_rung", "stood_in_for",
)  # fmt: skip
EXTENSION_COLUMNS = (
    "id", "enquiry_id", "requested_by_id", "requested_at", "reason", "proposed_date",
    "decided_by_id", "decided_at", "outcome", "agreed_date", "decision_note",
)  # fmt: skip


class EnquirySeeder:
    def __init__(self, writer, org, clock, rng: random.Random, plan, conflicts: set):
        self.w, self.org, self.clock, self.rng, self.plan = writer, org, clock, rng, plan
        self.router = Router(org, rng, conflicts)
        self.lives = Lives(org, clock)
        self.enquiries = writer.table(Enquiry, ENQUIRY_COLUMNS)
        self.events = writer.table(EnquiryEvent, EVENT_COLUMNS)
        self.extensions = writer.table(ExtensionRequest, EXTENSION_COLUMNS)
        self.counts: dict[str, int] = {}

    # When ---------------------------------------------------------------------------------

    def _history_days(self) -> list[tuple[date, str]]:
        """Days the answered enquiries arrived on: ten years, growing, fewer at weekends."""
        clock = self.clock
        first = clock.today.replace(year=clock.today.year - self.plan.years)
        days = clock.days(first, clock.today - timedelta(days=HISTORY_ENDS_DAYS_AGO))
        weights = [
            (1.05 ** ((d - first).days / 365)) * (1.0 if clock.calendar.is_working_day(d) else 0.12)
            for d in days
        ]
        cum = list(accumulate(weights))
        picked = []
        for how, n in split(self.plan.closed_enquiries, CLOSED_MIX):
            self.counts[how] = n
            picked += [(day, how) for day in self.rng.choices(days, cum_weights=cum, k=n)]
        return picked

    def _open_days(self) -> list[tuple[date, str]]:
        rng, clock = self.rng, self.clock
        picked = []
        for state, n in split(self.plan.open_enquiries, OPEN_MIX):
            self.counts[state] = n
            for _ in range(n):
                if state == "due":
                    ago = rng.randint(0, 9)
                elif state in ("holding", "extension"):
                    ago = rng.randint(4, 20)
                elif state == "extension_asked":
                    ago = rng.randint(6, 9)
                elif state == "holding_late":
                    ago = rng.randint(15, 60)
                else:
                    ago = 11 + min(480, int(rng.expovariate(1 / 60)))
                picked.append((clock.working_days_ago(ago), state))
        return picked

    def run(self) -> dict[str, int]:
        schedule = sorted(self._history_days() + self._open_days(), key=lambda item: item[0])
        for day, how in schedule:
            self._one(day, how)
        return self.counts

    # One enquiry --------------------------------------------------------------------------

    def _received_at(self, day: date, channel: str):
        rng, clock = self.rng, self.clock
        if channel == "online":
            moment = clock.at(day, rng.randint(7, 22), rng.randint(0, 59))
        else:
            moment = clock.at(day, rng.randint(9, 16), rng.randint(0, 59))
        if moment >= clock.now:
            moment = clock.now - timedelta(minutes=rng.randint(5, 600))
        return moment

    def _one(self, day: date, how: str) -> None:
        rng, clock = self.rng, self.clock
        channel = CHANNELS[bisect(CHANNEL_WEIGHTS, rng.random() * CHANNEL_WEIGHTS[-1])]
        received_at = self._received_at(day, channel)
        receipt, due, explanation = clock.received(received_at)
        route = self.router.route(channel)
        life = Life(due)
        logged_by = route.councillor.user_id if channel == "online" else route.logger_user
        life.event(Kind.LOGGED, received_at, logged_by,
                   f"Logged ({CHANNEL_LABELS[channel]}): {explanation}.")  # fmt: skip
        life.event(Kind.ROUTED, received_at, logged_by, route.reason, route.first_officer)
        assigned = route.first_officer
        if route.reassigned_to:
            assigned = route.reassigned_to
            at = received_at + timedelta(hours=rng.randint(1, 20))
            life.event(
                Kind.REASSIGNED, at, self.org.officer(route.first_officer).user_id,
                f"Passed to {self.org.officer(assigned).name}, who deals with this.", assigned,
            )  # fmt: skip
        enquiry_id = self.w.new_id(Enquiry)
        answer = Answer(self, life, received_at, receipt, assigned, route)
        extension = answer.live(how)
        if how in ("due", "holding", "holding_late", "extension", "extension_asked", "overdue"):
            self.lives.settle_open(life)
        self._write(enquiry_id, channel, received_at, receipt, due, explanation, route,
                    assigned, logged_by, life)  # fmt: skip
        if extension is not None:
            self.extensions.add((self.w.new_id(ExtensionRequest), enquiry_id, *extension))

    def _write(self, pk, channel, received_at, receipt, due, explanation, route, assigned,
               logged_by, life: Life) -> None:  # fmt: skip
        status = life.status
        response = words.RESPONSE if status == "responded" else ""
        declined = status == "declined"
        self.enquiries.add(
            (pk, f"ENQ-{received_at:%Y}-{pk:06d}", route.councillor.id, route.councillor.ward_id,
             route.kind, route.service.id, route.approached, route.subject, words.DETAILS, "",
             channel, logged_by, received_at, received_at, receipt, due, explanation,
             life.target, life.cycle, life.next_action_at, life.reminded, assigned,
             route.director, route.reason, False, False, status, life.acknowledged_at,
             life.first_reply_at, life.first_reply_days, life.closed_at, response,
             self.rng.choice(DECLINE_REASONS) if declined else "",
             "This is a request for information best made under FOI." if declined else "",
             declined, life.rung, life.escalated_to)
        )  # fmt: skip
        new_id, events = self.w.new_id, self.events
        for event in life.events:
            events.add((new_id(EnquiryEvent), pk, *event))


class Answer:
    """What happened to one enquiry after it was logged, by how it went."""

    def __init__(self, seeder: EnquirySeeder, life: Life, received_at, receipt, assigned, route):
        self.s, self.life, self.received_at, self.receipt = seeder, life, received_at, receipt
        self.assigned, self.route = assigned, route
        self.clock, self.rng, self.lives = seeder.clock, seeder.rng, seeder.lives
        self.user = seeder.org.officer(assigned).user_id

    def live(self, how: str):
        return getattr(self, how)()

    def _moment(self, day: date):
        moment = self.clock.at(day, self.rng.randint(9, 17), self.rng.randint(0, 59))
        return min(moment, self.clock.now - timedelta(minutes=1))

    def _last_day_before_now(self, cap: int = 60) -> int:
        """The most working days after receipt (up to `cap`) that still fall before today."""
        return min(cap, self.clock.working_days_before_today(self.receipt))

    def _acknowledge(self, before) -> None:
        if self.rng.random() < 0.7:
            at = self.received_at + timedelta(minutes=self.rng.randint(20, 900))
            if at < before:
                self.life.acknowledged_at = at
                self.life.status = "acknowledged"
                self.life.event(Kind.ACKNOWLEDGED, at, self.user, "Acknowledged.")

    def _reply_days(self) -> int:
        limit = self.clock.working_days
        if self.rng.random() < ON_TIME_SHARE:
            return min(limit, max(1, int(self.rng.triangular(1, limit + 1, 8))))
        return limit + 1 + int(self.rng.expovariate(1 / 6))

    def _reply(self, k: int):
        return self._moment(self.clock.add(self.receipt, k))

    def _first_reply(self, at, k: int) -> None:
        self.life.first_reply_at = at
        self.life.first_reply_days = k

    def _respond(self, at) -> None:
        life = self.life
        self.lives.run_deadline(life, self.assigned, at)
        life.status, life.closed_at = "responded", at
        life.event(Kind.RESPONDED, at, self.user, words.RESPONSE)

    # Answered -----------------------------------------------------------------------------

    def responded(self):
        k = max(1, min(self._reply_days(), self._last_day_before_now()))
        at = self._reply(k)
        self._acknowledge(at)
        self._first_reply(at, k)
        self._respond(at)

    def holding_then_responded(self):
        top = self._last_day_before_now()
        k = max(1, min(self.rng.randint(5, self.clock.working_days), top))
        at = self._holding(k, days_ahead=self.rng.randint(3, 10))
        final = min(self.life.target, self.clock.today - timedelta(days=1))
        self._respond(max(self._moment(final), at + timedelta(minutes=30)))

    def extension_then_responded(self):
        top = self._last_day_before_now()
        agreed_at = self._extension(max(1, min(self.rng.randint(5, 9), top)), agree=True)
        final = min(self.life.target, self.clock.today - timedelta(days=1))
        at = max(self._moment(final), agreed_at + timedelta(minutes=30))
        self._first_reply(at, self.clock.between(self.receipt, at.date()))
        self._respond(at)
        return self._extension_row

    def declined(self):
        k = max(1, min(self.rng.randint(1, 5), self._last_day_before_now()))
        at = self._reply(k)
        self.lives.run_deadline(self.life, self.assigned, at)
        director = self.route.director
        self.life.status, self.life.closed_at = "declined", at
        self.life.event(
            Kind.DECLINED, at, self.s.org.officer(director).user_id,
            "Declined: the information can be requested under FOI.",
        )  # fmt: skip

    # Open ---------------------------------------------------------------------------------

    def due(self):
        self._acknowledge(self.clock.now)
        self.lives.run_deadline(self.life, self.assigned, self.clock.now)

    def overdue(self):
        self._acknowledge(self.clock.now)
        self.lives.run_deadline(self.life, self.assigned, self.clock.now)

    def holding(self, late: bool = False):
        top = max(1, self._last_day_before_now())
        k = max(1, min(self.rng.randint(3, self.clock.working_days), top))
        if late:
            since = self._working_days_to_today(k)
            ahead = self.rng.randint(1, since - 1) if since >= 3 else self.rng.randint(1, 5)
        else:
            ahead = self.rng.randint(1, 15) + self._working_days_to_today(k)
        self._holding(k, days_ahead=ahead)
        self.lives.run_deadline(self.life, self.assigned, self.clock.now)

    def holding_late(self):
        self.holding(late=True)

    def extension(self):
        top = max(1, self._last_day_before_now())
        self._extension(max(1, min(self.rng.randint(4, 9), top)), agree=True, future=True)
        self.lives.run_deadline(self.life, self.assigned, self.clock.now)
        return self._extension_row

    def extension_asked(self):
        k = max(1, min(self.rng.randint(5, 8), self._last_day_before_now()))
        self._extension(k, agree=False)
        self.lives.run_deadline(self.life, self.assigned, self.clock.now)
        return self._extension_row

    # Steps --------------------------------------------------------------------------------

    def _working_days_to_today(self, k: int) -> int:
        return self.clock.between(self.clock.add(self.receipt, k), self.clock.today)

    def _holding(self, k: int, *, days_ahead: int):
        life = self.life
        at = self._reply(k)
        self.lives.run_deadline(life, self.assigned, at)
        expected = self.clock.add(self.clock.add(self.receipt, k), days_ahead)
        life.status = "holding"
        self._first_reply(at, k)
        self.lives.move_target(life, expected)
        life.event(Kind.HOLDING_REPLY, at, self.user, words.HOLDING, new_date=expected)
        return at

    def _extension(self, k: int, *, agree: bool, future: bool = False):
        life = self.life
        asked_at = self._reply(k)
        if life.status == "logged":
            life.status = "acknowledged"
            life.acknowledged_at = asked_at - timedelta(minutes=5)
        extra = self.rng.randint(5, 10) + (self._working_days_to_today(k) if future else 0)
        proposed = self.clock.add(life.target, extra)
        life.event(Kind.EXTENSION_REQUESTED, asked_at, self.user, words.EXTENSION_REASON,
                   new_date=proposed, visible=False)  # fmt: skip
        director = self.route.director
        if not agree:
            self._extension_row = (self.assigned, asked_at, words.EXTENSION_REASON, proposed,
                                   None, None, "pending", None, "")  # fmt: skip
            return asked_at
        agreed_at = min(asked_at + timedelta(hours=3), self.clock.now - timedelta(minutes=1))
        self.lives.run_deadline(life, self.assigned, agreed_at)
        self.lives.move_target(life, proposed)
        life.event(Kind.EXTENSION_AGREED, agreed_at, self.s.org.officer(director).user_id,
                   "", new_date=proposed)  # fmt: skip
        self._extension_row = (self.assigned, asked_at, words.EXTENSION_REASON, proposed,
                               director, agreed_at, "agreed", proposed, "")  # fmt: skip
        return agreed_at
