"""Every form in the product, posted empty and with a wrong value in each field, answers in
GOV.UK words that name the field and say what to do: never one of Django's own messages
("This field is required.", "Enter a whole number.", "Select a valid choice. ...").

Django's messages are collected from Django itself (its form and model fields, validators,
unique checks and the account forms), so a new kind of field is covered without a list here.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import pytest
from django import forms
from django.contrib.auth import forms as auth_forms
from django.core import validators
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.db.models.constraints import BaseConstraint

from protocol_site.forms import GovukDateField
from registers.models import Ward
from tests.clock import clock_at
from tests.form_world import NOW, World
from tests.test_forms_properties import CASES, FORMS, browser_post, kwargs_for

SHORTEST = 10  # a message with less fixed text than this is all placeholders: not checkable


class _Any(dict):
    """Fills every placeholder of a message with one number, whatever its name."""

    def __init__(self, number: int):
        super().__init__()
        self.number = number

    def __missing__(self, key):
        return self.number


def _pattern(message) -> re.Pattern | None:
    """A message as Django writes it, its placeholders matching anything."""
    filled = {str(message % _Any(n)) for n in (1, 7)}  # singular and plural forms
    parts = []
    for text in filled:
        fixed = re.split(r"[17]", text)
        if sum(len(piece.strip()) for piece in fixed) < SHORTEST:
            continue
        parts.append(".+?".join(re.escape(piece) for piece in fixed))
    return re.compile("|".join(parts)) if parts else None


def _subclasses(cls) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _from_django(cls) -> bool:
    return cls.__module__.startswith("django.")


def django_messages() -> list:
    """Every message text Django's forms, model fields and validators show a person."""
    found = []
    for base in (forms.Field, models.Field):
        for cls in (base, *_subclasses(base)):
            if _from_django(cls):
                found += cls.__dict__.get("default_error_messages", {}).values()
    for thing in vars(validators).values():
        message = getattr(thing, "message", None)
        if message is not None and _from_django(
            type(thing) if not isinstance(thing, type) else thing
        ):
            found.append(message)
    for cls in _subclasses(forms.BaseForm):
        if cls.__module__ == auth_forms.__name__:
            found += getattr(cls, "error_messages", {}).values()
    found.append(BaseConstraint.default_violation_error_message)
    ward = Ward()
    found.append(ward.unique_error_message(Ward, ("name", "seats")).message)  # unique together
    found.append(ward.date_error_message("unique_for_date", "name", "seats").message)
    return found


DJANGO = [p for p in map(_pattern, django_messages()) if p is not None]


def is_djangos(message: str) -> bool:
    return any(pattern.fullmatch(message.strip()) for pattern in DJANGO)


def test_djangos_own_messages_are_recognised():
    for message in (
        "This field is required.",
        "Enter a valid value.",
        "Enter a whole number.",
        "Select a valid choice. 99 is not one of the available choices.",
        "Ensure this value has at most 200 characters (it has 201).",
        "Ensure this value is less than or equal to 5.",
        "Enter a valid email address.",
        "Enter a valid URL.",
        "The submitted file is empty.",
        "Ward with this Name and Seats already exists.",
        "“abc” is not a valid value.",
    ):
        assert is_djangos(message), message
    for message in (
        "Enter the date the enquiry was received",
        "Reason must be 500 characters or fewer",
        "Select the officer",
    ):
        assert not is_djangos(message), message


def _upload(name: str, body: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, body)


def wrong_values(field: forms.Field) -> list:
    """What a person might wrongly give in this field (the empty answer is posted for all)."""
    if isinstance(field, GovukDateField):
        return [
            ["", "3", "2026"],
            ["1", "", ""],
            ["31", "2", "2026"],
            ["a", "b", "c"],
            ["1", "1", "1899"],
        ]
    if isinstance(field, forms.FileField):
        return [_upload("empty.txt", b""), _upload("x" * 300 + ".txt", b"x")]
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [["999999999"], ["abc"], [str(2**63)]]
    if isinstance(field, forms.ModelChoiceField):
        return ["999999999", "abc"]
    if isinstance(field, forms.MultipleChoiceField):
        return [["not-a-choice"]]
    if isinstance(field, forms.ChoiceField):
        return ["not-a-choice"]
    if isinstance(field, forms.BooleanField):
        return ["", "false"]
    values = ["abc", "1.5", "-1", "99999999999999999999", "1.123456789"]
    if isinstance(field, forms.IntegerField | forms.FloatField | forms.DecimalField):
        return values
    if isinstance(field, forms.EmailField):
        return ["not an email", "a@b"]
    if isinstance(field, forms.URLField):
        return ["not a url", "http://"]
    if isinstance(field, forms.TimeField | forms.DateTimeField | forms.DateField):
        return ["noon", "25:61", "31/02/2026"]
    if isinstance(field, forms.CharField):
        out = []
        if field.max_length:
            out.append("x" * (field.max_length + 1))
        if field.min_length:
            out.append("x")
        return out
    return ["abc"]


