"""The public meeting pages' forms: they parse and check input; .services decides."""

from __future__ import annotations

from django import forms

from protocol_site.forms import DateAndTimeMixin, GovukForm, date_and_time, required
from registers.forms import ServiceChoiceField
from registers.models import Service
from registers.pickers import OfficerField


class MemberMeetingForm(DateAndTimeMixin, GovukForm):
    subject = forms.CharField(
        max_length=200,
        label="What is the meeting about?",
        help_text="For example, Residents' meeting on the Mill Lane traffic scheme",
        error_messages=required("Enter what the meeting is about"),
    )
    meeting_on, meeting_time = date_and_time("of the meeting", time_example="18:30")
    place = forms.CharField(
        max_length=200,
        label="Where is it?",
        help_text="For example, Riverside Community Centre, Mill Lane",
        error_messages=required("Enter where the meeting is"),
    )
    service = ServiceChoiceField(
        queryset=Service.objects.active()
        .select_related("directorate")
        .order_by("directorate__name", "name"),
        label="Which council service does it concern?",
        empty_label="Choose the service",
        help_text="Its Head of Service is told, unless you name another officer below.",
        error_messages=required("Select the service the meeting concerns"),
    )
    officer = OfficerField(
        required=False,
        label="Officer to tell (optional)",
        help_text="An officer you have been dealing with on this matter.",
    )
    details = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Anything else the officer should know (optional)",
        help_text="Who is invited, and anything you would like from the council.",
    )

    moments = {"meeting_at": ("meeting_on", "meeting_time")}

    def service_values(self) -> dict:
        data = self.cleaned_data
        return {
            "subject": data["subject"],
            "meeting_at": data["meeting_at"],
            "place": data["place"],
            "service": data["service"],
            "officer": data.get("officer"),
            "details": data.get("details", ""),
        }


class MemberMeetingCancelForm(GovukForm):
    """Nothing to fill in: the button confirms."""
