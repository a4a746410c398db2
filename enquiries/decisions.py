"""The enquiries' decisions waiting for someone (the kernel's registry of decision sources):
requests for more time sent to this person, and guidance asked of them (of the Chief
Executive, a referral)."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse

from protocol_site.decisions import DecisionSource, register_decision_source
from registers.roles import Role, person_for

from .models import Enquiry, EnquiryEvent, ExtensionRequest
from .permissions import is_senior


def extensions_waiting(user) -> QuerySet[ExtensionRequest] | None:
    """Pending requests for more time on open enquiries sent to this person (a request from
    before requests were routed went to the enquiry's Director)."""
    if person_for(user).officer is None or not is_senior(user):
        return None
    sent_to = Q(decider__user=user) | Q(decider__isnull=True, enquiry__director__user=user)
    return (
        ExtensionRequest.objects.filter(sent_to, outcome=ExtensionRequest.Outcome.PENDING)
        .filter(enquiry__in=Enquiry.objects.open())
        .select_related("enquiry", "requested_by__user")
        .order_by("requested_at", "pk")
    )


def _extension_row(request: ExtensionRequest) -> dict:
    return {
        "reference": request.enquiry.reference,
        "title": f"{request.requested_by} asks for more time, to {request.proposed_date:%-d %B %Y}",
        "url": reverse("enquiries:detail", args=[request.enquiry_id]),
        "since": request.requested_at,
    }


def _guidance_asked(user) -> QuerySet[Enquiry]:
    """Open enquiries on which guidance was asked of this person, who has not acted on the
    enquiry since."""
    asked = EnquiryEvent.objects.filter(
        enquiry=OuterRef("pk"), kind=EnquiryEvent.Kind.GUIDANCE_SOUGHT, officer__user=user
    )
    answered = EnquiryEvent.objects.filter(
        enquiry=OuterRef("enquiry"), actor=user, at__gt=OuterRef("at")
    )
    unanswered = asked.filter(~Exists(answered))
    return (
        Enquiry.objects.open()
        .filter(Exists(unanswered))
        .select_related("assigned_to__user")
        .order_by("target_date", "pk")
    )


def guidance_waiting(user) -> QuerySet[Enquiry] | None:
    person = person_for(user)
    if person.officer is None or person.has(Role.CHIEF_EXECUTIVE) or not is_senior(user):
        return None
    return _guidance_asked(user)


def referrals_waiting(user) -> QuerySet[Enquiry] | None:
    if not person_for(user).has(Role.CHIEF_EXECUTIVE):
        return None
    return _guidance_asked(user)


def _enquiry_row(enquiry: Enquiry) -> dict:
    return {
        "reference": enquiry.reference,
        "title": f"{enquiry.subject} (with {enquiry.assigned_to})",
        "url": reverse("enquiries:detail", args=[enquiry.pk]),
        "since": enquiry.received_at,
    }


def register_enquiry_decisions() -> None:
    register_decision_source(
        DecisionSource(
            key="extensions",
            label="Requests for more time",
            waiting=extensions_waiting,
            row=_extension_row,
            order=10,
        )
    )
    register_decision_source(
        DecisionSource(
            key="guidance",
            label="Guidance requests",
            waiting=guidance_waiting,
            row=_enquiry_row,
            order=20,
        )
    )
    register_decision_source(
        DecisionSource(
            key="referrals",
            label="Referrals to the Chief Executive",
            waiting=referrals_waiting,
            row=_enquiry_row,
            order=30,
        )
    )
