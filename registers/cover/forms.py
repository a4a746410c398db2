"""The cover pages' forms: they parse and check input; registers.services.absences decides."""

from __future__ import annotations

from django import forms

from protocol_site.forms import GovukForm

from ..pickers import OfficerField


class AbsenceForm(GovukForm):
    officer = OfficerField(
        required=False,
        label="Officer who is away",
        help_text="Leave empty if it is you. You can record absences for yourself and for the "
        "officers you manage.",
    )
    starts_on = forms.DateField(
        label="First day away",
        help_text="For example, 14 12 2026",
        error_messages={"required": "Enter the first day away"},
    )
    ends_on = forms.DateField(
        label="Last day away",
        help_text="For example, 18 12 2026",
        error_messages={"required": "Enter the last day away"},
    )
    cover = OfficerField(
        required=False,
        label="Officer covering",
        help_text="New members' enquiries, reminders and the queue go to them while the officer "
        "is away. Leave empty to send new enquiries to the service's team queue.",
    )
    error_names = {
        "officer": "the officer who is away",
        "cover": "the officer covering",
    }

    def __init__(self, *args, me=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.me = me
        if me is not None:
            self.fields["cover"].scope_to(exclude=(me.pk,))

    def absence_data(self, fallback) -> dict:
        data = self.cleaned_data
        return {
            "officer": data["officer"] or fallback,
            "starts_on": data["starts_on"],
            "ends_on": data["ends_on"],
            "cover": data["cover"],
        }


class AbsenceEndForm(GovukForm):
    """Nothing to fill in: the button confirms."""
