"""The visit pages' forms: they parse and check input; registers.services.visits decides."""

from __future__ import annotations

from django import forms

from protocol_site.forms import DateAndTimeMixin, GovukForm, date_and_time

from ..forms import ServiceChoiceField
from ..models import Service, Visit
from ..pickers import OfficerField


class VisitRequestForm(DateAndTimeMixin, GovukForm):
    premises = forms.CharField(
        max_length=200,
        label="Premises",
        help_text="The building or land, for example Riverside Depot, Mill Lane",
        error_messages={"required": "Enter the premises you want to visit"},
    )
    service = ServiceChoiceField(
        queryset=Service.objects.active()
        .select_related("directorate")
        .order_by("directorate__name", "name"),
        label="Service",
        empty_label="Choose the service that runs the premises",
        help_text="Its Director is told of your visit in advance and makes the arrangements.",
        error_messages={"required": "Select the service that runs the premises"},
    )
    visit_on, visit_time = date_and_time("of the visit")
    purpose = forms.CharField(
        widget=forms.Textarea,
        label="Why you want to visit",
        help_text="What you need to see or discuss to carry out your duties as a member ",
        error_messages={"required": "Say why you want to visit"},
    )
    school = forms.CharField(
        max_length=200,
        required=False,
        label="School (if you are visiting a school)",
        help_text="The school's name. Leave blank for other premises.",
    )
    headteacher_agreed = forms.BooleanField(
        required=False,
        label="Arranged or agreed by the Headteacher",
        help_text="Visits to schools are arranged through the Headteacher.",
    )

    moments = {"starts_at": ("visit_on", "visit_time")}

    def request_data(self) -> dict:
        data = self.cleaned_data
        return {
            "premises": data["premises"],
            "service": data["service"],
            "starts_at": data["starts_at"],
            "purpose": data["purpose"],
            "school": data.get("school", ""),
            "headteacher_agreed": data.get("headteacher_agreed", False),
        }


class UnannouncedVisitForm(VisitRequestForm):
    """A visit already made without notice, in special circumstances."""

    reason = forms.CharField(
        widget=forms.Textarea,
        label="The special circumstances",
        help_text="Why the visit could not be announced in advance. The Director is told.",
        error_messages={
            "required": "Say what special circumstances meant the visit could not be announced"
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["premises"].error_messages["required"] = "Enter the premises you visited"
        self.fields["service"].help_text = "Its Director is told of your visit."
        self.fields["purpose"].label = "Why you visited"
        self.fields["purpose"].error_messages["required"] = "Say why you visited"
        self.fields["visit_on"].help_text = "For example, 27 3 2026"

    def request_data(self) -> dict:
        return {**super().request_data(), "reason": self.cleaned_data["reason"]}


class VisitArrangeForm(GovukForm):
    meeting_officer = OfficerField(
        label="Officer who will meet the member",
        help_text="The most appropriate officer to answer the member's questions.",
        error_messages={"required": "Select the officer who will meet the member"},
    )
    conditions = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Conditions",
        help_text="Anything the member must know or do: health and safety, timing, the "
        "tenant's permission for occupied premises.",
    )

    def __init__(self, *args, visit: Visit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting_officer"].scope_to(directorate=visit.directorate_id)


class VisitCancelForm(GovukForm):
    reason = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Why you are cancelling",
        help_text="The Director and any officer due to meet you are told.",
    )
