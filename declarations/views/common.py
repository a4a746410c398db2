"""What the declaration views share: who uses them, what the viewer may do, and after a change."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect

from registers.roles import Person

from .. import permissions
from ..models import Declaration
from ..routing import sides_for
from ..selectors import declarations_visible_to, keeps_register
from ..services.common import is_due


def uses_declarations(person: Person) -> bool:
    """Councillors and officers declare; democratic services keep the register."""
    return bool(sides_for(person)) or keeps_register(person)


def done(request, declaration_pk: int, message: str):
    """After a change: back to the declaration, or to the list if it is out of reach."""
    messages.success(request, message)
    if declarations_visible_to(request.user).filter(pk=declaration_pk).exists():
        return redirect("declarations:detail", declaration_pk)
    return redirect("declarations:list")


@dataclass(frozen=True)
class Actions:
    """What the viewer may do to this declaration now, for the buttons and the action pages."""

    change: bool = False
    withdraw: bool = False
    confirm: bool = False
    answer: bool = False
    review: bool = False
    ask: bool = False

    @property
    def any(self) -> bool:
        return any((self.change, self.withdraw, self.confirm, self.answer, self.review, self.ask))


def actions_for(user, declaration: Declaration) -> Actions:
    """What the viewer may do now: the services' own rules, and the declaration's state."""
    if declaration.is_withdrawn:
        return Actions()
    return Actions(
        change=permissions.can_change(user, declaration),
        withdraw=permissions.can_withdraw(user, declaration),
        confirm=permissions.can_confirm(user, declaration) and is_due(declaration),
        answer=permissions.can_answer(user, declaration)
        and declaration.status == Declaration.Status.MORE_INFORMATION,
        review=permissions.can_review(user, declaration),
        ask=permissions.can_ask(user, declaration),
    )