def _data(form, name: str, value) -> tuple:
    field = form.fields[name]
    if isinstance(field, forms.FileField):
        value.seek(0)
        return {}, {name: value}
    if isinstance(field, forms.MultiValueField):
        return {f"{name}_{i}": part for i, part in enumerate(value)}, {}
    return {name: value}, {}


def messages(form) -> list[tuple[str, str]]:
    return [(name, str(m)) for name, errors in form.errors.items() for m in errors]


def answers(world, path: str, variant: str) -> Iterator[tuple[str, str, str]]:
    """(field, what was posted, message) for the empty form and each wrong value."""
    cls = FORMS[path]
    empty = cls(data={}, **kwargs_for(world, path, variant))
    for name, message in messages(empty):
        yield name, "(empty)", message
    for name, field in empty.fields.items():
        if field.disabled:
            continue
        for value in wrong_values(field):
            data, files = browser_post(*_data(empty, name, value))
            form = cls(data=data, files=files, **kwargs_for(world, path, variant))
            for field_name, message in messages(form):
                if field_name == name or field_name == "__all__":
                    yield name, repr(value)[:40], message


@pytest.fixture
def world(org):
    with clock_at(NOW):
        yield World(org)


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "variant"), CASES, ids=[f"{p}[{v}]" for p, v in CASES])
def test_no_form_answers_in_djangos_words(world, path, variant):
    found = sorted(set(answers(world, path, variant)))
    if os.environ.get("SHOW_FORM_MESSAGES"):
        with open(os.environ["SHOW_FORM_MESSAGES"], "a") as out:
            for name, value, message in found:
                out.write(f"{path}[{variant}] {name} {value}: {message}\n")
    djangos = [f"{name} given {value}: {m}" for name, value, m in found if is_djangos(m)]
    assert not djangos, "\n".join(djangos)
    awkward = [f"{name} given {value}: {m}" for name, value, m in found if reads_badly(m)]
    assert not awkward, "\n".join(awkward)


# A label put into a sentence where it does not fit: "Enter the why is it changing?",
# "Select the held by", "Starts on must be a real date", or a full stop GOV.UK leaves off.
AWKWARD = re.compile(
    r"\?|\(optional\)|\b(?:the|a) (?:why|what|when|who|which|how|where|whether|they|"
    r"from|to|held|starts|ends)\b|^(?:From|To|Starts on|Ends on|Held since|Acting until) must"
)


def reads_badly(message: str) -> bool:
    # One sentence has no full stop (GOV.UK); a message of two keeps its full stops.
    full_stop = message.endswith(".") and ". " not in message
    return full_stop or bool(AWKWARD.search(message))


def test_awkward_wording_is_recognised():
    assert reads_badly("Enter the why is it changing? in 100 characters or fewer")
    assert reads_badly("Select the held by")
    assert reads_badly("Starts on must be a real date")
    assert reads_badly("Select the ward the councillor represents.")
    assert not reads_badly("Enter the date the role starts")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("parts", "message", "highlighted"),
    [
        (("1", "", "2026"), "Date received must include a month", [1]),
        (("", "", "2026"), "Date received must include a day and month", [0, 1]),
        (("31", "2", "2026"), "Date received must be a real date", [0, 1, 2]),
        (("1", "1", "1899"), "Date received must be between 1900 and 2100", [2]),
        (("", "", ""), "Enter the date the enquiry was received", [0, 1, 2]),
    ],
)
def test_a_date_says_which_part_is_wrong_and_highlights_it(world, parts, message, highlighted):
    form = FORMS["enquiries.forms.RecordedEnquiryForm"](
        data={f"received_on_{i}": part for i, part in enumerate(parts)}
    )
    assert form.errors["received_on"] == [message]
    html = str(form["received_on"])
    boxes = re.findall(r'<input class="([^"]*)" id="id_received_on_(\d)"', html)
    assert [int(i) for classes, i in boxes if "govuk-input--error" in classes] == highlighted


@pytest.mark.django_db
def test_a_hidden_character_is_refused_in_the_fields_own_name(world):
    form = FORMS["declarations.forms.ChangeForm"](
        data={"details": "x", "ends_on_0": "1\x00", "ends_on_1": "1", "ends_on_2": "2026"}
    )
    assert form.errors["ends_on"] == [
        "The date it ended must not contain hidden characters such as a null character"
    ]
