"""The visit pages' forms: they parse and check input; registers.services.visits decides."""

from __future__ import annotations

from datetime import datetime

from django import forms

from protocol_site.calendar import LONDON
from protocol_site.forms import GovukForm, TimeField, required

from ..forms import ServiceChoiceField
from ..models import Service, Visit
from ..pickers import OfficerField


class VisitRequestForm(GovukForm):
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
    visit_on = forms.DateField(
        label="Date of the visit",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the date of the visit"},
    )
    visit_time = TimeField(
        label="Time of the visit",
        help_text="Use the 24-hour clock, for example 14:30",
        error_messages=required("Enter the time of the visit"),
    )
    purpose = forms.CharField(
        widget=forms.Textarea,
        label="Why you want to visit",
        help_text="What you need to see or discuss to carry out your duties as a member ",
        error_messages={"required": "Say why you want to visit"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visit_on"].error_messages["required"] = "Enter the date of the visit"

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("visit_on"), cleaned.get("visit_time")
        if day and at:
            cleaned["starts_at"] = datetime.combine(day, at, tzinfo=LONDON)
        return cleaned

    def request_data(self) -> dict:
        data = self.cleaned_data
        return {
            "premises": data["premises"],
            "service": data["service"],
            "starts_at": data["starts_at"],
            "purpose": data["purpose"],
        }


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
