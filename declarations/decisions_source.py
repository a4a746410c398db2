"""The declarations waiting for the reviewer's advice (the kernel's registry of decision
sources): the Monitoring Officer's, or the Deputy's where the Monitoring Officer is one of
the two people."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse

from protocol_site.decisions import DecisionSource, register_decision_source

from .models import Declaration
from .selectors import review_queue, reviews_declarations


def declarations_to_review(user) -> QuerySet[Declaration] | None:
    if not reviews_declarations(user):
        return None
    return review_queue(user).filter(status=Declaration.Status.SUBMITTED)


def _declaration_row(declaration: Declaration) -> dict:
    return {
        "reference": declaration.reference,
        "title": f"Declared by {declaration.declarer.get_full_name()}",
        "url": reverse("declarations:detail", args=[declaration.pk]),
        "since": declaration.created_at,
    }


def register_declaration_decisions() -> None:
    register_decision_source(
        DecisionSource(
            key="declarations",
            label="Declarations to review",
            waiting=declarations_to_review,
            row=_declaration_row,
            order=60,
        )
    )
