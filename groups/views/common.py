"""What the briefing views share: who uses them, what the viewer may do, and after a change."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from protocol_site.views import case_step_view
from registers.roles import Person, Role, person_for

from .. import permissions
from ..models import BriefingNote, BriefingRequest, Status
from ..selectors import briefing_for, briefings_visible_to, uses_briefings
from ..services.common import holds_confidential_role
from ..services.notes import may_write_note


def require_briefings(request) -> Person:
    person = person_for(request.user)
    if not uses_briefings(person):
        raise PermissionDenied
    return person


def may_request(person: Person) -> bool:
    """A Group Leader; or a lead member or chair, for a confidential briefing (004 §7.1)."""
    if person.has(Role.GROUP_LEADER):
        return True
    councillor = person.councillor
    return (
        councillor is not None and bool(councillor.group_id) and holds_confidential_role(councillor)
    )


def done(request, pk: int, message: str):
    """After a change: back to the request, or to the list if it has moved out of reach."""
    messages.success(request, message)
    if briefings_visible_to(request.user).filter(pk=pk).exists():
        return redirect("groups:detail", pk)
    return redirect("groups:list")


@dataclass(frozen=True)
class Actions:
    decide: bool = False
    withdraw: bool = False
    note: bool = False
    attendance: bool = False
    share: bool = False

    @property
    def any(self) -> bool:
        return any((self.decide, self.withdraw, self.note, self.attendance, self.share))


def actions_for(user, briefing: BriefingRequest, note: BriefingNote | None = None) -> Actions:
    """What the viewer may do now: the services' own rules, and the request's state."""
    return Actions(
        decide=permissions.can_decide(user, briefing) and briefing.status == Status.REQUESTED,
        withdraw=permissions.can_withdraw(user, briefing) and briefing.is_open,
        note=permissions.can_write_note(user, briefing)
        and may_write_note(briefing)
        and not (note and note.is_issued),
        attendance=permissions.can_record_attendance(user, briefing)
        and briefing.kind == BriefingRequest.Kind.ATTENDANCE
        and briefing.status == Status.CLEARED,
        share=permissions.can_share(user, briefing) and briefing.confidential,
    )


def offered(action: str):
    """A step's rule for its page: open when the request's page would offer it (Actions)."""
    return lambda user, briefing: getattr(actions_for(user, briefing), action)


def step_page(name: str, step, template: str):
    """A briefing's action page for `step`, drawn from `template` with the step's own words."""

    def draw(request, briefing, step, form):
        context = {"briefing": briefing, "step": step, "form": form}
        return render(request, template, {**context, **step.extra_context(briefing)})

    return case_step_view(name, step, load=briefing_for, done=done, render=draw)
