"""The notices pages' forms: they parse and check input; the services decide and write."""

from __future__ import annotations

from django import forms

from protocol_site.calendar import LONDON
from protocol_site.forms import (
    GovukForm,
    ModelMultipleChoiceField,
    date_and_time,
    in_london,
    required,
)
from registers.models import Ward

from .models import ElectionPeriod, WardNotice
from .selectors import wards_for_choice


class WardNoticeForm(GovukForm):
    """WARD-1: what it is, which wards, and when and where (a meeting) or until when (a
    consultation)."""

    kind = forms.ChoiceField(
        choices=WardNotice.Kind.choices,
        widget=forms.RadioSelect,
        label="What is it?",
        error_messages=required("Select what the notice is about"),
    )
    title = forms.CharField(
        max_length=200,
        label="Title",
        help_text="For example, Public meeting on the Mill Lane traffic scheme",
        error_messages=required("Enter a title"),
    )
    details = forms.CharField(
        widget=forms.Textarea,
        label="Details",
        help_text="What is proposed or happening, and who members can contact about it",
        error_messages=required("Enter the details"),
    )
    wards = ModelMultipleChoiceField(
        queryset=Ward.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Which wards does it affect?",
        help_text="Every member for these wards is emailed. Select all that apply.",
        error_messages=required("Select at least one ward"),
    )
    meeting_on, meeting_time = date_and_time(
        "of the meeting",
        required=False,
        hint="Public meetings only. ",
        time_example="18:30",
        time_errors={"invalid": "Enter the time as hours and minutes, for example 18:30"},
    )
    place = forms.CharField(
        max_length=200,
        required=False,
        label="Place of the meeting",
        help_text="Public meetings only. For example, Riverside Community Centre, Mill Lane",
    )
    consultation_closes_on = forms.DateField(
        required=False,
        label="Date the consultation closes",
        help_text="Consultations only. For example, 27 3 2027",
    )

    def __init__(self, *args, correcting: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wards"].queryset = wards_for_choice()
        if correcting:
            self.fields["tell_members"] = forms.BooleanField(
                required=False,
                label="Email the ward members about this correction",
                help_text="They are always emailed when the date, time, place, closing date or "
                "kind changes, and members of a ward you add are sent the notice.",
            )

    def clean(self):
        cleaned = super().clean()
        day, at = cleaned.get("meeting_on"), cleaned.get("meeting_time")
        cleaned["meeting_at"] = None
        if cleaned.get("kind") == WardNotice.Kind.PUBLIC_MEETING:
            if day and at is None and "meeting_time" not in self.errors:
                self.add_error("meeting_time", "Enter the time of the meeting")
            else:
                cleaned["meeting_at"] = in_london(day, at)
        return cleaned

    def service_values(self) -> dict:
        data = self.cleaned_data
        values = {
            "kind": data["kind"],
            "title": data["title"],
            "details": data["details"],
            "wards": data["wards"],
            "meeting_at": data["meeting_at"],
            "place": data.get("place", ""),
            "consultation_closes_on": data.get("consultation_closes_on"),
        }
        if "tell_members" in self.fields:
            values["tell_members"] = data.get("tell_members", False)
        return values

    @classmethod
    def initial_for(cls, notice: WardNotice) -> dict:
        local = notice.meeting_at.astimezone(LONDON) if notice.meeting_at else None
        return {
            "kind": notice.kind,
            "title": notice.title,
            "details": notice.details,
            "wards": list(notice.wards.all()),
            "meeting_on": local.date() if local else None,
            "meeting_time": local.strftime("%H:%M") if local else "",
            "place": notice.place,
            "consultation_closes_on": notice.consultation_closes_on,
        }


# The service's field names onto the form's, for its errors.
NOTICE_ERROR_FIELDS = {"meeting_at": "meeting_on"}


class WardNoticeWithdrawForm(GovukForm):
    reason = forms.CharField(
        widget=forms.Textarea,
        max_length=2000,
        label="Why is the notice withdrawn?",
        help_text="For example, the meeting is cancelled. The ward members are told this.",
        error_messages=required("Enter why the notice is withdrawn"),
    )


class ElectionPeriodForm(GovukForm):
    name = forms.CharField(
        max_length=150,
        label="Name of the election",
        help_text="For example, Borough elections 7 May 2026, or Riverside ward by-election",
        error_messages=required("Enter the name of the election"),
    )
    starts_on = forms.DateField(
        label="Date the pre-election period starts",
        help_text="Usually the day the notice of election is published. For example, 27 3 2026",
        error_messages=required("Enter the date the pre-election period starts"),
    )
    polling_day = forms.DateField(
        label="Polling day",
        help_text="The period ends at the end of polling day. For example, 7 5 2026",
        error_messages=required("Enter polling day"),
    )
    guidance = forms.CharField(
        widget=forms.Textarea,
        label="Guidance for members and officers",
        help_text="What members and officers should and should not do until polling day",
        error_messages=required("Enter the guidance for members and officers"),
    )

    @classmethod
    def initial_for(cls, period: ElectionPeriod) -> dict:
        return {name: getattr(period, name) for name in cls.base_fields}


class ElectionPeriodEndForm(GovukForm):
    error_names = {"reason": "the reason it is ending early"}

    reason = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Why is it ending early?",
        help_text="For example, the by-election was uncontested",
    )


class ProtocolVersionForm(GovukForm):
    """A new version of the council's protocol, to publish."""

    error_names = {"link": "the address of the published protocol"}

    version = forms.CharField(
        max_length=80,
        label="Name of this version",
        help_text="For example, May 2026, or Version 4 adopted by Council on 21 May 2026",
        error_messages=required("Enter the name of this version, for example May 2026"),
    )
    summary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="What has changed (optional)",
        help_text="Members and officers see this first, and in the email asking them to read it",
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 20}),
        label="The protocol",
        help_text="The whole text, as adopted",
        error_messages=required("Enter the text of the protocol"),
    )
    link = forms.URLField(
        required=False,
        max_length=500,
        assume_scheme="https",
        label="Where the council publishes it (optional)",
        help_text="The address of the protocol in the council's constitution online",
    )


class ConfirmForm(GovukForm):
    """A step with nothing to fill in: the button is the answer."""
