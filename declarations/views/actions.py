"""One page per step on a declaration: parse the form, call the service, say what happened.

A service's ValidationError comes back onto the form; a step the viewer may not take is a 403;
a declaration outside the viewer's reach is a 404 (declaration_for).
"""

from __future__ import annotations

from django.shortcuts import render

from protocol_site.cases import long_date
from protocol_site.protocol_refs import protocol_cited
from protocol_site.views import CaseStep, case_step_view

from .. import forms, services
from ..models import DeclarationStep
from ..selectors import declaration_for
from .common import actions_for, done

Kind = DeclarationStep.Kind


def _offered(action: str):
    """The step opens when the declaration's page would offer it (views.common.Actions)."""
    return lambda user, declaration: getattr(actions_for(user, declaration), action)


def _exchange(declaration) -> dict:
    """The questions asked and answers given so far, for the Monitoring Officer's pages."""
    kinds = (Kind.INFORMATION_REQUESTED, Kind.INFORMATION_GIVEN)
    return {"exchange": list(declaration.steps.filter(kind__in=kinds).select_related("actor"))}


def _change(actor, declaration, data):
    services.declaration_change(
        actor=actor,
        declaration=declaration,
        details=data["details"],
        ends_on=data["ends_on"],
        reason=data["reason"],
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
    "change": CaseStep(
        title="Change the declaration",
        submit="Save changes",
        form=forms.ChangeForm,
        allowed=_offered("change"),
        perform=_change,
        intro="Correct the details, or give the date the relationship ended. Earlier versions "
        "are kept, and the Monitoring Officer is told.",
        form_kwargs=lambda d: {"initial": {"details": d.details, "ends_on": d.ends_on}},
    ),
    "withdraw": CaseStep(
        title="Withdraw the declaration",
        submit="Withdraw declaration",
        form=forms.WithdrawForm,
        allowed=_offered("withdraw"),
        perform=_withdraw,
        intro="Withdraw a declaration made in error. The Monitoring Officer and the manager "
        "told are emailed. The record is kept.",
        warning=True,
    ),
    "confirm": CaseStep(
        title="Re-confirm the declaration",
        submit="Confirm it still stands",
        form=forms.ConfirmForm,
        allowed=_offered("confirm"),
        perform=_confirm,
        intro="Each year you confirm the relationship still stands as declared. If it has "
        "ended, change the declaration to give the date it ended instead.",
    ),
    "answer": CaseStep(
        title="Answer the Monitoring Officer",
        submit="Send answer",
        form=forms.AnswerForm,
        allowed=_offered("answer"),
        perform=_answer,
        intro="The declaration goes back to the Monitoring Officer for review.",
        context=lambda d: {"question": d.information_requested},
    ),
    "review": CaseStep(
        title="Record your advice",
        submit="Record advice",
        form=forms.ReviewForm,
        allowed=_offered("review"),
        perform=_review,
        intro=protocol_cited(
            "The Monitoring Officer considers what action, if any, should be taken{ref}. The "
            "declarer is told and reads your advice; the other person and the manager "
            "do not.",
            "declaration_review",
        ),
        form_kwargs=lambda d: {"initial": {"advice": d.mo_advice, "action": d.mo_action}},
        context=_exchange,
    ),
    "ask": CaseStep(
        title="Ask for more information",
        submit="Send question",
        form=forms.AskForm,
        allowed=_offered("ask"),
        perform=_ask,
        intro="The declarer is emailed and answers here.",
        context=_exchange,
    ),
}


def _render(request, declaration, step: CaseStep, form):
    return render(
        request,
        "declarations/action.html",
        {
            "declaration": declaration,
            "step": step,
            "form": form,
            **step.extra_context(declaration),
        },
    )


def _step_view(name: str):
    return case_step_view(
        f"declaration_{name}", STEPS[name], load=declaration_for, done=done, render=_render
    )


declaration_change = _step_view("change")
declaration_withdraw = _step_view("withdraw")
declaration_confirm = _step_view("confirm")
declaration_answer = _step_view("answer")
declaration_review = _step_view("review")
declaration_ask = _step_view("ask")
