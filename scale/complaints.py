"""Complaints between members and officers over the years, at every stage of their ladders:
closed ones (resolved, referred, withdrawn) and open ones, each stage timed by the calendar and
moved up at its deadline as the sweep would, with the Monitoring Officer copied in."""

from __future__ import annotations

import random
from datetime import timedelta

from complaints.models import (
    Complaint,
    ComplaintCopy,
    ComplaintEvent,
    ComplaintStage,
    Outcome,
    Referral,
)
from complaints.routing import OFFICER_ABOUT_MEMBER_LADDER, configured_ladder
from protocol_site.calendar import end_of_day
from registers.ladder import RUNG_LABELS, Rung

from . import words
from .plan import COMPLAINT_ABOUT_MEMBER_SHARE, COMPLAINT_OPEN_SHARE, COMPLAINT_STAGES

Ev = ComplaintEvent.Kind
Direction = Complaint.Direction
COLUMNS = (
    "id", "reference", "direction", "complainant_id", "subject_officer_id",
    "subject_councillor_id", "summary", "details", "status", "outcome", "created_at",
    "closed_at", "mo_copied", "subject_notified_at", "stage_number", "current_handler_id",
    "next_action_at",
)  # fmt: skip
STAGE_COLUMNS = (
    "id", "complaint_id", "number", "rung", "handler_id", "handler_role", "opened_reason",
    "opened_at", "acknowledge_by", "resolve_by", "acknowledge_reminder_at", "status",
    "acknowledged_at", "closed_at", "outcome", "referral", "outcome_note", "management_note",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "complaint_id", "kind", "at", "actor_id", "stage_number", "detail",
    "visible_to_complainant",
)  # fmt: skip
DECISIONS = (
    (Outcome.RESOLVED_INFORMALLY, 0.38),
    (Outcome.UPHELD, 0.15),
    (Outcome.PARTLY_UPHELD, 0.15),
    (Outcome.NOT_UPHELD, 0.22),
    (Outcome.REFERRED, 0.05),
    (Outcome.WITHDRAWN, 0.05),
)


