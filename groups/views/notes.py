"""GRP-3, GRP-4, GRP-6, GRP-7: the officer's note and attendance log; a note offered to another
group; a confidential briefing's sharing and what its readers see."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from protocol_site.views import CaseStep, attempt_form, once

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
    page = {}
    action = ISSUE if request.POST.get("action") == ISSUE else SAVE

    def attempt():  # read and checked after the form's token is taken: a repeat is answered
        briefing = briefing_for(request.user, pk)
        note = note_for(request.user, briefing)
        if not actions_for(request.user, briefing, note).note:
            raise PermissionDenied
        initial = {"facts": note.facts, "options": note.options} if note else None
        form = NoteForm(request.POST if request.method == "POST" else None, initial=initial)
        page.update(briefing=briefing, form=form)
        return attempt_form(
            request,
            form,
            lambda data: (briefing.pk, _note_step(request.user, briefing, data, action)),
        )

    result = once(request, attempt)
    if result is not None:
        return done(request, *result)
    return render(request, "groups/note.html", page)


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


def _receive(actor, offer) -> tuple[int, str]:
    services.briefing_offer_receive(actor=actor, offer=offer)
    return offer.pk, f"{offer.group} has received the briefing note."


def _to_offer(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("groups:offer", pk)


@require_http_methods(["GET", "POST"])
def offer_detail(request, pk: int):
    """A note offered to the viewer's group: what it is about, and once the Group Leader has
    received it, the note itself. Never the request, the group that asked, or its meeting."""
    page = {}

    def attempt():  # read and checked after the form's token is taken: a repeat is answered
        offer = offer_for(request.user, pk)
        may_receive = permissions.can_receive(request.user, offer) and not offer.received_at
        if request.method == "POST" and not may_receive:
            raise PermissionDenied
        form = ConfirmForm(request.POST if request.method == "POST" else None)
        page.update(offer=offer, may_receive=may_receive, form=form)
        return attempt_form(request, form, lambda data: _receive(request.user, offer))

    result = once(request, attempt)
    if result is not None:
        return _to_offer(request, *result)
    offer, may_receive, form = page["offer"], page["may_receive"], page["form"]
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
