from datetime import timedelta

from django import forms

from protocol_site.forms import GovukForm

MAX_DAYS = 5 * 366


class PeriodForm(GovukForm):
    """The report's period: its first and last days (both included)."""

    error_names = {"start": "the first day of the period", "last": "the last day of the period"}

    start = forms.DateField(label="From", help_text="For example, 1 5 2025")
    last = forms.DateField(label="To", help_text="The last day to include, for example, 30 4 2026")

    def clean(self):
        data = super().clean()
        start, last = data.get("start"), data.get("last")
        if start and last:
            if last < start:
                self.add_error("last", "The last day must be the same as or after the first day")
            elif (last - start).days > MAX_DAYS:
                self.add_error("last", "The period must be 5 years or less")
            else:
                data["end"] = last + timedelta(days=1)
        return data
