"""GOV.UK error messages for every field of every form, in one place.

Each message names the field in the words the person sees and says what to do: "Enter the
reason", "Reason must be 500 characters or fewer", "Select the officer", "Date received must
be a real date". The name comes from the form's `error_names` (where the label would read
badly in a sentence), the field's label where it is a name ("Date received"), or the field's
own "required" message ("Enter the date it started" names "the date it started"). Only
wording nobody gave the field is replaced: a message a form sets itself is kept.
"""

from __future__ import annotations

import functools

from django import forms
from django.core import validators

# A label that asks ("Why is it changing?") or tells ("Summarise the concern") is no name.
IMPERATIVES = {"summarise", "describe", "explain", "attach", "start", "refer", "point", "say"}
QUESTION_WORDS = {"why", "what", "when", "who", "whom", "which", "how", "where", "whether"}
DETERMINERS = {"a", "an", "the", "your", "their", "his", "her", "its", "any", "at", "one"}
OPTIONAL = " (optional)"
EMPTY_OPTION = "Choose one"


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


@functools.cache
def _generic_wording() -> frozenset[str]:
    """What field classes say when nobody names the field: Django's fields' defaults, and
    ours (such as "The date must be a real date"), which the field's own name replaces."""
    found = set()
    for cls in (forms.Field, *_subclasses(forms.Field)):
        found |= {str(m) for m in cls.__dict__.get("default_error_messages", {}).values()}
    return frozenset(found)


def is_generic(message) -> bool:
    """True if nobody has worded this for the field (its class's default, or nothing)."""
    return message is None or str(message) in _generic_wording()


