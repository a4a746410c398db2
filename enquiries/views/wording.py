"""Standard wording pages: the list a service keeps, adding, changing and retiring wording.
Democratic services keep every service's; a Head of Service their own service's. Wording
outside the viewer's reach is a 404; anyone else is refused the pages (403)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.views import form_page, step_view
from registers.manage.selectors import history_for

from .. import services
from ..permissions import can_keep_wording, keeps_wording
from ..selectors import wording_for, wording_kept_by, wording_services
from ..wording_forms import RetireWordingForm, WordingForm


def _require_keeper(request) -> None:
    if not keeps_wording(request.user):
        raise PermissionDenied


def _done(request, pk, message: str):
    messages.success(request, message)
    return redirect("enquiries:wording_list")


@require_GET
def wording_list(request):
    _require_keeper(request)
    wording = wording_kept_by(request.user).order_by("retired_at", "service__name", "title")
    return render(request, "enquiries/wording/list.html", {"wording": wording})


@require_http_methods(["GET", "POST"])
def wording_add(request):
    _require_keeper(request)
    services_kept = wording_services(request.user)
    data = request.POST if request.method == "POST" else None
    form = WordingForm(data, services=services_kept)

    def add(data):
        added = services.wording_add(
            actor=request.user, service=data["service"], title=data["title"], text=data["text"]
        )
        return added.pk, f"Standard wording added for {added.service}."

    return form_page(
        request,
        form,
        add,
        done=_done,
        template="enquiries/wording/form.html",
        context=lambda: {"title": "Add standard wording"},
    )


def _load(user, pk):
    """403 for anyone who keeps no wording; 404 for wording outside the keeper's services."""
    if not keeps_wording(user):
        raise PermissionDenied
    return wording_for(user, pk)


def _allowed(user, wording) -> bool:
    return can_keep_wording(user, wording.service_id)


def _change(actor, wording, data):
    services.wording_change(actor=actor, wording=wording, title=data["title"], text=data["text"])
    return f"Standard wording changed: {data['title']}."


def _retire(actor, wording, data):
    services.wording_retire(actor=actor, wording=wording)
    return f"Standard wording retired: {wording.title}. Officers are no longer offered it."


def _show(template: str, title: str):
    def show(request, wording, form):
        context = {
            "form": form,
            "wording": wording,
            "title": title,
            "history": history_for(wording),
        }
        return render(request, template, context)

    return show


wording_change = step_view(
    "wording_change",
    load=_load,
    allowed=_allowed,
    make_form=lambda request, wording: WordingForm(
        request.POST if request.method == "POST" else None,
        initial={"title": wording.title, "text": wording.text},
    ),
    perform=_change,
    done=_done,
    show=_show("enquiries/wording/form.html", "Change standard wording"),
    title="Change standard wording",
)

wording_retire = step_view(
    "wording_retire",
    load=_load,
    allowed=_allowed,
    make_form=lambda request, wording: RetireWordingForm(
        request.POST if request.method == "POST" else None
    ),
    perform=_retire,
    done=_done,
    show=_show("enquiries/wording/retire.html", "Retire standard wording"),
    title="Retire standard wording",
)
