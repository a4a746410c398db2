"""ENQ-1: a councillor logs an enquiry; an officer or democratic services records one."""

from __future__ import annotations

from django.views.decorators.http import require_http_methods

from protocol_site.cases import long_date
from protocol_site.council_rules import rule
from protocol_site.views import form_page

from ..constituent_forms import ConstituentForm
from ..forms import EnquiryForm, RecordedEnquiryForm
from ..permissions import can_record
from ..services import enquiry_log
from .common import done, require_person

ALIASES = {"received_at": "received_on"}
FIELDS = (
    "subject",
    "details",
    "kind",
    "service",
    "ward",
    "approached_officer",
    "attachment",
    "urgent_reason",
)


def _logged(enquiry, verb: str) -> tuple[int, str]:
    return enquiry.pk, (
        f"Enquiry {enquiry.reference} {verb}. It is with {enquiry.assigned_to}; "
        f"a reply is due by {long_date(enquiry.due_date)}."
    )


def _log(request, form, councillor, verb: str, **extra):
    values = {name: form.cleaned_data[name] for name in FIELDS}
    enquiry = enquiry_log(actor=request.user, councillor=councillor, **values, **extra)
    return _logged(enquiry, verb)


@require_http_methods(["GET", "POST"])
def enquiry_new(request):
    person = require_person(request, lambda p: p.councillor is not None)
    councillor = person.councillor
    data = request.POST if request.method == "POST" else None
    form = EnquiryForm(data, request.FILES or None, councillor=councillor)
    # The constituent's details: an optional section, its fields prefixed "constituent-". The
    # enquiry is logged only when both are valid; the page shows both forms' errors.
    constituent = ConstituentForm(data, prefix="constituent")

    def log(_data):
        if not constituent.is_valid():
            return None
        return _log(request, form, councillor, "logged", constituent=constituent.cleaned_data)

    return form_page(
        request,
        form,
        log,
        done=done,
        template="enquiries/new.html",
        context=lambda: {
            "constituent_form": constituent,
            "recording": False,
            "working_days": rule("ENQUIRY_WORKING_DAYS"),
        },
        aliases=ALIASES,
    )


@require_http_methods(["GET", "POST"])
def enquiry_record(request):
    require_person(request, can_record)
    if request.method == "POST":
        form = RecordedEnquiryForm(request.POST, request.FILES)
    else:
        form = RecordedEnquiryForm()
    return form_page(
        request,
        form,
        lambda data: _log(
            request,
            form,
            data["councillor"],
            "recorded",
            channel=data["channel"],
            received_at=data["received_at"],
        ),
        done=done,
        template="enquiries/new.html",
        context=lambda: {"recording": True},
        aliases=ALIASES,
    )
