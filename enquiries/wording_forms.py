"""Standard wording's forms: keeping it (add, change, retire), and inserting it into a
response or message without JavaScript."""

from __future__ import annotations

from django import forms
from django.forms.utils import ErrorDict

from protocol_site.forms import GovukForm, required
from protocol_site.unstorable import refuse_unstorable

# The name of the "Insert" button: a POST carrying it redraws the form, and sends nothing.
INSERT = "insert_wording"


class WordingSelect(forms.Select):
    """The "Use standard wording" select with its Insert button (forms/_field.html)."""


class InsertsWording:
    """A form whose text box can take its service's standard wording. Choosing wording and
    pressing Insert draws the form again with the wording added to what was typed, to edit
    before sending (`redraw`); only the form's own button sends it."""

    wording_into = ""  # the text box's field name

    def __init__(self, *args, wordings=None, **kwargs):
        super().__init__(*args, **kwargs)
        self._wording_texts: dict[str, str] = {}
        if wordings is None:
            return
        wordings = list(wordings)
        if not wordings:
            return
        self._wording_texts = {str(w.pk): w.text for w in wordings}
        field = forms.CharField(
            required=False,
            label="Use standard wording",
            help_text="Choose wording and select Insert: it is added to the text below for "
            "you to edit. Nothing is sent until you send the form",
            widget=WordingSelect(
                choices=[("", "Choose wording"), *((str(w.pk), w.title) for w in wordings)]
            ),
        )
        refuse_unstorable("wording", field)
        self.fields["wording"] = field
        order = [name for name in self.fields if name != "wording"]
        order.insert(order.index(self.wording_into), "wording")
        self.order_fields(order)

    def redraw(self) -> bool:
        """After Insert: this form, drawn again with its text box holding the wording, and
        nothing sent (True). False for any other POST: the form is sent as usual."""
        if not self.is_bound or INSERT not in self.data or "wording" not in self.fields:
            return False
        data = self.data.copy()
        self.data = data
        self._errors, self.cleaned_data = ErrorDict(), {}
        text = self._wording_texts.get(str(data.get("wording", "")))
        if text is None:
            self.add_error("wording", "Select the standard wording to insert")
            return True
        typed = str(data.get(self.wording_into, "")).rstrip()
        data[self.wording_into] = f"{typed}\n\n{text}" if typed else text
        data["wording"] = ""
        return True


class WordingForm(GovukForm):
    """Add or change standard wording; adding also chooses the service."""

    service = forms.ModelChoiceField(
        queryset=None,
        label="Service",
        help_text="Officers see the wording when writing on this service's enquiries",
        error_messages=required("Select the service"),
    )
    title = forms.CharField(
        max_length=120,
        label="Title",
        help_text="What officers choose it by, for example 'Bin collection missed'",
        error_messages=required("Enter a title for the wording"),
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        label="Wording",
        help_text="Officers edit it for each enquiry before they send it",
        error_messages=required("Enter the wording"),
    )

    def __init__(self, *args, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        if services is None:
            del self.fields["service"]
        else:
            self.fields["service"].queryset = services


class RetireWordingForm(GovukForm):
    """Nothing to fill in: the button retires it."""
