from django import forms

from protocol_site.forms import GovukForm, required
from protocol_site.models import EmailPreference, OutboxEmail


class EmailPreferenceForm(GovukForm):
    for_information = forms.ChoiceField(
        choices=EmailPreference.ForInformation.choices,
        widget=forms.RadioSelect,
        label="How do you want emails that are only for your information?",
        help_text=(
            "Copies and notices that need nothing from you: a copy of an enquiry in your "
            "directorate, a ward notice, a notice of an officer's attendance at a group meeting. "
            "Emails that ask you to do something are always sent straight away."
        ),
        error_messages=required("Select how you want emails that are only for your information"),
    )
    error_names = {"for_information": "how you want emails for your information"}


class SendAgainForm(GovukForm):
    """The button on each email not delivered: which one to send again."""

    email = forms.ModelChoiceField(
        queryset=OutboxEmail.objects.filter(status=OutboxEmail.Status.FAILED),
        widget=forms.HiddenInput,
        error_messages=required("Select an email to send again")
        | {"invalid_choice": "This email has already been sent again"},
    )
