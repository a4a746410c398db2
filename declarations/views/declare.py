"""Declaring a relationship in two steps that work without JavaScript at any council's size:
find the other person by name (at most ~20 matches, as radios), then describe the
relationship."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.models import User
from protocol_site.views import form_page
from registers.roles import require_person

from ..forms import ChoosePersonForm, DeclareForm
from ..models import Side
from ..routing import SEARCH_LIMIT, other_side_search, side_for, sides_for
from ..services import declaration_make
from .common import done


def declares(person) -> bool:
    return bool(sides_for(person))


def _other_side_label(person) -> str:
    sides = sides_for(person)
    if sides == [Side.COUNCILLOR]:
        return "an officer"
    if sides == [Side.OFFICER]:
        return "a councillor"
    return "an officer or a councillor"


@require_GET
def declaration_find(request):
    """Step 1: search by name; choosing a person goes on to step 2."""
    person = require_person(request, declares)
    q = request.GET.get("q", "").strip()[:100]
    candidates, more = other_side_search(person, q) if q else ([], False)
    form = None
    if candidates or "person" in request.GET:
        data = request.GET if "person" in request.GET else None
        form = ChoosePersonForm(data, candidates=candidates)
        if data is not None and form.is_valid():
            return redirect("declarations:new", form.cleaned_data["person"])
    return render(
        request,
        "declarations/find.html",
        {
            "q": q,
            "form": form,
            "candidates": candidates,
            "more": more,
            "limit": SEARCH_LIMIT,
            "other_side": _other_side_label(person),
        },
    )


def _made(declaration) -> tuple[int, str]:
    told = declaration.manager_notified
    message = f"Relationship declaration {declaration.reference} made."
    if told is not None:
        message += f" {told.display_name} has been told, as the officer's manager."
    return declaration.pk, message + " The Monitoring Officer will review it."


@require_http_methods(["GET", "POST"])
def declaration_new(request, user_pk: int):
    """Step 2: the relationship, its details and its dates."""
    person = require_person(request, declares)
    other = User.objects.filter(pk=user_pk, is_active=True).first()
    if other is None or other.pk == request.user.pk or side_for(person, other) is None:
        raise Http404
    form = DeclareForm(request.POST if request.method == "POST" else None)
    return form_page(
        request,
        form,
        lambda data: _made(declaration_make(actor=request.user, other_party=other, **data)),
        done=done,
        template="declarations/new.html",
        context=lambda: {"other": other},
    )
