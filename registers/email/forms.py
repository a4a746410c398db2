from django import forms

from protocol_site.forms import GovukForm, required
from protocol_site.models import EmailPreference


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
