"""The sweep's batch: reminders and escalations for many enquiries at once, in a few queries
for the whole batch (clock.enquiry_advance takes the same steps one enquiry at a time).

Under the enquiries' row locks, everything the steps read is read once for the batch (the
posts above each officer, who covers whom today, the councillor's declared relationships,
the escalations each deadline has had), each enquiry's due steps are worked out in memory,
oldest moment first, and the batch's timeline rows, audit events, emails and clock columns are
written in one statement each. An enquiry waiting for the councillor's answer, or one whose
steps cannot be worked out, is left to be taken on its own.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from datetime import datetime

from django.utils import timezone

from declarations.conflicts import related_user_ids_many
from protocol_site.calendar import WorkingCalendar, end_of_day
from protocol_site.cases.batch import Planned, lock_many, plan_event, record_planned, save_many
from protocol_site.request_memo import memo_scope
from registers.cover.rules import stand_ins
from registers.ladder import prime_posts_above

from ..models import Enquiry, EnquiryEvent
from ..policy import escalation_ladder
from . import ladder_steps
from .clock import CLOCK_FIELDS, reschedule

logger = logging.getLogger(__name__)

STEP_KINDS = (EnquiryEvent.Kind.REMINDER, EnquiryEvent.Kind.ESCALATED)


class _Batch:
    """What the batch's steps read, read once."""

    def __init__(self, enquiries: list[Enquiry], now: datetime):
        day = timezone.localtime(now).date()
        officers = {enquiry.assigned_to_id: enquiry.assigned_to for enquiry in enquiries}
        prime_posts_above(officer.working_post for officer in officers.values())
        self.covers = stand_ins(officers.values(), day)
        self.related = related_user_ids_many({e.councillor.user_id for e in enquiries})
        self.ladder = [r.rung for r in escalation_ladder()]
        self.taken: set[tuple] = set()  # (enquiry, kind, cycle, rung) of the steps taken
        self.escalated: dict[tuple, list] = defaultdict(list)  # (enquiry, cycle) -> history
        rows = EnquiryEvent.objects.filter(
            enquiry_id__in=[enquiry.pk for enquiry in enquiries], kind__in=STEP_KINDS
        ).values_list("enquiry_id", "kind", "cycle", "rung", "officer__user_id")
        for enquiry_id, kind, cycle, rung, user_id in rows:
            self.took(enquiry_id, kind, cycle, rung, user_id)

    def took(self, enquiry_id, kind, cycle, rung, user_id) -> None:
        self.taken.add((enquiry_id, kind, cycle, rung))
        if kind == EnquiryEvent.Kind.ESCALATED:
            self.escalated[(enquiry_id, cycle)].append((user_id, rung))

    def plan(self, enquiry: Enquiry, step: ladder_steps.Described) -> Planned | None:
        """The step, unless its unique key is taken (and then nothing is written)."""
        values = step.values
        key = (enquiry.pk, step.kind, values["cycle"], values["rung"])
        if key in self.taken:
            return None
        officer = step.officer or values["officer"]
        self.took(*key, officer.user_id)
        if step.officer is not None:
            enquiry.escalated_to = step.officer
        return plan_event(enquiry, step.kind, emails=step.emails, **values)


def enquiries_advance_many(
    *, pks: list[int], now: datetime, calendar: WorkingCalendar
) -> tuple[int, list[int]]:
    """Take every step now due for these enquiries, as `enquiry_advance` would one by one.
    Returns (steps taken, the pks left to be taken one at a time). Runs in the caller's
    transaction."""
    with memo_scope():
        found = list(
            lock_many(
                Enquiry.objects.open().filter(pk__in=pks, next_action_at__lte=now),
                "assigned_to__user",
                "assigned_to__post",
                "councillor",
            ).prefetch_related("assigned_to__acting_posts")
        )
        left = [enquiry.pk for enquiry in found if enquiry.waiting_since is not None]
        enquiries = [enquiry for enquiry in found if enquiry.waiting_since is None]
        if not enquiries:
            return 0, left
        batch = _Batch(enquiries, now)
        planned: list[Planned] = []
        advanced: list[Enquiry] = []
        for enquiry in enquiries:
            try:
                steps = _steps(batch, enquiry, now, calendar)
            except Exception:
                logger.exception("Enquiry %s: left to be swept on its own", enquiry.pk)
                left.append(enquiry.pk)
                continue
            planned += steps
            advanced.append(enquiry)
        save_many(advanced, CLOCK_FIELDS)
        return record_planned(planned), left


def _steps(batch: _Batch, enquiry: Enquiry, now: datetime, calendar) -> list[Planned]:
    """`enquiry_advance`'s loop, its steps planned rather than written."""
    planned = []
    cover = batch.covers[enquiry.assigned_to_id]
    related = batch.related[enquiry.councillor.user_id]
    while enquiry.next_action_at and enquiry.next_action_at <= now:
        due_at = enquiry.next_action_at
        if enquiry.reminded_cycle != enquiry.target_cycle:
            if now < end_of_day(enquiry.target_date):  # too late to remind: escalate
                planned.append(
                    batch.plan(enquiry, ladder_steps.reminder(enquiry, now, due_at, to=cover))
                )
            enquiry.reminded_cycle = enquiry.target_cycle
        else:
            step = ladder_steps.escalation(
                enquiry,
                batch.ladder,
                now,
                due_at,
                history=batch.escalated[(enquiry.pk, enquiry.target_cycle)],
                is_conflicted=related.__contains__,
                cover=cover,
            )
            if step is not None:
                planned.append(batch.plan(enquiry, step))
            ended = step is None or step.last
            # The moment is used up; once the top is reached there are no more.
            enquiry.escalation_rung = len(batch.ladder) if ended else enquiry.escalation_rung + 1
        reschedule(enquiry, calendar, now=now)
    return [step for step in planned if step is not None]
