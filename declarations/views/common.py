"""What the declaration views share: who uses them, what the viewer may do, and after a change."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect

from registers.roles import Person

from ..models import Declaration
from ..routing import reviewer_id_for, sides_for
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
    """The services decide; this only offers what they would allow."""
    if declaration.is_withdrawn:
        return Actions()
    declarer = declaration.declarer_id == user.pk
    reviewer = not declarer and reviewer_id_for(declaration) == user.pk
    return Actions(
        change=declarer,
        withdraw=declarer,
        confirm=declarer and is_due(declaration),
        answer=declarer and declaration.status == Declaration.Status.MORE_INFORMATION,
        review=reviewer,
        ask=reviewer,
    )
