"""What the enquiry views share: who may reach which page, and service errors onto forms."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect
from django_fsm import can_proceed

# Shared with the other apps' pages; still importable from here.
from protocol_site.views import add_service_errors as add_service_errors
from registers.roles import Person, Role, person_for
from registers.roles import require_person as require_person

from ..models import ExtensionRequest
from ..permissions import can_decide_extension, can_decline, can_work
from ..selectors import enquiries_visible_to

# Line managers (a Head of Service among them) and Assistant Directors see their part of the
# council; per-member volumes stay with Directors and the Monitoring Officer (ENQ-10).
VOLUME_ROLES = (
    Role.DIRECTOR,
    Role.CHIEF_EXECUTIVE,
    Role.MONITORING_OFFICER,
    Role.DEMOCRATIC_SERVICES,
)
PERFORMANCE_ROLES = (
    *VOLUME_ROLES,
    Role.LINE_MANAGER,
    Role.ASSISTANT_DIRECTOR,
)
MANAGER_ROLES = (Role.LINE_MANAGER, Role.ASSISTANT_DIRECTOR, Role.DIRECTOR)


def uses_enquiries(person: Person) -> bool:
    return (
        person.councillor is not None
        or person.officer is not None
        or person.has(Role.DEMOCRATIC_SERVICES)
    )


def can_see_performance(person: Person) -> bool:
    return any(person.has(role) for role in PERFORMANCE_ROLES)


def can_see_volumes(person: Person) -> bool:
    return any(person.has(role) for role in VOLUME_ROLES)


def manages_a_team(person: Person) -> bool:
    """Someone with posts under them, whose enquiries they see beside their own queue."""
    return person.officer is not None and any(person.has(role) for role in MANAGER_ROLES)


def done(request, enquiry_pk: int, message: str):
    """After a change: back to the enquiry, or to the list if it has moved out of reach."""
    messages.success(request, message)
    if enquiries_visible_to(request.user).filter(pk=enquiry_pk).exists():
        return redirect("enquiries:detail", enquiry_pk)
    return redirect("enquiries:list")


@dataclass(frozen=True)
class Actions:
    """What the viewer may do to this enquiry now, for the buttons and the action pages."""

    work: bool = False
    acknowledge: bool = False
    decline: bool = False
    decide: ExtensionRequest | None = None  # the pending request this person may decide
    pending: ExtensionRequest | None = None

    @property
    def any(self) -> bool:
        return self.work or self.decline or self.decide is not None


def actions_for(user, enquiry) -> Actions:
    person = person_for(user)
    if person.officer is None:
        return Actions()
    pending = (
        enquiry.extensions.filter(outcome=ExtensionRequest.Outcome.PENDING)
        .select_related("requested_by__user", "decider__user")
        .first()
    )
    if not enquiry.is_open:
        return Actions(pending=pending)
    work = can_work(user, enquiry)
    decide = pending if pending is not None and can_decide_extension(user, enquiry) else None
    return Actions(
        work=work,
        acknowledge=work and can_proceed(enquiry.acknowledge),
        decline=can_decline(user, enquiry),
        decide=decide,
        pending=pending,
    )
