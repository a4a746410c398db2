"""The forms for saved views of the enquiries list."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm


class SavedViewForm(GovukForm):
    """Save the list's filters (carried in `query`) under a name, or rename a saved view."""

    name = forms.CharField(
        label="Name",
        max_length=80,
        help_text="For example, Overdue in my service",
        error_messages={"required": "Enter a name for the view"},
    )
    query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)


class DeleteSavedViewForm(GovukForm):
    """Nothing to fill in: the button confirms."""
