"""The retention pages' forms: they parse and check input; the services decide and write."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, required

from .models import RetentionRule


class RuleForm(GovukForm):
    keep_years = forms.IntegerField(
        min_value=1,
        max_value=50,
        label="Years to keep",
        help_text="Counted from when the record ended. Between 1 and 50.",
        widget=forms.NumberInput(attrs={"class": "govuk-input--width-3"}),
        error_messages={
            **required("Enter the years to keep"),
            "invalid": "Years to keep must be a whole number, like 6",
            "min_value": "Years to keep must be between 1 and 50",
            "max_value": "Years to keep must be between 1 and 50",
        },
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=RetentionRule.REASON_MOST,
        label="Why is it changing?",
        help_text="For example, the council's records management policy changed. "
        "100 characters at most",
        error_messages=required("Enter why the period is changing"),
    )
    error_names = {"reason": "why the period is changing"}


class HoldForm(GovukForm):
    reference = forms.CharField(
        max_length=20,
        label="Case reference",
        help_text="For example, ENQ-2026-000123. A visit, a public meeting, a ward notice, a "
        "training record or an email is known by its kind and number, as the subject access "
        "page lists it: VISIT-42",
        error_messages=required("Enter the case reference"),
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20"}),
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why is the case held?",
        help_text="For example, a claim to the employment tribunal",
        error_messages=required("Enter why the case is held"),
    )
    error_names = {"reason": "why the case is held"}


class LiftForm(GovukForm):
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why is the hold lifted?",
        help_text="The case is anonymised at the next nightly run if it is past its period",
        error_messages=required("Enter why the hold is lifted"),
    )
    error_names = {"reason": "why the hold is lifted"}


class SearchForm(GovukForm):
    q = forms.CharField(
        max_length=150,
        label="Name, username, email or phone",
        help_text="A councillor, an officer, a constituent or someone who emailed the council. "
        "At least 2 characters.",
        error_messages=required("Enter a name, username, email or phone number"),
    )
    error_names = {"q": "the name, username, email or phone"}


class EraseForm(GovukForm):
    lawful_basis = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Why does the law allow this erasure?",
        help_text="For example, the person asked and no claim or investigation needs the record",
        error_messages=required("Enter why the law allows this erasure"),
    )
    confirmed = forms.BooleanField(
        label="I confirm the cases listed are to be anonymised now. This cannot be undone.",
        error_messages=required("Confirm that the cases listed are to be anonymised"),
    )
    error_names = {"lawful_basis": "why the law allows this erasure", "confirmed": "confirmation"}
