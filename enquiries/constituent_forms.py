"""The constituent's details: an optional section of the councillor's enquiry, and its own page
later. Personal data, shown only to the councillor, the officer dealing with it and their
managers."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm

from .services.constituent import CONSENT_MISSING, LIMITS


class ConstituentForm(GovukForm):
    error_names = {"consented": "whether the constituent consented to sharing their details"}
    name = forms.CharField(
        required=False, max_length=LIMITS["name"], label="Constituent's name (optional)"
    )
    address = forms.CharField(
        required=False,
        max_length=LIMITS["address"],
        label="Their address or postcode (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    phone = forms.CharField(
        required=False,
        max_length=LIMITS["phone"],
        label="Their phone number (optional)",
        widget=forms.TextInput(attrs={"autocomplete": "off", "class": "govuk-input--width-20"}),
    )
    email = forms.EmailField(
        required=False,
        max_length=LIMITS["email"],
        label="Their email address (optional)",
        error_messages={
            "invalid": "Enter their email address in the right format, like name@example.com"
        },
    )
    consented = forms.TypedChoiceField(
        required=False,
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        empty_value=None,
        widget=forms.RadioSelect,
        label="Did the constituent consent to you sharing their details with the council?",
    )

    council_officer = forms.BooleanField(
        required=False,
        label="The constituent is a council officer",
        help_text="An officer who lives locally has the same rights as any resident. You will "
        "be asked to seek the Monitoring Officer's advice first.",
    )

    def clean(self):
        cleaned = super().clean()
        given = any(cleaned.get(name) for name in ("name", "address", "phone", "email"))
        if given and cleaned.get("consented") is None and "consented" not in self.errors:
            self.add_error("consented", CONSENT_MISSING)
        return cleaned

    @classmethod
    def initial_for(cls, details) -> dict:
        if details is None:
            return {}
        return {
            "name": details.name,
            "address": details.address,
            "phone": details.phone,
            "email": details.email,
            "consented": "yes" if details.consented else "no",
            "council_officer": details.council_officer,
        }