def lower_first(text: str) -> str:
    """ "Provider" -> "provider", but "FOI officer" stays as it is."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def with_the(name: str) -> str:
    """ "reason" -> "the reason"; "a short summary" and "your advice" stay as they are."""
    first = name.split(" ", 1)[0].lower()
    return name if first in DETERMINERS | QUESTION_WORDS else f"the {name}"


def label_of(name: str, field: forms.Field) -> str:
    label = str(field.label or name.replace("_", " ").capitalize())
    return label.removesuffix(OPTIONAL).strip()


def reads_as_a_name(label: str) -> bool:
    """A label such as "Date received" names the field; "Why is it changing?" asks instead."""
    first = label.split(" ", 1)[0].lower()
    return bool(label) and not label.endswith("?") and first not in QUESTION_WORDS | IMPERATIVES


def error_name(name: str, field: forms.Field, names: dict[str, str]) -> str | None:
    """What the field is called mid-sentence ("the date it started"), or None if the label
    does not say and the form gives no name."""
    if name in names:
        return names[name]
    required = field.error_messages.get("required")
    if not is_generic(required):
        for verb in ("Enter ", "Select ", "Choose "):
            named = str(required).removeprefix(verb)
            if str(required).startswith(verb) and reads_as_a_name(named):
                return named
    label = label_of(name, field)
    return lower_first(label) if reads_as_a_name(label) else None


def _choosing(field) -> bool:
    return isinstance(field, forms.ChoiceField | forms.ModelChoiceField)


def _escape(text: str) -> str:
    return text.replace("%", "%%")


def _limits(field) -> tuple:
    low = high = None
    for validator in field.validators:
        if isinstance(validator, validators.MinValueValidator):
            low = validator.limit_value
        elif isinstance(validator, validators.MaxValueValidator):
            high = validator.limit_value
    return low, high


def _number_words(field, title: str) -> dict[str, str]:
    whole = isinstance(field, forms.IntegerField)
    low, high = _limits(field)
    words = {"invalid": f"{title} must be {'a whole number' if whole else 'a number'}"}
    if low is not None and high is not None:
        words["min_value"] = words["max_value"] = f"{title} must be between {low} and {high}"
    else:
        words["min_value"] = f"{title} must be %(limit_value)s or more"
        words["max_value"] = f"{title} must be %(limit_value)s or less"
    digits = f"{title} must be a number with %(max)s"
    words["max_digits"] = f"{digits} digits or fewer"
    words["max_decimal_places"] = f"{digits} decimal places or fewer"
    words["max_whole_digits"] = f"{digits} digits or fewer before the decimal point"
    return words


FILE_WORDS = {
    "invalid": "Select a file",
    "missing": "Select a file",
    "empty": "The selected file is empty",
    "max_length": "The selected file's name must be %(max)d characters or fewer",
    "contradiction": "Either select a new file or remove the current one, not both",
    "invalid_image": "The selected file must be a picture",
}


def wording(name: str, field: forms.Field, names: dict[str, str]) -> dict[str, str]:
    """The GOV.UK message for each way this field can be wrong."""
    if isinstance(field, forms.FileField):
        return dict(FILE_WORDS)
    known = error_name(name, field, names)
    label = label_of(name, field)
    verb = "Select" if _choosing(field) or isinstance(field, forms.BooleanField) else "Enter"
    asked = f"{verb} {with_the(known or lower_first(label))}"
    required = field.error_messages.get("required")
    if is_generic(required):
        required = asked
    # "Date received must be a real date": the label itself where it names the field.
    named = label if reads_as_a_name(label) and name not in names else known
    title = _escape(upper_first(named or "the answer"))
    what = _escape(with_the(known or "the answer"))
    words = {
        "required": required,
        "unique": f"{title} is already in use",
        # Raised without parameters (protocol_site.unstorable): no % to escape.
        "unstorable": f"{upper_first(named or 'the answer')} must not contain hidden characters "
        "such as a null character",
    }
    if _choosing(field):
        select = _escape(str(required))  # "Select the officer", or the form's own words
        words |= dict.fromkeys(("invalid_choice", "invalid_list", "invalid_pk_value"), select)
        return words
    if isinstance(field, forms.IntegerField | forms.FloatField | forms.DecimalField):
        return words | _number_words(field, title)
    if named is None:  # "Explain why more time is needed in 2000 characters or fewer"
        words["max_length"] = f"{_escape(str(required))} in %(limit_value)d characters or fewer"
        words["min_length"] = f"{_escape(str(required))} in %(limit_value)d characters or more"
    else:
        words["max_length"] = f"{title} must be %(limit_value)d characters or fewer"
        words["min_length"] = f"{title} must be %(limit_value)d characters or more"
    if isinstance(field, forms.EmailField):
        words["invalid"] = f"Enter {what} in the correct format, like name@example.com"
    elif isinstance(field, forms.URLField):
        words["invalid"] = f"Enter {what} in the correct format, like https://www.example.com"
    elif isinstance(field, forms.TimeField):
        words["invalid"] = f"Enter {what} as hours and minutes, for example 14:30"
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        words["invalid"] = f"{title} must be a real date"
    else:
        words["invalid"] = f"Enter {what} in the correct format"
    words["date_parts"] = f"{title} must include a %(missing)s"
    words["date_real"] = f"{title} must be a real date"
    words["date_range"] = f"{title} must be between %(first)s and %(last)s"
    return words


def plain_words(name: str, field: forms.Field, names: dict[str, str] | None = None) -> None:
    """GOV.UK wording wherever Django's own would show: say what to enter or select, never
    "This field is required.", and no "---------" as a first option."""
    for code, message in wording(name, field, names or {}).items():
        if is_generic(field.error_messages.get(code)):
            field.error_messages[code] = message
    blank_options(field)


def blank_options(field: forms.Field) -> None:
    """A select's empty first option says "Choose one", not "---------"."""
    if getattr(field, "empty_label", None) == "---------":
        field.empty_label = EMPTY_OPTION
    elif isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        choices = list(field.choices)
        if choices and choices[0] == ("", "---------"):
            field.choices = [("", EMPTY_OPTION), *choices[1:]]
