"""One page per step on a declaration: parse the form, call the service, say what happened.

A service's ValidationError comes back onto the form; a step the viewer may not take is a 403;
a declaration outside the viewer's reach is a 404 (declaration_for).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.shortcuts import render

from protocol_site.cases import long_date
from protocol_site.views import step_view

from .. import forms, services
from ..models import DeclarationStep
from ..selectors import declaration_for
from .common import actions_for, done

Kind = DeclarationStep.Kind


@dataclass(frozen=True)
class Step:
    """One action page: which Actions flag opens it, its form, the service call, the message."""

    title: str
    submit: str
    form: type
    action: str
    perform: Callable  # (actor, declaration, cleaned_data) -> message
    intro: str = ""
    warning: bool = False
    initial: Callable | None = None  # (declaration) -> the form's initial data


def _change(actor, declaration, data):
    services.declaration_change(
        actor=actor, declaration=declaration, details=data["details"], ends_on=data["ends_on"]
    )
    return f"{declaration.reference} updated. The Monitoring Officer has been told."


def _withdraw(actor, declaration, data):
    services.declaration_withdraw(actor=actor, declaration=declaration, reason=data["reason"])
    return f"You withdrew {declaration.reference}."


def _confirm(actor, declaration, data):
    declaration = services.declaration_confirm(actor=actor, declaration=declaration)
    return (
        f"You re-confirmed {declaration.reference}. It is next due to be re-confirmed by "
        f"{long_date(declaration.confirm_by)}."
    )


def _answer(actor, declaration, data):
    services.declaration_give_information(
        actor=actor, declaration=declaration, information=data["information"]
    )
    return f"Your answer on {declaration.reference} has been sent to the Monitoring Officer."


def _review(actor, declaration, data):
    services.declaration_review(
        actor=actor, declaration=declaration, advice=data["advice"], action=data["action"]
    )
    return f"Advice recorded on {declaration.reference}. The declarer has been told."


def _ask(actor, declaration, data):
    services.declaration_ask_for_information(
        actor=actor, declaration=declaration, question=data["question"]
    )
    return f"Your question on {declaration.reference} has been sent to the declarer."


STEPS = {
    "change": Step(
        title="Change the declaration",
        submit="Save changes",
        form=forms.ChangeForm,
        action="change",
        perform=_change,
        intro="Correct the details, or give the date the relationship ended. Earlier versions "
        "are kept, and the Monitoring Officer is told.",
        initial=lambda d: {"details": d.details, "ends_on": d.ends_on},
    ),
    "withdraw": Step(
        title="Withdraw the declaration",
        submit="Withdraw declaration",
        form=forms.WithdrawForm,
        action="withdraw",
        perform=_withdraw,
        intro="Withdraw a declaration made in error. The Monitoring Officer and the manager "
        "told are emailed. The record is kept.",
        warning=True,
    ),
    "confirm": Step(
        title="Re-confirm the declaration",
        submit="Confirm it still stands",
        form=forms.ConfirmForm,
        action="confirm",
        perform=_confirm,
        intro="Each year you confirm the relationship still stands as declared. If it has "
        "ended, change the declaration to give the date it ended instead.",
    ),
    "answer": Step(
        title="Answer the Monitoring Officer",
        submit="Send answer",
        form=forms.AnswerForm,
        action="answer",
        perform=_answer,
        intro="The declaration goes back to the Monitoring Officer for review.",
    ),
    "review": Step(
        title="Record your advice",
        submit="Record advice",
        form=forms.ReviewForm,
        action="review",
        perform=_review,
        intro="Under 004 §5.2 the Monitoring Officer considers what action, if any, should be "
        "taken. The declarer is told and reads your advice; the other person and the manager "
        "do not.",
        initial=lambda d: {"advice": d.mo_advice, "action": d.mo_action},
    ),
    "ask": Step(
        title="Ask for more information",
        submit="Send question",
        form=forms.AskForm,
        action="ask",
        perform=_ask,
        intro="The declarer is emailed and answers here.",
    ),
}


def _exchange(declaration) -> list:
    """The questions asked and answers given so far, for the Monitoring Officer's pages."""
    kinds = (Kind.INFORMATION_REQUESTED, Kind.INFORMATION_GIVEN)
    return list(declaration.steps.filter(kind__in=kinds).select_related("actor"))


def _step_view(name: str):
    step = STEPS[name]

    def make_form(request, declaration):
        if request.method == "POST":
            return step.form(request.POST)
        return step.form(initial=step.initial(declaration) if step.initial else None)

    def show(request, declaration, form):
        return render(
            request,
            "declarations/action.html",
            {
                "declaration": declaration,
                "step": step,
                "form": form,
                "question": declaration.information_requested if name == "answer" else "",
                "exchange": _exchange(declaration) if name in ("review", "ask") else [],
            },
        )

    return step_view(
        f"declaration_{name}",
        load=declaration_for,
        allowed=lambda user, declaration: getattr(actions_for(user, declaration), step.action),
        make_form=make_form,
        perform=step.perform,
        done=done,
        show=show,
        title=step.title,
    )


declaration_change = _step_view("change")
declaration_withdraw = _step_view("withdraw")
declaration_confirm = _step_view("confirm")
declaration_answer = _step_view("answer")
declaration_review = _step_view("review")
declaration_ask = _step_view("ask")
