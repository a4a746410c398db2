"""Saved views of the enquiries list: save the list's filters under a name, see each with its
count (here and on the home page), open, rename and delete them. Someone else's is a 404."""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib import messages
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from protocol_site.tally import tally
from protocol_site.views import form_page, step_view
from registers.roles import Person

from .. import services
from ..models import SavedView
from ..saved_forms import DeleteSavedViewForm, SavedViewForm
from ..selectors import saved_view_for, saved_views_of
from .common import require_person, uses_enquiries
from .lists import listing_for


def view_url(view: SavedView) -> str:
    """The list as the view's filters find it today."""
    url = reverse("enquiries:list")
    return f"{url}?{view.query}" if view.query else url


def counted_views(person: Person) -> list[dict]:
    """Each of the person's saved views, its link and the number of enquiries it finds (a
    `tally`, so the home page counts them all in its one query of counts). A view whose
    filters no longer make sense (a service since removed) counts nothing."""
    counted = []
    for view in saved_views_of(person.user):
        request = SimpleNamespace(GET=QueryDict(view.query), user=person.user)
        listing = listing_for(request, person)
        counted.append(
            {
                "view": view,
                "url": view_url(view),
                "count": tally(listing.queryset) if listing.valid else 0,
            }
        )
    return counted


def _to_list(request, pk, message: str):
    messages.success(request, message)
    view = SavedView.objects.filter(pk=pk).first()
    return redirect(view_url(view) if view is not None else reverse("enquiries:saved_list"))


def _to_views(request, pk, message: str):
    messages.success(request, message)
    return redirect("enquiries:saved_list")


@require_GET
def saved_list(request):
    person = require_person(request, uses_enquiries)
    return render(request, "enquiries/saved/list.html", {"views": counted_views(person)})


@require_http_methods(["GET", "POST"])
def saved_add(request):
    """The list's "Save this view" form posts here; shown as a page of its own only when the
    name needs correcting (or when opened directly, with the filters in its query string)."""
    require_person(request, uses_enquiries)
    if request.method == "POST":
        form = SavedViewForm(request.POST)
    else:
        form = SavedViewForm(initial={"query": services.saved_query(request.GET)})

    def save(data):
        view = services.saved_view_create(
            actor=request.user,
            name=data["name"],
            query=services.saved_query(QueryDict(data.get("query") or "")),
        )
        return view.pk, f"View saved as {view.name}. It is on your home page with its count."

    def back() -> dict:
        query = form["query"].value() or ""
        return {"back": reverse("enquiries:list") + (f"?{query}" if query else "")}

    return form_page(
        request, form, save, done=_to_list, template="enquiries/saved/form.html", context=back
    )


def _rename(actor, view, data):
    services.saved_view_rename(actor=actor, view=view, name=data["name"])
    return f"Saved view renamed {data['name']}."


def _delete(actor, view, data):
    services.saved_view_delete(actor=actor, view=view)
    return f"Saved view {view.name} deleted."


def _show(template: str, title: str):
    def show(request, view, form):
        return render(request, template, {"form": form, "view": view, "title": title})

    return show


saved_rename = step_view(
    "saved_rename",
    load=saved_view_for,
    allowed=lambda user, view: True,  # saved_view_for finds only one's own
    make_form=lambda request, view: SavedViewForm(
        request.POST if request.method == "POST" else None, initial={"name": view.name}
    ),
    perform=_rename,
    done=_to_views,
    show=_show("enquiries/saved/rename.html", "Rename a saved view"),
    title="Rename a saved view",
)

saved_delete = step_view(
    "saved_delete",
    load=saved_view_for,
    allowed=lambda user, view: True,
    make_form=lambda request, view: DeleteSavedViewForm(
        request.POST if request.method == "POST" else None
    ),
    perform=_delete,
    done=_to_views,
    show=_show("enquiries/saved/delete.html", "Delete a saved view"),
    title="Delete a saved view",
)
