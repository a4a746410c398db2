"""The forms of the conversation on an enquiry: they parse; the services decide and write."""

from __future__ import annotations

import re

from django import forms

from protocol_site.forms import GovukForm, ModelMultipleChoiceField, required
from protocol_site.uploads import MultipleFileField

from .models.sharing import ward_colleagues
from .wording_forms import InsertsWording


def files_field() -> MultipleFileField:
    """Files with a message, response or note: several at once, all optional."""
    return MultipleFileField(label="Attach files (optional)")


def _text(label: str, missing: str, hint: str = "") -> forms.CharField:
    return forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label=label,
        help_text=hint,
        error_messages=required(missing),
    )


class MessageForm(InsertsWording, GovukForm):
    """An officer may insert the service's standard wording and edit it."""

    wording_into = "message"
    message = _text(
        "Your message",
        "Enter your message",
        "It goes on the enquiry's record; the other side is told by email",
    )
    files = files_field()


class NoteForm(GovukForm):
    note = _text(
        "Internal note",
        "Enter the note",
        "Only officers see this note. The councillor never sees it, and no one is emailed",
    )
    files = files_field()


class AskForm(GovukForm):
    question = _text(
        "Your question for the councillor",
        "Enter your question for the councillor",
        "For example, what you need clarified, or the consent you need",
    )
    files = files_field()


class AnswerForm(GovukForm):
    answer = _text("Your answer", "Enter your answer")
    files = files_field()


class ChaseForm(GovukForm):
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Anything to add (optional)",
        help_text="For example, why it has become more pressing",
    )


class WithdrawForm(GovukForm):
    reason = _text(
        "Why are you withdrawing the enquiry?",
        "Say why you are withdrawing the enquiry",
        "For example, the matter has been resolved another way",
    )


class ShareForm(GovukForm):
    error_names = {"councillors": "the ward colleagues who may see it"}
    councillors = ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Which of your ward colleagues may see it?",
        help_text="They can read the enquiry and write messages on it, and are told by email. "
        "Untick a colleague to stop sharing it with them",
    )

    def __init__(self, *args, enquiry, **kwargs):
        kwargs.setdefault(
            "initial", {"councillors": [s.councillor_id for s in enquiry.shares.all()]}
        )
        super().__init__(*args, **kwargs)
        self.fields["councillors"].queryset = ward_colleagues(enquiry)
        self.fields["councillors"].label_from_instance = lambda c: c.user.display_name


class LinkForm(GovukForm):
    enquiries = forms.CharField(
        max_length=1000,
        label="References of the enquiries about the same matter",
        help_text="For example, ENQ-2026-000012, ENQ-2026-000015. You must be able to act on "
        "each of them",
        error_messages=required("Enter the references of the enquiries to link"),
    )

    def clean_enquiries(self) -> list[str]:
        references = [ref.upper() for ref in re.split(r"[\s,;]+", self.cleaned_data["enquiries"])]
        references = [ref for ref in dict.fromkeys(references) if ref]
        if not references:
            raise forms.ValidationError("Enter the references of the enquiries to link")
        return references


class UnlinkForm(GovukForm):
    pass


class FollowUpForm(GovukForm):
    message = _text(
        "Your follow-up",
        "Enter your follow-up",
        "What is still needed, or what the response did not answer. The enquiry reopens",
    )
    files = files_field()


class UrgentForm(GovukForm):
    reason = _text(
        "Why is the enquiry urgent?",
        "Say why the enquiry is urgent",
        "For example, a risk to a person's safety or health",
    )


class NotUrgentForm(GovukForm):
    error_names = {"reason": "why it is no longer urgent"}
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=10000,
        label="Why is it no longer urgent? (optional)",
        help_text="For example, the risk has passed. The officer dealing with it sees this",
    )
