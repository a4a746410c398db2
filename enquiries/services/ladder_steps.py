"""The sweep's two steps on an enquiry, described once for both ways of taking them (one
enquiry at a time, and a batch): a reminder to the officer it is with, and an escalation to
the next person up the ladder. Each is what its timeline row says and the emails it sends."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from django.utils import timezone

from protocol_site.cases import long_date
from protocol_site.outbox_many import PK_MARK, Email, Shape, Stand, mark
from registers.cover.rules import stand_in
from registers.ladder import Step, ladder_for
from registers.models import Officer

from ..models import Enquiry, EnquiryEvent
from ..routing import conflict_check


@dataclass
class Described:
    """A step: its timeline row's kind and columns, its emails, and for an escalation who it
    went to and whether the ladder ends there."""

    kind: str
    values: dict
    emails: list[Email] = field(default_factory=list)
    officer: Officer | None = None
    last: bool = False


def email_shape(context: dict) -> Shape:
    """What differs between two of the sweep's emails about enquiries (see outbox_many): who it
    is to, the enquiry's reference and link, who has it, and for an escalation who it went to
    and as what. The date it was due is the same for a group."""
    enquiry = context["enquiry"]
    printed = (
        context["recipient"].display_name,
        enquiry.reference,
        enquiry.assigned_to,
        context.get("escalated_to"),
        context.get("role"),
    )
    stand = {
        "recipient": Stand(display_name=mark(0)),
        "enquiry": Stand(
            pk=PK_MARK, reference=mark(1), assigned_to=mark(2), target_date=enquiry.target_date
        ),
        "escalated_to": mark(3),
        "role": mark(4),
    }
    fills = {mark(n): value for n, value in enumerate(printed)} | {"pk": enquiry.pk}
    return Shape(context=stand, fills=fills, key=(enquiry.target_date,))


def reminder(enquiry: Enquiry, now: datetime, due_at: datetime, *, to: Officer) -> Described:
    """The officer it is with, or `to`, their cover on the day while they are away: one
    reminder per deadline either way (the timeline row and the email's key are the
    enquiry's, not the person's)."""
    holder = enquiry.assigned_to
    who = str(holder) if to.pk == holder.pk else f"{to}, covering for {holder},"
    return Described(
        kind=EnquiryEvent.Kind.REMINDER,
        values={
            "detail": f"{who} reminded that it is due by {long_date(enquiry.target_date)}.",
            "cycle": enquiry.target_cycle,
            "rung": 0,
            "officer": to,
            "visible_to_councillor": False,
            "at": now,
            "due_at": due_at,
        },
        emails=[
            Email(
                [to.user],
                "enquiry_reminder",
                {"enquiry": enquiry},
                key=f"enquiry:{enquiry.pk}:reminder:{enquiry.target_cycle}",
                shape=email_shape,
            )
        ],
    )


class Reached(NamedTuple):
    step: Step  # who, and at which rung
    position: int  # the rung's place on the council's ladder
    passed_over: str  # the rung next in line when it was passed over for this one, or ""


def next_on_ladder(
    enquiry: Enquiry,
    ladder: list,
    *,
    history: list[tuple[int | None, int | None]] | None = None,
    is_conflicted: Callable[[int], bool] | None = None,
) -> Reached | None:
    """The next person above the last one who had this deadline, passing over rungs that are
    vacant, held by someone who had it already, or conflicted; None when the ladder has
    ended. `history`: (user id, rung) of this deadline's escalations so far, if already read;
    `is_conflicted`: the declarations register's check, if already read."""
    if history is None:
        history = list(
            enquiry.events.filter(
                kind=EnquiryEvent.Kind.ESCALATED, cycle=enquiry.target_cycle
            ).values_list("officer__user_id", "rung")
        )
    start = max((rung for _, rung in history if rung is not None), default=-1) + 1
    steps = ladder_for(
        enquiry.assigned_to,
        ladder[start:],
        exclude_user_ids={user_id for user_id, _ in history},
        is_conflicted=is_conflicted or conflict_check(enquiry.councillor),  # skip anyone related
    )
    if not steps:
        return None
    position = start + ladder[start:].index(steps[0].rung)
    return Reached(steps[0], position, ladder[start].value if position != start else "")


def escalation(
    enquiry: Enquiry,
    ladder: list,
    now: datetime,
    due_at: datetime,
    *,
    history: list | None = None,
    is_conflicted: Callable[[int], bool] | None = None,
    cover: Officer | None = None,
) -> Described | None:
    """An escalation to the next person up the ladder after the last one who had this
    deadline, with the officer's copy to `cover` (who takes their work today); None when
    nobody is left on the ladder."""
    found = next_on_ladder(enquiry, ladder, history=history, is_conflicted=is_conflicted)
    if found is None:
        return None
    step, position, passed_over = found
    officer = step.person
    cover = cover or stand_in(enquiry.assigned_to, timezone.localtime(now).date())
    context = {"enquiry": enquiry, "escalated_to": officer, "role": step.label}
    cycle = f"{enquiry.target_cycle}:{position}"
    return Described(
        kind=EnquiryEvent.Kind.ESCALATED,
        values={
            "detail": f"Overdue: escalated to {officer} ({step.label}).",
            "cycle": enquiry.target_cycle,
            "rung": position,
            "reached_rung": step.rung.value,
            "stood_in_for": passed_over,
            "officer": officer,
            "at": now,
            "due_at": due_at,
        },
        emails=[
            Email(
                [officer.user],
                "enquiry_escalated",
                context,
                f"enquiry:{enquiry.pk}:escalated:{cycle}",
                email_shape,
            ),
            Email(
                [cover.user],
                "enquiry_escalated_copy",
                context,
                f"enquiry:{enquiry.pk}:escalated-copy:{cycle}",
                email_shape,
            ),
        ],
        officer=officer,
        last=position == len(ladder) - 1,
    )
