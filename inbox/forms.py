"""The triage pages' forms: they parse and check input; the services decide and write."""

from __future__ import annotations

from django import forms

from enquiries.models import Enquiry
from protocol_site.forms import GovukForm, required
from registers.forms import ServiceChoiceField, active_services
from registers.models import Councillor, Service

from .models import InboundEmail


class TurnIntoEnquiryForm(GovukForm):
    """Democratic services record an email waiting in triage as a councillor's enquiry."""

    councillor = forms.ModelChoiceField(
        queryset=Councillor.objects.none(),
        label="Councillor whose enquiry it is",
        empty_label="Choose a councillor",
        error_messages=required("Select the councillor whose enquiry it is"),
    )
    subject = forms.CharField(
        max_length=200,
        label="Subject",
        error_messages=required("Enter a subject"),
    )
    details = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        label="Details",
        help_text="What the councillor asked, as received",
        error_messages=required("Enter the details of the enquiry"),
    )
    kind = forms.ChoiceField(
        choices=Enquiry.Kind.choices,
        widget=forms.RadioSelect,
        label="What kind of enquiry is it?",
        error_messages=required("Select what kind of enquiry it is"),
    )
    service = ServiceChoiceField(
        queryset=Service.objects.none(),
        label="Which service is it about?",
        empty_label="Choose a service",
        error_messages=required("Select the service the enquiry is about"),
    )
    with_attachments = forms.BooleanField(
        required=False,
        initial=True,
        label="Keep the email's attachments with the enquiry",
        help_text="They are checked as any uploaded file is",
    )
    error_names = {"with_attachments": "the attachments"}

    def __init__(self, *args, email: InboundEmail | None = None, **kwargs):
        if email is not None and not kwargs.get("initial"):
            kwargs["initial"] = {
                "subject": (email.subject or "")[:200],
                "details": email.text,
                "councillor": getattr(getattr(email.sender, "councillor", None), "pk", None),
                "with_attachments": True,
            }
        super().__init__(*args, **kwargs)
        self.fields["councillor"].queryset = Councillor.objects.select_related("user").order_by(
            "user__last_name", "user__first_name"
        )
        self.fields["service"].queryset = active_services()


class DiscardForm(GovukForm):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        label="Why are you discarding it?",
        help_text="For example, spam, or a duplicate of an enquiry already recorded",
        error_messages=required("Say why you are discarding the email"),
    )
