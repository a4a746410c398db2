"""The forms of the conversation on an enquiry: they parse; the services decide and write."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm, required


def _text(label: str, missing: str, hint: str = "") -> forms.CharField:
    return forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        label=label,
        help_text=hint,
        error_messages=required(missing),
    )


class MessageForm(GovukForm):
    message = _text(
        "Your message",
        "Enter your message",
        "It goes on the enquiry's record; the other side is told by email",
    )


class NoteForm(GovukForm):
    note = _text(
        "Internal note",
        "Enter the note",
        "Only officers see this note. The councillor never sees it, and no one is emailed",
    )


class AskForm(GovukForm):
    question = _text(
        "Your question for the councillor",
        "Enter your question for the councillor",
        "For example, what you need clarified, or the consent you need",
    )


class AnswerForm(GovukForm):
    answer = _text("Your answer", "Enter your answer")


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
