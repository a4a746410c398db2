"""GRP-3, GRP-4, GRP-6, GRP-7: the officer's note and attendance log; a note offered to another
group; a confidential briefing's sharing and what its readers see."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from protocol_site.views import CaseStep, submit

from .. import permissions, services
from ..forms import AttendanceForm, ConfirmForm, NoteForm, ShareForm
from ..selectors import (
    briefing_for,
    issued_note,
    note_for,
    offer_for,
    share_for,
)
from .common import actions_for, done, offered, step_page

SAVE, ISSUE = "save", "issue"


def _note_step(actor, briefing, data, action):
    if action == ISSUE:
        services.briefing_note_issue(
            actor=actor,
            briefing=briefing,
            facts=data["facts"],
            options=data["options"],
            confirmed=data["confirmed_no_politics"],
        )
        return f"Note issued on {briefing.reference}."
    services.briefing_note_save(
        actor=actor, briefing=briefing, facts=data["facts"], options=data["options"]
    )
    return f"Draft saved on {briefing.reference}. It is not issued yet."


@require_http_methods(["GET", "POST"])
def briefing_note(request, pk: int):
    briefing = briefing_for(request.user, pk)
    note = note_for(request.user, briefing)
    if not actions_for(request.user, briefing, note).note:
        raise PermissionDenied
    initial = {"facts": note.facts, "options": note.options} if note else None
    form = NoteForm(request.POST if request.method == "POST" else None, initial=initial)
    action = ISSUE if request.POST.get("action") == ISSUE else SAVE
    message = submit(request, form, lambda data: _note_step(request.user, briefing, data, action))
    if message is not None:
        return done(request, briefing.pk, message)
    return render(request, "groups/note.html", {"briefing": briefing, "form": form})


def _attendance(actor, briefing, data):
    services.briefing_attendance_record(actor=actor, briefing=briefing, **data)
    return f"Attendance logged on {briefing.reference}."


ATTENDANCE = CaseStep(
    title="Log your attendance",
    submit="Log attendance",
    form=AttendanceForm,
    allowed=offered("attendance"),
    perform=_attendance,
)
briefing_attendance = step_page("briefing_attendance", ATTENDANCE, "groups/attendance.html")


def _share(actor, briefing, data):
    share = services.briefing_share(actor=actor, briefing=briefing, user=data["user"])
    return f"{share.user} may now read {briefing.reference}."


SHARE = CaseStep(
    title="Share a confidential briefing",
    submit="Record permission",
    form=ShareForm,
    allowed=offered("share"),
    perform=_share,
    # Only the member it is for opens the page, and shares as themselves.
    form_kwargs=lambda briefing: {"actor": briefing.requested_by},
    context=lambda briefing: {"shares": briefing.shares.select_related("user")},
)
briefing_share = step_page("briefing_share", SHARE, "groups/share.html")


@require_POST
def briefing_unshare(request, pk: int, share_pk: int):
    briefing = briefing_for(request.user, pk)
    if not actions_for(request.user, briefing).share:
        raise PermissionDenied
    share = briefing.shares.select_related("user", "request").filter(pk=share_pk).first()
    if share is None:
        return redirect("groups:share", briefing.pk)
    services.briefing_unshare(actor=request.user, share=share)
    messages.success(request, f"{share.user} may no longer read {briefing.reference}.")
    return redirect("groups:share", briefing.pk)


# --- What other groups and people see (GRP-6, GRP-7) ------------------------------------------


@require_http_methods(["GET", "POST"])
def offer_detail(request, pk: int):
    """A note offered to the viewer's group: what it is about, and once the Group Leader has
    received it, the note itself. Never the request, the group that asked, or its meeting."""
    offer = offer_for(request.user, pk)
    may_receive = permissions.can_receive(request.user, offer) and not offer.received_at
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not may_receive:
            raise PermissionDenied
        received = submit(
            request,
            form,
            lambda data: services.briefing_offer_receive(actor=request.user, offer=offer),
        )
        if received is not None:
            messages.success(request, f"{offer.group} has received the briefing note.")
            return redirect("groups:offer", offer.pk)
    return render(
        request,
        "groups/offer.html",
        {
            "offer": offer,
            "briefing": offer.note.request,
            "note": offer.note if offer.received_at else None,
            "may_receive": may_receive,
            "form": form,
        },
    )


@require_GET
def shared_detail(request, pk: int):
    """A confidential briefing shared with the viewer by the member it is for (004 §7.1)."""
    share = share_for(request.user, pk)
    briefing = share.request
    return render(
        request,
        "groups/shared.html",
        {"share": share, "briefing": briefing, "note": issued_note(briefing)},
    )
