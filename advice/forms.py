"""The advice pages' forms: they parse and check input; the services decide and write."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, required
from registers.pickers import OfficerField

from .models import Topic


class AskForm(GovukForm):
    error_names = {"topic": "what the advice is about"}

    topic = forms.ChoiceField(
        choices=Topic.choices,
        widget=forms.RadioSelect,
        label="What is the advice about?",
        help_text="On a financial matter the Chief Finance Officer is asked too",
        error_messages=required("Select what the advice is about"),
    )
    question = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        label="Your question",
        help_text="Only you and the Monitoring Officer's office (and the Chief Finance Officer, "
        "on a financial matter) will see it",
        error_messages=required("Enter your question"),
    )


class AdviseForm(GovukForm):
    advice = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        label="Your advice",
        help_text="The person who asked reads this here; it is not put in an email",
        error_messages=required("Enter your advice"),
    )


class WithdrawForm(GovukForm):
    error_names = {"reason": "why you no longer need it"}

    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=500,
        label="Why do you no longer need it? (optional)",
    )


class LobbyingForm(GovukForm):
    error_names = {"lobbied_on": "the date you were approached", "what": "what was raised"}

    officer = OfficerField(
        label="Which officer approached you?",
        error_messages=required("Enter the officer who approached you"),
    )
    lobbied_on = forms.DateField(
        label="When did they approach you?", help_text="For example, 27 3 2026"
    )
    what = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        label="What did they raise with you?",
        help_text="For example, their pay, a restructure, a grievance or a disciplinary matter",
        error_messages=required("Say what the officer raised with you"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lobbied_on"].error_messages["required"] = "Enter the date you were approached"


class ActionForm(GovukForm):
    action = forms.CharField(
        widget=forms.Textarea,
        max_length=10000,
        label="What action did you take?",
        help_text="For example, you spoke to the officer's Director, or no action is needed",
        error_messages=required("Say what action you took, or that none is needed"),
    )