class ComplaintSeeder:
    def __init__(self, writer, org, clock, rng: random.Random, plan):
        self.w, self.org, self.clock, self.rng, self.plan = writer, org, clock, rng, plan
        self.rows = writer.table(Complaint, COLUMNS)
        self.stage_rows = writer.table(ComplaintStage, STAGE_COLUMNS)
        self.event_rows = writer.table(ComplaintEvent, EVENT_COLUMNS)
        self.copies = writer.table(ComplaintCopy, ("id", "complaint_id", "user_id", "role",
                                                   "reason", "at"))  # fmt: skip
        self.subjects = [
            o for o in org.officers.values() if o.tier >= 5 and o.id not in (org.mo, org.deputy_mo)
        ]
        self.front_line = [o for s in org.services for o in s.front_line]
        self.mo_user = org.officer(org.mo).user_id

    def run(self) -> dict[str, int]:
        n_open = max(1, round(self.plan.complaints * COMPLAINT_OPEN_SHARE))
        for index in range(self.plan.complaints):
            self._one(open_=index < n_open)
        return {"open_complaints": n_open}

    # Who ---------------------------------------------------------------------------------

    def _parties(self):
        """(direction, complainant user, subject officer id, subject councillor, ladder
        officer, rungs)."""
        org, rng = self.org, self.rng
        if rng.random() < COMPLAINT_ABOUT_MEMBER_SHARE:
            officer = org.officer(rng.choice(self.front_line))
            councillor = rng.choice(org.councillors)
            return (Direction.OFFICER_ABOUT_MEMBER, officer.user_id, None, councillor, officer,
                    OFFICER_ABOUT_MEMBER_LADDER)  # fmt: skip
        subject = rng.choice(self.subjects)
        councillor = rng.choice(org.councillors)
        return (Direction.MEMBER_ABOUT_OFFICER, councillor.user_id, subject.id, None, subject,
                configured_ladder())  # fmt: skip

    def _handlers(self, ladder_officer, rungs, exclude: set[int]) -> list[tuple[Rung, int]]:
        """Each stage's rung and handler (officer id): `next_handler`, stage after stage."""
        out, earlier, remaining = [], set(exclude), list(rungs)
        while remaining:
            steps = self.org.ladder(ladder_officer.id, remaining, exclude_user_ids=earlier)
            if not steps:
                break
            rung, person = steps[0]
            out.append((Rung(rung), person))
            earlier.add(self.org.officer(person).user_id)
            remaining = remaining[remaining.index(rung) + 1 :]
        return out

    # One complaint ----------------------------------------------------------------------

    def _one(self, *, open_: bool) -> None:
        rng, clock, org = self.rng, self.clock, self.org
        direction, complainant, subject_officer, subject_cllr, ladder_officer, rungs = (
            self._parties()
        )
        subject_user = (
            org.officer(subject_officer).user_id if subject_officer else subject_cllr.user_id
        )
        handlers = self._handlers(ladder_officer, rungs, {complainant, subject_user})
        if open_:
            created_day = clock.working_days_ago(rng.randint(0, 45))
        else:
            created_day = clock.today - timedelta(days=rng.randint(90, 365 * self.plan.years))
        created = min(clock.at(created_day, rng.randint(9, 17), rng.randint(0, 59)),
                      clock.now - timedelta(minutes=30))  # fmt: skip
        reached = rng.choices([s for _w, s in COMPLAINT_STAGES],
                              [w for w, _s in COMPLAINT_STAGES])[0]  # fmt: skip
        reached = min(reached, len(handlers))
        pk = self.w.new_id(Complaint)
        events: list[tuple] = [(Ev.RAISED, created, complainant, None, "Raised privately.", True)]
        mo_copied = self.mo_user not in (complainant, subject_user)
        if mo_copied:
            events.append((Ev.MO_COPIED, created, complainant, None,
                           "Copied to the Monitoring Officer.", True))  # fmt: skip
        if direction == Direction.OFFICER_ABOUT_MEMBER:
            self._report(pk, ladder_officer, handlers[0][1], created, events, complainant)
        status, outcome, closed_at, next_action, notified = "open", "", None, None, None
        opened, number, stages = created, 0, []
        while True:
            number += 1
            rung, handler = handlers[number - 1]
            stage = self._stage(pk, number, rung, handler, opened, events)
            stages.append(stage)
            deadline = end_of_day(stage["resolve_by"])
            last = number == len(handlers)
            if open_:
                if deadline > clock.now:
                    next_action = self._pending(stage, deadline, events)
                    break
                if last:  # stuck at the last rung: reminded once, nothing more to do
                    events.append((Ev.REMINDER, deadline, None, number,
                                   "The handler was reminded.", False))  # fmt: skip
                    break
                opened = self._move_up(stage, deadline + timedelta(minutes=1), "auto", events)
                continue
            if number < reached:
                how = "auto" if rng.random() < 0.5 else "handler"
                moment = deadline + timedelta(minutes=1)
                if how == "handler":
                    local = stage["opened_at"].astimezone(clock.now.tzinfo)
                    moment = clock.at(clock.add(local.date(), rng.randint(3, 8)), 11)
                opened = self._move_up(stage, moment, how, events)
                continue
            status, outcome, closed_at = self._close(stage, rung, last, events)
            break
        if direction == Direction.MEMBER_ABOUT_OFFICER and rng.random() < 0.5:
            notified = stages[0]["opened_at"] + timedelta(days=3)
            if notified < clock.now:
                events.append((Ev.SUBJECT_NOTIFIED, notified, stages[0]["handler"], 1,
                               "The officer complained about was told.", True))  # fmt: skip
            else:
                notified = None
        summary = rng.choice(words.COMPLAINT_SUMMARIES)
        self.rows.add(
            (pk, f"CMP-{created:%Y}-{pk:06d}", direction, complainant, subject_officer,
             subject_cllr.id if subject_cllr else None, summary, words.DETAILS, status,
             outcome, created, closed_at, mo_copied, notified, number, stages[-1]["handler"],
             next_action)
        )  # fmt: skip
        for stage in stages:
            values = tuple(stage[c] for c in STAGE_COLUMNS[2:])
            self.stage_rows.add((self.w.new_id(ComplaintStage), pk, *values))
        for kind, at, actor, stage_number, detail, visible in events:
            self.event_rows.add((self.w.new_id(ComplaintEvent), pk, kind, at, actor,
                                 stage_number, detail, visible))  # fmt: skip

    def _stage(self, pk, number, rung, handler, opened, events) -> dict:
        clock, rng = self.clock, self.rng
        local = opened.astimezone(clock.now.tzinfo)
        acknowledge_by, resolve_by, remind = clock.stage(local.date(), local.hour)
        label = RUNG_LABELS[rung]
        handler_user = self.org.officer(handler).user_id
        stage = {
            "number": number, "rung": rung.value, "handler": handler_user,
            "handler_id": handler_user, "handler_role": label,
            "opened_reason": "Raised: the first stage." if number == 1 else "Moved up.",
            "opened_at": opened, "acknowledge_by": acknowledge_by, "resolve_by": resolve_by,
            "acknowledge_reminder_at": remind, "status": "open", "acknowledged_at": None,
            "closed_at": None, "outcome": "", "referral": "", "outcome_note": "",
            "management_note": "",
        }  # fmt: skip
        events.append((Ev.STAGE_OPENED, opened, None, number,
                       f"Stage {number}: with the {label}.", True))  # fmt: skip
        if rng.random() < 0.8:
            at = clock.at(clock.add(local.date(), rng.randint(1, 2)), rng.randint(9, 16))
            if at < clock.now:
                stage["status"], stage["acknowledged_at"] = "acknowledged", at
                events.append((Ev.ACKNOWLEDGED, at, handler_user, number,
                               f"Stage {number} acknowledged by the {label}.", True))  # fmt: skip
        return stage

    def _reminded(self, stage, until, events) -> None:
        """The acknowledgement reminder, if the stage was still unacknowledged at its time."""
        remind = stage["acknowledge_reminder_at"]
        acknowledged = stage["acknowledged_at"]
        if remind is None or remind > until or (acknowledged and acknowledged <= remind):
            return
        events.append((Ev.ACKNOWLEDGE_REMINDER, remind, None, stage["number"],
                       "The handler was reminded to acknowledge.", False))  # fmt: skip

    def _pending(self, stage, deadline, events):
        """next_action_at as the services leave it: the acknowledgement reminder while it is
        still to come for an unacknowledged stage, otherwise the stage's deadline."""
        now = self.clock.now
        remind = stage["acknowledge_reminder_at"]
        if remind is not None and remind <= now:
            self._reminded(stage, now, events)
        elif stage["status"] == "open" and remind is not None and remind < deadline:
            return remind
        return deadline

    def _move_up(self, stage, moment, how, events):
        self._reminded(stage, moment, events)
        if stage["acknowledged_at"] and stage["acknowledged_at"] >= moment:
            stage["status"], stage["acknowledged_at"] = "open", None
        stage.update(status="closed", closed_at=moment, outcome=Outcome.ESCALATED)
        if how == "handler":
            events.append((Ev.ESCALATED, moment, stage["handler"], stage["number"],
                           "Moved up a stage by the handler.", True))  # fmt: skip
        return moment

    def _close(self, stage, rung, last: bool, events):
        clock, rng = self.clock, self.rng
        outcomes, weights = zip(*DECISIONS, strict=True)
        outcome = rng.choices(outcomes, weights)[0]
        # Only the last rung can run late: any other stage would have moved up at its deadline.
        days = rng.randint(11, 20) if last and rng.random() < 0.15 else rng.randint(3, 9)
        local = stage["opened_at"].astimezone(clock.now.tzinfo)
        moment = clock.at(clock.add(local.date(), days), rng.randint(9, 16))
        moment = min(moment, clock.now - timedelta(hours=1))
        self._reminded(stage, moment, events)
        deadline = end_of_day(stage["resolve_by"])
        if moment > deadline:
            events.append((Ev.REMINDER, deadline, None, stage["number"],
                           "The handler was reminded.", False))  # fmt: skip
        referral = ""
        if outcome == Outcome.REFERRED:
            referral = (
                Referral.STANDARDS_COMMITTEE
                if rung == Rung.MONITORING_OFFICER
                else rng.choice([Referral.DISCIPLINARY, Referral.WHISTLEBLOWING])
            )
            status, kind = "referred", Ev.REFERRED
        elif outcome == Outcome.WITHDRAWN:
            status, kind = "withdrawn", Ev.WITHDRAWN
        else:
            status, kind = "resolved", Ev.RESOLVED
        stage.update(status="closed", closed_at=moment, outcome=outcome, referral=referral,
                     outcome_note="The outcome was explained to both parties.")  # fmt: skip
        events.append((kind, moment, stage["handler"], stage["number"],
                       f"Outcome: {outcome.label}.", True))  # fmt: skip
        return status, outcome, moment

    def _report(self, pk, officer, first_handler, at, events, actor) -> None:
        """003 §14.1: an officer's complaint about a member reported to the Chief Executive and
        copied to the officer's Director (unless they handle its first stage)."""
        names = []
        for rung, person in self.org.ladder(officer.id, (Rung.CHIEF_EXECUTIVE, Rung.DIRECTOR)):
            if person == first_handler:
                continue
            reason = "reported" if rung == Rung.CHIEF_EXECUTIVE else "copied"
            user = self.org.officer(person).user_id
            self.copies.add((self.w.new_id(ComplaintCopy), pk, user, RUNG_LABELS[rung], reason,
                             at))  # fmt: skip
            names.append(self.org.officer(person).name)
        if names:
            events.append((Ev.COPIED, at, actor, None, f"Reported to {' and '.join(names)}.",
                           True))  # fmt: skip
