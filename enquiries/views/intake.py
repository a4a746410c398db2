"""ENQ-1: a councillor logs an enquiry; an officer or democratic services records one."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from protocol_site.cases import long_date

from ..forms import EnquiryForm, RecordedEnquiryForm
from ..permissions import can_record
from ..services import enquiry_log
from .common import add_service_errors, done, require_person

FIELDS = ("subject", "details", "kind", "service", "ward", "approached_officer", "attachment")


def _log(request, form, councillor, **extra):
    values = {name: form.cleaned_data[name] for name in FIELDS}
    try:
        enquiry = enquiry_log(actor=request.user, councillor=councillor, **values, **extra)
    except ValidationError as error:
        add_service_errors(form, error, {"received_at": "received_on"})
        return None
    return enquiry


def _logged_message(enquiry, verb: str) -> str:
    return (
        f"Enquiry {enquiry.reference} {verb}. It is with {enquiry.assigned_to}; "
        f"a reply is due by {long_date(enquiry.due_date)}."
    )


@require_http_methods(["GET", "POST"])
def enquiry_new(request):
    person = require_person(request, lambda p: p.councillor is not None)
    councillor = person.councillor
    if request.method == "POST":
        form = EnquiryForm(request.POST, request.FILES, councillor=councillor)
    else:
        form = EnquiryForm(councillor=councillor)
    if request.method == "POST" and form.is_valid():
        enquiry = _log(request, form, councillor)
        if enquiry is not None:
            return done(request, enquiry.pk, _logged_message(enquiry, "logged"))
    return render(
        request,
        "enquiries/new.html",
        {"form": form, "recording": False, "working_days": settings.ENQUIRY_WORKING_DAYS},
    )


@require_http_methods(["GET", "POST"])
def enquiry_record(request):
    require_person(request, can_record)
    if request.method == "POST":
        form = RecordedEnquiryForm(request.POST, request.FILES)
    else:
        form = RecordedEnquiryForm()
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        enquiry = _log(
            request,
            form,
            data["councillor"],
            channel=data["channel"],
            received_at=data["received_at"],
        )
        if enquiry is not None:
            return done(request, enquiry.pk, _logged_message(enquiry, "recorded"))
    return render(request, "enquiries/new.html", {"form": form, "recording": True})
