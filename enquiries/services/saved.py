"""Saved views of the enquiries list, and the list's CSV download: each audited."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone

from protocol_site.audit import audit_record, list_downloaded

from ..models.saved import MOST_SAVED_VIEWS, SavedView

# What a saved view keeps of the list's query string: never the page, nor a form's token.
DROPPED = ("page", "name", "csrfmiddlewaretoken", "submission_token")


def saved_query(params: QueryDict) -> str:
    """The list's query string as a saved view keeps it."""
    kept = params.copy()
    for key in DROPPED:
        kept.pop(key, None)
    return kept.urlencode()[:2000]


def _name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Enter a name for the view"})
    if len(name) > 80:
        raise ValidationError({"name": "Name must be 80 characters or fewer"})
    return name


def _named(view: SavedView) -> None:
    """Saves `view`; a name its owner has already used is an error on the name."""
    try:
        with transaction.atomic():
            view.save()
    except IntegrityError:
        raise ValidationError(
            {"name": f"You already have a saved view called {view.name}"}
        ) from None


def saved_view_create(*, actor, name: str, query: str) -> SavedView:
    """Keep the list's filters under a name, for the home page and the list."""
    name = _name(name)
    with transaction.atomic():
        if SavedView.objects.filter(owner=actor).count() >= MOST_SAVED_VIEWS:
            raise ValidationError(
                {
                    "name": f"You can keep {MOST_SAVED_VIEWS} saved views at most. Delete one "
                    "you no longer use first"
                }
            )
        view = SavedView(owner=actor, name=name, query=query)
        _named(view)
        audit_record(
            actor=actor,
            action="enquiries.savedview.created",
            obj=view,
            summary=f"Saved the view {name}",
            after={"name": name, "query": query},
        )
    return view


def _own(actor, view: SavedView) -> None:
    if view.owner_id != actor.pk:
        raise PermissionDenied("Only the person who saved a view can change it.")


def saved_view_rename(*, actor, view: SavedView, name: str) -> SavedView:
    name = _name(name)
    with transaction.atomic():
        _own(actor, view)
        before = view.name
        if name == before:
            return view
        view.name = name
        view.changed_at = timezone.now()
        _named(view)
        audit_record(
            actor=actor,
            action="enquiries.savedview.renamed",
            obj=view,
            summary=f"Renamed the saved view {before} to {name}",
            before={"name": before},
            after={"name": name},
        )
    return view


def saved_view_delete(*, actor, view: SavedView) -> None:
    with transaction.atomic():
        _own(actor, view)
        audit_record(
            actor=actor,
            action="enquiries.savedview.deleted",
            obj=view,
            summary=f"Deleted the saved view {view.name}",
            before={"name": view.name, "query": view.query},
        )
        view.delete()


def enquiry_list_exported(*, actor, query: str, rows: int) -> None:
    """One audit event for each download of a list: who, which filters, how many rows."""
    list_downloaded(
        actor=actor, action="enquiries.list.exported", noun="enquiries", query=query, rows=rows
    )
