"""Hypothesis strategies for what people (and robots) type into the product's forms, and the
checks every form must pass whatever it is given. Shared by the form and form-page tests."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.utils import ErrorDict
from hypothesis import strategies as st

# Text: unicode (control characters included), markup, formulas, format strings, numbers,
# whitespace, and very long strings.
AWKWARD = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\t\r\n",
    "\u202eevil",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "'; DROP TABLE users; --",
    "%s %(name)s {0} {{ x }}",
    "Zoë Ångström-Łukasz",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🦄",
    "٣",
    "NaN",
    "-1",
    "0",
    "1e309",
    "99999999999999999999999",
]
numbers = st.one_of(
    st.integers(-(10**30), 10**30).map(str),
    st.integers(-5, 50).map(str),
    st.floats(allow_nan=True).map(str),
)
long_text = st.builds(
    lambda piece, n: piece * n, st.sampled_from(["x", "é", "𝔘", "ab "]), st.integers(150, 12000)
)
text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=40),
    st.sampled_from(AWKWARD),
    numbers,
    long_text,
)
# Ids: ones that exist, that don't, negative, huge, not numbers at all.
missing_ids = st.one_of(
    st.sampled_from(["0", "-1", "999999", str(2**63), "1.5", "1e3", " 1", "", "abc"]),
    st.integers(-(2**70), 2**70).map(str),
    text,
)
# A GOV.UK date's boxes: plausible days and months, 31/02, 29/02, the first and last days a
# date can have, years too large for a date or for a C integer, and anything else.
days_and_months = st.tuples(st.integers(0, 32).map(str), st.integers(0, 13).map(str))
date_parts = st.one_of(
    st.builds(
        lambda dm, y: (*dm, y),
        days_and_months,
        st.sampled_from(["2026", "2027", "2024", "2025", "1900", "2100"]),
    ),
    st.sampled_from(
        [
            ("31", "2", "2026"),
            ("29", "2", "2027"),
            ("29", "2", "2028"),
            ("30", "2", "2026"),
            ("31", "4", "2026"),
            ("31", "12", "9999"),
            ("30", "12", "9999"),
            ("24", "12", "9999"),
            ("1", "1", "1"),
            ("", "", ""),
            ("1", "", "2026"),
        ]
    ),
    st.builds(
        lambda dm, y: (*dm, y),
        days_and_months,
        st.sampled_from(["1", "0", "-2026", "9999", "10000", "2200000000", "9" * 20]),
    ),
    st.tuples(text, text, text),
)
times = st.one_of(
    st.sampled_from(["14:30", "23:59", "00:00", "24:00", "25:61", "9.05", "12:3", "noon", ""]),
    st.builds(lambda h, m: f"{h}:{m:02d}", st.integers(-1, 30), st.integers(0, 99)),
    text,
)
dates_as_text = st.one_of(
    st.sampled_from(["2026-02-31", "31/02/2026", "2026-13-01", "0000-00-00", "9999-12-31"]),
    st.dates().map(str),
    text,
)
booleans = st.sampled_from(["on", "", "false", "False", "0", "1", "true", "yes"])


def _choice_values(field) -> list[str]:
    values = []
    for key, label in field.choices:
        if isinstance(label, list | tuple):  # an optgroup
            values += [str(k) for k, _ in label]
        else:
            values.append(str(getattr(key, "value", key)))
    return values


def _model_ids(field) -> list[str]:
    key = field.to_field_name or "pk"
    return [str(v) for v in field.queryset.values_list(key, flat=True)[:25]]


def _one_of_or_junk(values: list[str], junk) -> st.SearchStrategy:
    return st.sampled_from(values) | junk if values else junk


uploads = st.builds(
    lambda name, body: SimpleUploadedFile(name, body),
    st.sampled_from(["a.pdf", "a.txt", "a.png", "a.exe", "noextension", "ünï.docx", ".txt"]),
    st.one_of(
        st.binary(max_size=300),
        st.sampled_from([b"%PDF-1.7 x", b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"", b"\x00\x01"]),
    ),
)


def field_strategy(form: forms.BaseForm, name: str, field: forms.Field) -> st.SearchStrategy:
    """A strategy of (data, files) fragments for one field, as a browser would post them."""
    key = form.add_prefix(name)
    widget = field.widget
    if isinstance(widget, forms.MultiWidget):
        keys = [f"{key}{suffix}" for suffix in widget.widgets_names]
        parts = date_parts if len(keys) == 3 else st.tuples(*[text for _ in keys])
        return parts.map(lambda values: ({k: v for k, v in zip(keys, values, strict=False)}, {}))
    if isinstance(field, forms.FileField):
        return uploads.map(lambda upload: ({}, {key: upload}))
    if isinstance(field, forms.ModelMultipleChoiceField):
        one = _one_of_or_junk(_model_ids(field), missing_ids)
        values = st.one_of(st.lists(one, max_size=4), one.map(lambda v: [v]))
    elif isinstance(field, forms.ModelChoiceField):
        values = _one_of_or_junk(_model_ids(field), missing_ids) | st.lists(missing_ids, max_size=3)
    elif isinstance(field, forms.MultipleChoiceField):
        one = _one_of_or_junk(_choice_values(field), text)
        values = st.lists(one, max_size=4)
    elif isinstance(field, forms.ChoiceField):
        values = _one_of_or_junk(_choice_values(field), text) | st.lists(text, max_size=3)
    elif isinstance(field, forms.BooleanField):
        values = booleans | text
    elif isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        values = numbers | text
    elif isinstance(field, forms.TimeField):
        values = times
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        values = dates_as_text
    elif isinstance(field, forms.EmailField):
        values = st.sampled_from(["a@example.gov.uk", "not-an-email", "a@b", "@", "é@é.é"]) | text
    else:
        values = text
    return values.map(lambda value: ({key: value}, {}))


def plausible_strategy(form: forms.BaseForm, name: str, field: forms.Field):
    """What a careful person would post for one field, so services, not forms, get to say no."""
    key = form.add_prefix(name)
    widget = field.widget
    if isinstance(widget, forms.MultiWidget) and len(widget.widgets_names) == 3:
        keys = [f"{key}{suffix}" for suffix in widget.widgets_names]
        day = st.dates(date(2024, 1, 1), date(2027, 12, 31))
        boxes = (lambda d: d.day, lambda d: d.month, lambda d: d.year)
        return day.map(lambda d: ({k: str(box(d)) for k, box in zip(keys, boxes, strict=True)}, {}))
    if isinstance(field, forms.FileField):
        return st.just(({}, {key: SimpleUploadedFile("notes.txt", b"Site visit notes.")}))
    values = None
    if isinstance(field, forms.ModelMultipleChoiceField) and _model_ids(field):
        values = st.lists(st.sampled_from(_model_ids(field)), min_size=1, max_size=2, unique=True)
    elif isinstance(field, forms.ModelChoiceField) and _model_ids(field):
        values = st.sampled_from(_model_ids(field))
    elif isinstance(field, forms.ChoiceField) and [v for v in _choice_values(field) if v]:
        values = st.sampled_from([v for v in _choice_values(field) if v])
    elif isinstance(field, forms.BooleanField):
        values = st.sampled_from(["on", ""])
    elif isinstance(field, forms.IntegerField):
        values = st.integers(0, 5).map(str)
    elif isinstance(field, forms.TimeField) or name.endswith("_time"):
        values = st.sampled_from(["09:30", "14:00", "18:30"])
    elif isinstance(field, forms.EmailField):
        values = st.integers(0, 10**6).map(lambda n: f"person{n}@example.gov.uk")
    elif isinstance(field, forms.CharField):
        values = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=20)
    if values is None:
        return field_strategy(form, name, field)
    return values.map(lambda value: ({key: value}, {}))


def form_data(form: forms.BaseForm, extra_keys: bool = True) -> st.SearchStrategy:
    """(data, files) for every field of `form`: anything at all in each field, each present or
    left out; or what a careful person would post, with at most one field anything at all."""
    fields = list(form.fields.items())
    junk = st.dictionaries(st.sampled_from(["csrfmiddlewaretoken", "next", "x", "id"]), text)
    wild = st.tuples(*[st.none() | field_strategy(form, n, f) for n, f in fields])
    careful = st.tuples(*[plausible_strategy(form, n, f) for n, f in fields])
    if fields:
        one_wild = st.sampled_from(fields).flatmap(lambda nf: field_strategy(form, *nf))
        careful = st.tuples(careful, st.none() | one_wild).map(lambda c: (*c[0], c[1]))
    pieces = wild | careful
    return st.tuples(pieces, junk if extra_keys else st.just({})).map(_merge)


def _merge(drawn) -> tuple[dict, dict]:
    pieces, junk = drawn
    data, files = dict(junk), {}
    for piece in pieces:
        if piece is not None:
            data.update(piece[0])
            files.update(piece[1])
    return data, files


def assert_errors_are_field_errors(form: forms.BaseForm) -> None:
    """Validation must not raise, and every error belongs to a field (or is the form's own),
    with words a person can read; the form must still render with them."""
    valid = form.is_valid()
    errors = form.errors
    assert isinstance(errors, ErrorDict)
    assert valid == (not errors)
    for name, messages in errors.items():
        assert name == forms.forms.NON_FIELD_ERRORS or name in form.fields, name
        assert messages and all(isinstance(m, str) and m.strip() for m in messages), messages
    if not valid:
        form.render()  # the page shows the form again, with its errors
