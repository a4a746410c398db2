"""The panel pages: the list, one panel, and the form to add or change one. Only democratic
services and the Monitoring Officer (403 for everyone else). Thin: read through the selectors,
write through panel_save, and a refusal comes back onto the form."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.tally import tally
from protocol_site.views import form_page
from registers.manage.selectors import audit_events_for
from registers.roles import Person, require_person

from .forms import PanelForm
from .rules import MEMBER_APPOINTED_POSTS, keeps_panels, members_may_sit
from .selectors import members_of, panel_for, panel_history, panels_for
from .services import blocked_message, conflicted_members, panel_save

PAGE_SIZE = 25


@require_GET
def panel_list(request):
    require_person(request, keeps_panels)
    paginator = Paginator(panels_for(request.user), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "declarations/panels/list.html",
        {
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


@require_GET
def panel_detail(request, pk: int):
    require_person(request, keeps_panels)
    panel = panel_for(request.user, pk)
    members = members_of(panel)
    return render(
        request,
        "declarations/panels/detail.html",
        {
            "panel": panel,
            "members": members,
            "outside_protocol": bool(members) and not members_may_sit(panel.post, panel.officer),
            "member_appointed_posts": MEMBER_APPOINTED_POSTS,
            "blocked": [
                blocked_message(m, panel.officer)
                for m in conflicted_members(members, panel.officer)
            ],
            "history": panel_history(panel),
            "audit_events": audit_events_for(panel),
        },
    )


def _saved(saved, panel) -> tuple[int, str]:
    return saved.pk, f"{'Panel saved' if panel else 'Panel recorded'}: {saved}"


def _to_panel(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("panels:detail", pk)


def _form_page(request, panel):
    form = PanelForm(request.POST if request.method == "POST" else None, panel=panel)
    return form_page(
        request,
        form,
        lambda data: _saved(panel_save(actor=request.user, panel=panel, **data), panel),
        done=_to_panel,
        template="declarations/panels/form.html",
        context=lambda: {"panel": panel},
    )


@require_http_methods(["GET", "POST"])
def panel_add(request):
    require_person(request, keeps_panels)
    return _form_page(request, None)


@require_http_methods(["GET", "POST"])
def panel_change(request, pk: int):
    require_person(request, keeps_panels)
    return _form_page(request, panel_for(request.user, pk))


def panels_home_panel(person: Person) -> dict | None:
    """The home page's panels panel, for those who keep the record."""
    if not keeps_panels(person):
        return None
    return {
        "template": "declarations/panels/_home_panel.html",
        "upcoming": tally(panels_for(person.user).filter(meets_on__gte=timezone.localdate())),
    }
