"""Political groups' briefing requests over the years: notes written and issued (and offered
to the other groups under equal access), officers' attendance at group meetings, declined and
withdrawn requests, a few confidential briefings, and the open requests of recent weeks."""

from __future__ import annotations

import random
from datetime import timedelta

from groups.models import (
    Attendance,
    BriefingEvent,
    BriefingNote,
    BriefingOffer,
    BriefingRequest,
    SeniorCapacity,
)

from . import words

Ev = BriefingEvent.Kind
COLUMNS = (
    "id", "reference", "kind", "group_id", "requested_by_id", "addressed_to_id", "subject",
    "topic", "details", "meeting_date", "others_present", "non_council_attendees",
    "non_council_names", "decision_meeting", "decision_meeting_date", "alternative_budget",
    "confidential", "status", "created_at", "in_pre_election_period", "decided_at",
    "decided_by_id", "officer_id", "decline_reason", "exception_text", "closed_at",
)  # fmt: skip
NOTE_COLUMNS = (
    "id", "request_id", "author_id", "facts", "options", "confirmed_no_politics", "status",
    "updated_at", "issued_at",
)  # fmt: skip
ATTENDANCE_COLUMNS = (
    "id", "request_id", "officer_id", "attended_on", "senior_officer_id", "senior_capacity",
    "left_before_decision", "only_council_members", "recorded_at",
)  # fmt: skip


class BriefingSeeder:
    def __init__(self, writer, org, clock, rng: random.Random, plan):
        self.w, self.org, self.clock, self.rng, self.plan = writer, org, clock, rng, plan
        self.rows = writer.table(BriefingRequest, COLUMNS)
        self.notes = writer.table(BriefingNote, NOTE_COLUMNS)
        self.offers = writer.table(
            BriefingOffer, ("id", "note_id", "group_id", "offered_at", "received_at",
                            "received_by_id")
        )  # fmt: skip
        self.attendance = writer.table(Attendance, ATTENDANCE_COLUMNS)
        self.events = writer.table(BriefingEvent, ("id", "request_id", "kind", "at", "actor_id",
                                                   "detail"))  # fmt: skip
        sizes = {g: len(m) for g, m in org.groups.items()}
        self.groups = list(sizes)
        self.group_weights = [sizes[g] ** 0.5 for g in self.groups]  # minorities ask too
        self.councillors = {c.id: c for c in org.councillors}
        self.addressees = [org.ce, *org.directors.values()]
        self.ce_user = org.officer(org.ce).user_id
        self.counts = {"attendances": 0, "notes_issued": 0, "offers": 0}

    def run(self) -> dict[str, int]:
        for _ in range(self.plan.briefings):
            self._one()
        return self.counts

    def _one(self) -> None:
        rng, clock, org = self.rng, self.clock, self.org
        group = rng.choices(self.groups, self.group_weights)[0]
        leader = self.councillors[org.leaders[group]]
        confidential = rng.random() < 0.04
        addressed = rng.choice(self.addressees)
        kind = "note" if rng.random() < 0.6 else "attendance"
        age = int(rng.triangular(0, 365 * self.plan.years, 365 * self.plan.years * 0.75))
        recent = age < 30
        created = min(clock.at(clock.today - timedelta(days=age), rng.randint(9, 17)),
                      clock.now - timedelta(minutes=30))  # fmt: skip
        meeting = created.date() + timedelta(days=rng.randint(10, 40))
        topic = rng.choice(words.BRIEFING_TOPICS)
        pk = self.w.new_id(BriefingRequest)
        events = [(Ev.REQUESTED, created, leader.user_id, "Requested.")]
        roll = rng.random()
        if recent and roll < 0.4:
            status = "requested"
        elif recent and roll < 0.8:
            status = "cleared"
        elif roll < 0.08:
            status = "declined"
        elif roll < 0.13:
            status = "withdrawn"
        else:
            status = "completed"
        decided_at = decided_by = officer = closed_at = None
        decline_reason = ""
        if status != "requested" and status != "withdrawn":
            decided_at = min(created + timedelta(days=rng.randint(1, 5)), clock.now)
            decided_by = self.ce_user
        if status == "declined":
            decline_reason = "The request is for party-political work (002 §9.b.ii)."
            events.append((Ev.DECLINED, decided_at, decided_by, decline_reason))
            closed_at = decided_at
        elif status in ("cleared", "completed"):
            officer = addressed
            if rng.random() < 0.3:
                service = rng.choice(org.services)
                officer = service.head
                events.append((Ev.NOMINATED, decided_at, decided_by, "Representative nominated."))
            events.append((Ev.CLEARED, decided_at, decided_by, "Cleared."))
        elif status == "withdrawn":
            closed_at = min(created + timedelta(days=rng.randint(1, 10)), clock.now)
            events.append((Ev.WITHDRAWN, closed_at, leader.user_id, "Withdrawn."))
        if status == "completed":
            closed_at = self._complete(pk, kind, group, officer, meeting, decided_at, events,
                                       confidential)  # fmt: skip
        self.rows.add(
            (pk, f"BRF-{created:%Y}-{pk:06d}", kind, group, leader.user_id, addressed,
             f"Briefing on {topic.lower()}", topic, "", meeting, "", False, "",
             "Full Council" if kind == "note" else "", meeting + timedelta(days=14)
             if kind == "note" else None, False, confidential, status, created, False,
             decided_at, decided_by, officer, decline_reason, "", closed_at)
        )  # fmt: skip
        for kind_, at, actor, detail in events:
            self.events.add((self.w.new_id(BriefingEvent), pk, kind_, at, actor, detail))

    def _complete(self, pk, kind, group, officer, meeting, decided_at, events, confidential):
        rng, clock, org = self.rng, self.clock, self.org
        officer_user = org.officer(officer).user_id
        if kind == "attendance":
            attended = min(clock.at(meeting, 19), clock.now - timedelta(minutes=10))
            senior = rng.choice([org.ce, org.mo])
            capacity = (
                SeniorCapacity.CHIEF_EXECUTIVE if senior == org.ce
                else SeniorCapacity.MONITORING_OFFICER
            )  # fmt: skip
            self.attendance.add((self.w.new_id(Attendance), pk, officer, attended.date(),
                                 senior, capacity, True, True, attended))  # fmt: skip
            events.append((Ev.NOTICE, decided_at, None, "Notice of attendance given."))
            events.append((Ev.ATTENDED, attended, officer_user, "Attendance recorded."))
            self.counts["attendances"] += 1
            return attended
        issued = min(decided_at + timedelta(days=rng.randint(2, 10)), clock.now)
        note_id = self.w.new_id(BriefingNote)
        self.notes.add((note_id, pk, officer_user, "The material facts.", "The options.",
                        True, "issued", issued, issued))  # fmt: skip
        events.append((Ev.NOTE_ISSUED, issued, officer_user, "Note issued."))
        self.counts["notes_issued"] += 1
        if not confidential:
            others = [g for g in self.groups if g != group]
            for other in others:
                received_at = received_by = None
                if rng.random() < 0.6:
                    received_at = min(issued + timedelta(days=rng.randint(1, 7)), clock.now)
                    received_by = self.councillors[org.leaders[other]].user_id
                    events.append((Ev.RECEIVED, received_at, received_by, "Received."))
                self.offers.add((self.w.new_id(BriefingOffer), note_id, other, issued,
                                 received_at, received_by))  # fmt: skip
                self.counts["offers"] += 1
            events.append((Ev.OFFERED, issued, officer_user, "Offered to the other groups."))
        return issued
