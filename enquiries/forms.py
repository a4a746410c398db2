"""The enquiry pages' forms: they parse and check input; the services decide and write."""

from __future__ import annotations

from django import forms
from django.conf import settings

from protocol_site.council_rules import rule
from protocol_site.forms import DateAndTimeMixin, GovukForm, date_and_time, required
from protocol_site.uploads import ATTACHMENT_TYPE_NAMES, check_attachment
from registers.forms import ServiceChoiceField, active_services
from registers.models import Councillor, Service, Ward
from registers.pickers import OfficerField

from .conversation_forms import files_field
from .models import Enquiry
from .services.intake import OWN_WARD
from .wording_forms import InsertsWording

NO_WARD = "Not about a particular ward"


class EnquiryForm(GovukForm):
    """ENQ-1: what a councillor logs online."""

    subject = forms.CharField(
        max_length=200,
        label="Subject",
        help_text="A short title, for example ‘Missed bin collections on Elm Road’",
        error_messages=required("Enter a subject"),
    )
    details = forms.CharField(
        widget=forms.Textarea,
        label="Details",
        help_text="What you need to know or have done, and for whom",
        error_messages=required("Enter the details of your enquiry"),
    )
    kind = forms.ChoiceField(
        choices=Enquiry.Kind.choices,
        widget=forms.RadioSelect,
        label="What kind of enquiry is it?",
        help_text="Casework is about a constituent's own matter; general or policy questions "
        "go through the Director of the service",
        error_messages=required("Select what kind of enquiry it is"),
    )
    service = ServiceChoiceField(
        queryset=Service.objects.none(),
        label="Which service is it about?",
        empty_label="Choose a service",
        error_messages=required("Select the service the enquiry is about"),
    )
    ward = forms.ModelChoiceField(
        queryset=Ward.objects.order_by("name"),
        required=False,
        label="Ward",
        empty_label=NO_WARD,
    )
    approached_officer = OfficerField(
        required=False,
        label="Officer you approached (optional)",
        help_text="If you have already been dealing with an officer about this",
        empty_label="I have not approached an officer",
    )
    attachment = forms.FileField(
        required=False,
        widget=forms.FileInput,
        label="Attach a file",
        error_messages={"empty": "The selected file is empty"},
        help_text=f"{ATTACHMENT_TYPE_NAMES}, up to {settings.ENQUIRY_ATTACHMENT_MAX_MB}MB",
    )

    urgent_reason = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="If it is urgent, say why (optional)",
    )

    field_order = ["subject", "details", "kind", "service", "ward", "approached_officer"]

    def __init__(self, *args, councillor: Councillor | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = active_services()
        self.fields["urgent_reason"].help_text = (
            "For example, a risk to a person's safety or health. An urgent enquiry is due in "
            f"{rule('ENQUIRY_URGENT_WORKING_DAYS')} working days and comes first in the "
            "officers' queues. Leave this empty if it is not urgent"
        )
        if councillor is not None and councillor.ward_id:
            self.fields["ward"].initial = councillor.ward_id
            self.fields["ward"].help_text = f"Your ward, {councillor.ward}, unless you change it"

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            check_attachment(upload)
        return upload or None


class RecordedEnquiryForm(DateAndTimeMixin, EnquiryForm):
    """ENQ-1, 003 §8.1: an officer or democratic services records one received another way."""

    councillor = forms.ModelChoiceField(
        queryset=Councillor.objects.none(),
        label="Councillor who made the enquiry",
        empty_label="Choose a councillor",
        error_messages=required("Select the councillor who made the enquiry"),
    )
    channel = forms.ChoiceField(
        choices=[c for c in Enquiry.Channel.choices if c[0] != Enquiry.Channel.ONLINE],
        widget=forms.RadioSelect,
        label="How was it received?",
        error_messages=required("Select how the enquiry was received"),
    )
    received_on, received_time = date_and_time(
        "received",
        asked="the enquiry was received",
        date_example="The real date it arrived, for example 23 12 2026",
        time_widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "maxlength": "5"}),
    )
    # enquiry_log checks it is in the past and within the council's records.
    moments = {"received_at": ("received_on", "received_time")}

    field_order = [
        "councillor",
        "channel",
        "received_on",
        "received_time",
        "subject",
        "details",
        "kind",
        "service",
        "ward",
        "approached_officer",
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["councillor"].queryset = Councillor.objects.select_related("user").order_by(
            "user__last_name", "user__first_name"
        )
        wards = [(str(ward.pk), str(ward)) for ward in Ward.objects.order_by("name")]
        self.fields["ward"] = forms.TypedChoiceField(
            label="Ward",
            required=False,
            choices=[(OWN_WARD, "The councillor's own ward"), ("", NO_WARD), *wards],
            initial=OWN_WARD,
            coerce=lambda pk: pk if pk == OWN_WARD else Ward.objects.get(pk=pk),
            empty_value=None,
        )
        self.fields["approached_officer"].label = "Officer the councillor approached (optional)"
        self.fields["subject"].help_text = ""
        self.fields["details"].help_text = "What the councillor asked, as received"
        self.fields["urgent_reason"].label = "If the councillor said it is urgent, why (optional)"


class AcknowledgeForm(GovukForm):
    pass


class HoldingReplyForm(GovukForm):
    """ENQ-4: an explanation and a new expected date, both required."""

    explanation = forms.CharField(
        widget=forms.Textarea,
        label="Explain what is happening and why a full response will take longer",
        help_text="The councillor reads this",
        error_messages=required("Explain what is happening and why"),
    )
    expected_date = forms.DateField(
        label="When do you expect to send the full response?",
        help_text="A working day in the future, for example 27 3 2027",
        error_messages=required("Enter the date you expect to send the full response"),
    )


class ExtensionRequestForm(GovukForm):
    """ENQ-5: more time, asked of senior management (003 §8.2)."""

    reason = forms.CharField(
        widget=forms.Textarea,
        label="Why is more time needed?",
        help_text="For example, the enquiry imposes a disproportionate burden",
        error_messages=required("Explain why more time is needed"),
    )
    proposed_date = forms.DateField(
        label="Proposed new deadline",
        help_text="A working day after the current deadline, for example 27 3 2027",
        error_messages=required("Enter the proposed new deadline"),
    )


class ExtensionDecisionForm(GovukForm):
    decision = forms.ChoiceField(
        choices=[("agree", "Agree more time"), ("refuse", "Refuse more time")],
        widget=forms.RadioSelect,
        label="Your decision",
        error_messages=required("Select whether you agree or refuse more time"),
    )
    agreed_date = forms.DateField(
        required=False,
        label="A different deadline (optional)",
        help_text="Only if you agree a date other than the one proposed, for example 27 3 2027",
    )
    note = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Note",
        help_text="If you refuse, say why. If you agree, note anything agreed with the councillor",
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "refuse" and not cleaned.get("note", "").strip():
            self.add_error("note", "Say why more time is refused")
        return cleaned


class GuidanceForm(GovukForm):
    """003 §9.3, 004 §7.4: the Director's guidance, who may refer to the Chief Executive."""

    note = forms.CharField(
        widget=forms.Textarea,
        label="What guidance do you need?",
        help_text="For example, the information is not readily available or is costly to provide",
        error_messages=required("Say what guidance is needed"),
    )
    refer_to_chief_executive = forms.BooleanField(
        required=False,
        label="Refer this to the Chief Executive",
        help_text="Instead of the Director of the service",
    )


class ReassignForm(GovukForm):
    to = OfficerField(
        label="Officer to pass it to",
        error_messages=required("Select the officer to pass it to"),
    )
    service = ServiceChoiceField(
        queryset=Service.objects.none(),
        required=False,
        label="Service (optional)",
        help_text="Only if it belongs to a different service. The clock keeps running",
    )
    note = forms.CharField(
        widget=forms.Textarea,
        label="Why are you reassigning it?",
        help_text="The councillor and both officers are told",
        error_messages=required("Say why it is being reassigned"),
    )

    def __init__(self, *args, enquiry: Enquiry | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = active_services()
        if enquiry is not None:
            self.fields["service"].empty_label = f"Keep it with {enquiry.service}"


class RespondForm(InsertsWording, GovukForm):
    """ENQ-8: the full response closes the enquiry. The service's standard wording may be
    inserted and edited."""

    wording_into = "response"

    response = forms.CharField(
        widget=forms.Textarea,
        label="Response to the councillor",
        help_text="This is sent to the councillor and closes the enquiry",
        error_messages=required("Enter the response"),
    )
    minor = forms.BooleanField(
        required=False,
        label="This is minor information",
        help_text="Minor information is not reported to the committee chair and lead member "
        "for the service",
    )
    files = files_field()


class DeclineForm(GovukForm):
    """ENQ-6: a senior officer declines as inappropriate, giving reasons."""

    reason = forms.ChoiceField(
        choices=Enquiry.DeclineReason.choices,
        widget=forms.RadioSelect,
        label="Why is the enquiry being declined?",
        error_messages=required("Select a reason"),
    )
    explanation = forms.CharField(
        widget=forms.Textarea,
        label="Explain the reasons to the councillor",
        error_messages=required("Explain the reasons to the councillor"),
    )
    point_to_foi = forms.BooleanField(
        required=False,
        label="Point the councillor to the Freedom of Information officer",
        help_text="Where the information is not available without a formal request",
    )


class PickUpForm(GovukForm):
    """Nothing to fill in: the button takes the enquiry from the team queue."""


class AllocateForm(GovukForm):
    to = OfficerField(
        label="Officer to allocate it to",
        help_text="They are told by email, and so is the councillor",
        error_messages=required("Select the officer to allocate it to"),
    )

    def __init__(self, *args, enquiry: Enquiry | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if enquiry is not None:
            self.fields["to"].scope_to(directorate=enquiry.service.directorate_id)


class BulkAcknowledgeForm(GovukForm):
    """The enquiries chosen travel as hidden fields; the button confirms."""


class BulkReassignForm(GovukForm):
    to = OfficerField(
        label="Officer to pass them to",
        error_messages=required("Select the officer to pass them to"),
    )
    note = forms.CharField(
        widget=forms.Textarea,
        label="Why are you reassigning them?",
        help_text="Each councillor and both officers are told, once for each enquiry",
        error_messages=required("Say why they are being reassigned"),
    )


class QueueDelegateForm(GovukForm):
    """The head of service names who allocates their team queue with them (empty: nobody)."""

    delegate = OfficerField(
        required=False,
        label="Officer who allocates the team queue with you",
        help_text="They can give each enquiry waiting in the queue to an officer, as you can. "
        "They are told by email. Leave empty to allocate it alone.",
    )
    error_names = {"delegate": "the officer who allocates the team queue with you"}

    def __init__(self, *args, me=None, **kwargs):
        super().__init__(*args, **kwargs)
        if me is not None:
            self.fields["delegate"].scope_to(exclude=(me.pk,))
