"""GOV.UK Design System form rendering shared by every app's forms."""

import datetime

from django import forms

from .calendar import LONDON
from .form_errors import blank_options, plain_words
from .unstorable import refuse_unstorable


class GovukDateWidget(forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes."""

    template_name = "forms/widgets/govuk_date.html"
    parts = (("Day", 2), ("Month", 2), ("Year", 4))

    def __init__(self, attrs=None):
        widgets = [forms.TextInput(attrs={"inputmode": "numeric"}) for _ in self.parts]
        super().__init__(widgets, attrs)

    # The boxes to highlight when the date is wrong (GOV.UK: only the missing or wrong part).
    error_parts: frozenset[int] = frozenset()

    def decompress(self, value):
        if isinstance(value, datetime.date):
            return [value.day, value.month, value.year]
        return [None, None, None]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for sub, (label, width) in zip(context["widget"]["subwidgets"], self.parts, strict=True):
            sub["label"] = label
            sub["width"] = width
            sub["error"] = int(sub["name"].rsplit("_", 1)[-1]) in self.error_parts
        return context


class GovukDateField(forms.MultiValueField):
    widget = GovukDateWidget
    FIRST_YEAR, LAST_YEAR = 1900, 2100
    # GOV.UK date input wording; the form names the date in place of "The date".
    default_error_messages = {
        "date_parts": "The date must include a %(missing)s",
        "date_real": "The date must be a real date",
        "date_range": "The date must be between %(first)s and %(last)s",
    }

    def __init__(self, **kwargs):
        fields = [forms.CharField(required=False) for _ in range(3)]
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        given = (day, month, year)
        missing = [i for i, part in enumerate(given) if not part]
        self.widget.error_parts = frozenset(missing)
        if missing:
            raise forms.ValidationError(
                self.error_messages["date_parts"],
                code="date_parts",
                params={"missing": " and ".join(("day", "month", "year")[i] for i in missing)},
            )
        try:
            value = datetime.date(int(year), int(month), int(day))
        except (ValueError, OverflowError):  # not numbers, not a day, or a year beyond C's int
            self.widget.error_parts = frozenset(range(3))
            raise forms.ValidationError(
                self.error_messages["date_real"], code="date_real"
            ) from None
        if not self.FIRST_YEAR <= value.year <= self.LAST_YEAR:
            # Deadlines are counted on from the dates people give: year 9999 has no room.
            self.widget.error_parts = frozenset({2})
            raise forms.ValidationError(
                self.error_messages["date_range"],
                code="date_range",
                params={"first": self.FIRST_YEAR, "last": self.LAST_YEAR},
            )
        return value


def required(message: str) -> dict:
    """A field's error_messages with its own "required" wording (GOV.UK: say what to enter)."""
    return {"required": message}


class TimeField(forms.TimeField):
    """A time of day on the 24-hour clock, typed as 14:30 or 14.30, in a narrow input."""

    input_formats = ["%H:%M", "%H.%M"]
    default_error_messages = {"invalid": "Enter the time as hours and minutes, for example 14:30"}

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-5"}))
        super().__init__(**kwargs)


def date_and_time(
    what: str,
    *,
    asked: str = "",
    required: bool = True,
    hint: str = "",
    date_example: str = "For example, 27 3 2027",
    time_example: str = "14:30",
    time_widget: forms.Widget | None = None,
    time_errors: dict | None = None,
) -> tuple[forms.DateField, TimeField]:
    """A moment asked for as a date and a time of day, worded alike: `what` ends each label
    ("Date of the visit", "Time of the visit") and, unless `asked` says it otherwise ("the
    enquiry was received"), each message ("Enter the time of the visit"). `hint` begins both
    hints. DateAndTimeMixin hands on the moment they give."""
    asked = asked or what
    date_errors, time_errors = {}, dict(time_errors or {})
    if required:
        date_errors["required"] = f"Enter the date {asked}"
        time_errors.setdefault("required", f"Enter the time {asked}")
    time_kwargs = {} if time_widget is None else {"widget": time_widget}
    return (
        forms.DateField(
            required=required,
            label=f"Date {what}",
            help_text=hint + date_example,
            error_messages=date_errors,
        ),
        TimeField(
            required=required,
            label=f"Time {what}",
            help_text=f"{hint}Use the 24-hour clock, for example {time_example}",
            error_messages=time_errors,
            **time_kwargs,
        ),
    )


def in_london(day: datetime.date | None, at: datetime.time | None) -> datetime.datetime | None:
    """The moment a date and a time of day give on the council's clock; None without both."""
    return datetime.datetime.combine(day, at, tzinfo=LONDON) if day and at else None


class DateAndTimeMixin:
    """A form that hands on moments asked for as a date and a time (date_and_time):
    `moments = {"starts_at": ("visit_on", "visit_time")}` puts cleaned_data["starts_at"] once
    both fields are given and valid."""

    moments: dict[str, tuple[str, str]] = {}

    def clean(self):
        cleaned = super().clean()
        for moment, (day, at) in self.moments.items():
            given = in_london(cleaned.get(day), cleaned.get(at))
            if given is not None:
                cleaned[moment] = given
        return cleaned


# The largest id any database column here holds (a signed 64-bit integer).
LARGEST_ID = 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Checkboxes of saved things. A posted id too large for any id column is an invalid
    choice, like any other id that is not on the list (SQLite cannot even look it up)."""

    def _check_values(self, value):
        for pk in value:
            try:
                too_large = abs(int(str(pk))) > LARGEST_ID
            except ValueError:
                continue  # not a number: Django's own check refuses it
            if too_large:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": pk},
                )
        return super()._check_values(value)


class GovukFormMixin:
    """Render with GOV.UK markup; errors feed the page's error summary, in GOV.UK words
    (protocol_site/form_errors.py). `error_names` names a field in its messages where its
    label would read badly there ("When did it end?" is "the date it ended")."""

    template_name = "forms/govuk_form.html"
    error_names: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField):
                self.fields[name] = GovukDateField(
                    label=field.label,
                    required=field.required,
                    help_text=field.help_text,
                    initial=field.initial,
                )
                # The form's own "required" message survives the swap.
                self.fields[name].error_messages["required"] = field.error_messages["required"]
            blank_options(self.fields[name])
            refuse_unstorable(name, self.fields[name])

    def full_clean(self):
        # Worded here, not when built, so fields a form adds or relabels later are worded too
        # (and refuse what the database cannot hold, as the fields it was built with do).
        for name, field in self.fields.items():
            plain_words(name, field, self.error_names)
            refuse_unstorable(name, field)
        super().full_clean()
        for name, field in self.fields.items():
            if isinstance(field, GovukDateField) and name in self.errors:
                # Missing altogether, or wrong by a rule of the form: all three boxes.
                field.widget.error_parts = field.widget.error_parts or frozenset(range(3))


class GovukForm(GovukFormMixin, forms.Form):
    pass


class GovukModelForm(GovukFormMixin, forms.ModelForm):
    pass
