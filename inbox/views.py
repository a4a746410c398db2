"""The triage pages for democratic services: the emails received (waiting ones first), one
email, making it an enquiry on a councillor's behalf, and discarding it."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from protocol_site.cases import require
from protocol_site.views import CaseStep, case_step_view

from .forms import DiscardForm, TurnIntoEnquiryForm
from .mail import read_mail
from .models import InboundEmail
from .permissions import can_triage
from .selectors import inbound_email_for, inbound_emails_listed, inbound_emails_visible_to
from .services import inbound_discard, inbound_turn_into_enquiry, inbound_viewed

PAGE_SIZE = 25
Status = InboundEmail.Status
SHOWN = {
    "waiting": ("Waiting for triage", (Status.TRIAGE,)),
    "done": ("Enquiries and messages", (Status.ENQUIRY, Status.MESSAGE)),
    "automatic": ("Automatic replies and bounces", (Status.AUTOMATIC,)),
    "discarded": ("Discarded", (Status.DISCARDED,)),
    "all": ("Everything received", tuple(Status.values)),
}


@require_GET
def email_list(request):
    require(can_triage, request.user)
    shown = request.GET.get("show", "waiting")
    shown = shown if shown in SHOWN else "waiting"
    qs = inbound_emails_visible_to(request.user).filter(status__in=SHOWN[shown][1])
    paginator = Paginator(inbound_emails_listed(qs), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "inbox/list.html",
        {
            "shown": shown,
            "shown_label": SHOWN[shown][0],
            "choices": [(key, label) for key, (label, _) in SHOWN.items()],
            "page": page,
            "page_range": paginator.get_elided_page_range(page.number, on_each_side=2),
        },
    )


def _attachments(email: InboundEmail) -> list:
    """The names and sizes of the files it carries (never served: triage only looks)."""
    if email.size > len(bytes(email.raw)):
        return []
    return [
        {"name": a.name, "size": len(a.content), "type": a.content_type}
        for a in read_mail(bytes(email.raw)).attachments
    ]


@require_GET
def email_detail(request, pk: int):
    require(can_triage, request.user)
    email = inbound_email_for(request.user, pk)
    inbound_viewed(actor=request.user, email=email)
    raw = InboundEmail.objects.filter(pk=email.pk).values_list("raw", flat=True).get()
    email.raw = raw
    return render(
        request,
        "inbox/detail.html",
        {
            "email": email,
            "attachments": _attachments(email),
            "waiting": email.status == Status.TRIAGE,
            "headers": bytes(raw)
            .split(b"\r\n\r\n", 1)[0]
            .split(b"\n\n", 1)[0][:8000]
            .decode("utf-8", "replace"),
        },
    )


def _load(user, pk: int) -> InboundEmail:
    require(can_triage, user)
    return inbound_email_for(user, pk)


def _waiting(user, email: InboundEmail) -> bool:
    return can_triage(user, email) and email.status == Status.TRIAGE


def _to_email(request, pk: int, message: str):
    messages.success(request, message)
    return redirect("inbox:detail", pk)


def _turn(actor, email, data):
    enquiry = inbound_turn_into_enquiry(actor=actor, email=email, **data)
    return (
        f"Enquiry {enquiry.reference} recorded for {enquiry.councillor}. It is with "
        f"{enquiry.assigned_to}, and the councillor has been told."
    )


TURN = CaseStep(
    title="Make it an enquiry",
    submit="Record the enquiry",
    form=TurnIntoEnquiryForm,
    allowed=_waiting,
    perform=_turn,
    form_kwargs=lambda email: {"email": email},
)
email_turn_into_enquiry = case_step_view(
    "email_turn_into_enquiry",
    TURN,
    load=_load,
    done=_to_email,
    render=lambda request, email, step, form: render(
        request, "inbox/turn.html", {"form": form, "email": email, "step": step}
    ),
)


def _discard(actor, email, data):
    inbound_discard(actor=actor, email=email, **data)
    return "Email discarded."


DISCARD = CaseStep(
    title="Discard the email",
    submit="Discard the email",
    form=DiscardForm,
    allowed=_waiting,
    perform=_discard,
    warning=True,
)
email_discard = case_step_view(
    "email_discard",
    DISCARD,
    load=_load,
    done=_to_email,
    render=lambda request, email, step, form: render(
        request, "inbox/discard.html", {"form": form, "email": email, "step": step}
    ),
)
