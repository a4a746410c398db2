"""The declaration pages' forms: they parse and check input; the services decide and write."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, required

from .models import Relationship


class ChoosePersonForm(GovukForm):
    """The second half of the name search: one of at most ~20 people, as radios."""

    person = forms.TypedChoiceField(
        coerce=int,
        widget=forms.RadioSelect,
        label="Who is the relationship with?",
        error_messages=required("Select the person the relationship is with"),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [
            (c.user_id, f"{c.name} ({c.description})") for c in candidates
        ]


class DeclareForm(GovukForm):
    error_names = {"ends_on": "the date it ended"}

    relationship = forms.ChoiceField(
        choices=Relationship.choices,
        widget=forms.RadioSelect,
        label="What is the relationship?",
        error_messages=required("Select the kind of relationship"),
    )
    details = forms.CharField(
        widget=forms.Textarea,
        label="Describe the relationship",
        help_text="For example, how you are related, or the business you share",
        error_messages=required("Describe the relationship"),
    )
    starts_on = forms.DateField(
        label="When did it start?", help_text="For example, 27 3 2019. An estimate will do."
    )
    ends_on = forms.DateField(
        required=False,
        label="When did it end? (optional)",
        help_text="Only if it has ended, or will end on a known date",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_on"].error_messages["required"] = "Enter the date it started"


class ChangeForm(GovukForm):
    error_names = {"ends_on": "the date it ended", "reason": "the reason for the change"}

    details = forms.CharField(
        widget=forms.Textarea,
        label="Describe the relationship",
        error_messages=required("Describe the relationship"),
    )
    ends_on = forms.DateField(
        required=False,
        label="When did it end? (optional)",
        help_text="Leave empty while it continues",
    )
    reason = forms.CharField(
        required=False,
        max_length=100,
        label="Why is it changing?",
        help_text="Democratic services correcting someone else's declaration must say why; "
        "it is kept with the declaration's history",
    )


class ReviewForm(GovukForm):
    advice = forms.CharField(
        widget=forms.Textarea,
        label="Your advice",
        help_text="The declarer reads this; the other person and the manager do not",
        error_messages=required("Record your advice"),
    )
    action = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Action taken",
        help_text="Any action taken, for example a change of line management",
    )


class AskForm(GovukForm):
    question = forms.CharField(
        widget=forms.Textarea,
        label="What more do you need to know?",
        error_messages=required("Say what more you need to know"),
    )


class AnswerForm(GovukForm):
    information = forms.CharField(
        widget=forms.Textarea,
        label="Your answer",
        error_messages=required("Give the information asked for"),
    )


class WithdrawForm(GovukForm):
    error_names = {"reason": "the reason"}

    reason = forms.CharField(
        widget=forms.Textarea,
        required=False,
        label="Why are you withdrawing it?",
        help_text="For example, it was made in error. To record that a relationship has "
        "ended, give it an end date instead.",
    )


class ConfirmForm(GovukForm):
    pass
