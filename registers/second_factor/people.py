"""Democratic services' pages for authenticator apps: who has one, and resetting someone's
(a lost phone, no recovery codes left) so they set it up again at their next sign-in."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from ..roles import person_for
from .permissions import can_reset_second_factor
from .selectors import people_with_an_app, person_with_an_app
from .services import second_factor_reset

PAGE_SIZE = 50


def _for_democratic_services(request) -> None:
    if not person_for(request.user).can_manage_organisation:
        raise PermissionDenied


@require_GET
def app_list(request):
    _for_democratic_services(request)
    paginator = Paginator(people_with_an_app(), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    page_range = paginator.get_elided_page_range(page.number, on_each_side=2)
    context = {"page": page, "page_range": page_range}
    return render(request, "registers/second_factor/people.html", context)


@require_http_methods(["GET", "POST"])
def app_reset(request, pk: int):
    _for_democratic_services(request)
    person = person_with_an_app(pk)
    if person is None:
        raise Http404
    if not can_reset_second_factor(request.user, person):
        raise PermissionDenied
    if request.method == "POST":
        second_factor_reset(actor=request.user, user=person)
        messages.success(
            request,
            f"{person.display_name}'s authenticator app is reset: they set it up again when "
            "they next sign in, and we have emailed them to say so",
        )
        return redirect("second_factor_people")
    return render(request, "registers/second_factor/reset.html", {"person": person})
