from django import forms

from protocol_site.forms import GovukForm


class SecondFactorCodeForm(GovukForm):
    """The code from the authenticator app (or, when giving it, a recovery code). Whether it
    is right is the service's to say (services.py)."""

    error_names = {"code": "the code from your authenticator app"}

    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "class": "govuk-input--width-10"}
        ),
    )
