"""Democratic services' administration of the organisation: thin, generic views driven by
the registry. Each view checks the person may manage the organisation (403 otherwise),
reads through the selectors and writes through registers.services."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.models import ClosureDay
from protocol_site.spreadsheet import csv_response

from .. import services
from ..roles import person_for
from . import export, selectors
from .registry import register_for

PAGE_SIZE = 50


def organisation_manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not person_for(request.user).can_manage_organisation:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@organisation_manager_required
@require_GET
def index(request):
    return render(request, "manage/index.html", {"registers": selectors.register_counts()})


def _search(request) -> str:
    return request.GET.get("q", "").strip()[:100]


def _editable(key: str):
    register = register_for(key)
    if register.read_only:
        raise Http404
    return register


@organisation_manager_required
@require_GET
def entry_list(request, register):
    register = register_for(register)
    q = _search(request)
    paginator = Paginator(selectors.entries_for(register, q), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    rows = [selectors.row_for(obj, register.columns, register) for obj in page.object_list]
    return render(
        request,
        "manage/list.html",
        {
            "register": register,
            "q": q,
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
            "headers": [column.label for column in register.columns],
            "rows": rows,
        },
    )


@organisation_manager_required
@require_GET
def entry_export(request, register):
    """REG-4: the list (with its search) as a CSV spreadsheet, streamed as it is read."""
    register = register_for(register)
    q = _search(request)
    services.register_export_record(
        actor=request.user, register_name=register.plural_lower, search=q
    )
    return csv_response(export.filename(register), *export.register_table(register, q))


@organisation_manager_required
@require_GET
def entry_detail(request, register, pk):
    register = _editable(register)
    obj = selectors.entry_for(register, pk)
    return render(
        request,
        "manage/detail.html",
        {
            "register": register,
            "object": obj,
            "fields": [
                (column.label, selectors.cell(obj, column)) for column in register.detail_fields
            ],
            "related_tables": selectors.related_tables(register, obj),
            "history": selectors.history_for(obj),
            "audit_events": selectors.audit_events_for(obj),
        },
    )


def _save(request, register, instance):
    form = register.form(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            saved = register.save(actor=request.user, form=form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            verb = "added" if instance is None or instance.pk is None else "saved"
            messages.success(request, f"{register.noun.capitalize()} {verb}: {saved}")
            return redirect(register.detail_url_name, saved.pk)
    return render(
        request,
        "manage/form.html",
        {"register": register, "form": form, "object": instance},
    )


@organisation_manager_required
@require_http_methods(["GET", "POST"])
def entry_add(request, register):
    return _save(request, _editable(register), None)


@organisation_manager_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, register, pk):
    register = _editable(register)
    return _save(request, register, selectors.entry_for(register, pk))


@organisation_manager_required
@require_http_methods(["GET", "POST"])
def closure_day_delete(request, pk):
    register = register_for("closureday")
    closure_day = get_object_or_404(ClosureDay, pk=pk)
    if request.method == "POST":
        label = str(closure_day)
        services.closure_day_delete(actor=request.user, closure_day=closure_day)
        messages.success(request, f"Closure day deleted: {label}")
        return redirect(register.list_url_name)
    return render(
        request,
        "manage/confirm_delete.html",
        {"register": register, "object": closure_day},
    )
