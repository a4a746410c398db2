"""One declaration: what was declared, who was told, the review, and every step. Every view
by someone other than the declarer is audited."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..selectors import Reading, cases_reached, declaration_for, reading_for, timeline_for
from ..services import declaration_record_view
from .common import actions_for


@require_GET
def declaration_detail(request, pk: int):
    declaration = declaration_for(request.user, pk)
    declaration_record_view(actor=request.user, declaration=declaration)
    reading = reading_for(request.user, declaration)
    return render(
        request,
        "declarations/detail.html",
        {
            "declaration": declaration,
            "reading": reading,
            "full": reading == Reading.FULL,
            "party": reading == Reading.PARTY,
            "events": timeline_for(declaration, reading),
            "cases": cases_reached(request.user, declaration),
            "actions": actions_for(request.user, declaration),
            "is_declarer": declaration.declarer_id == request.user.pk,
        },
    )
