"""Text the database cannot hold: the NUL character, and lone surrogates (half of a UTF-16
pair, which a JSON body can spell as "\\ud800" but no UTF-8 text can).

PostgreSQL refuses both in any text it is sent, even a search term it only compares, so one
reaching a query would be a server error. They are dealt with once, where they come in:

- every query parameter (searches, filters, page numbers, sort orders), by
  `StorableQueryMiddleware`: they are taken out, so a search with a NUL searches without it;
- every field of every form, by `refuse_unstorable` (applied by GovukFormMixin): the field is
  refused with an error naming it, where the person typed it;
- every JSON body the API reads: its lone surrogates become U+FFFD, the replacement character,
  as Django decodes broken UTF-8 in a form post (protocol_site.api.JSONParser), so none reaches
  the database or an error message that echoes it; a NUL is refused by Django REST framework's
  CharField, and every other field reads only numbers, choices or dates.

Browsers' form posts cannot carry a lone surrogate (Django decodes them with replacement
characters), so forms see only NUL.
"""

from __future__ import annotations

import dataclasses
import re

from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
# In a str, a surrogate is always alone: a pair is decoded as the one character it spells.
SURROGATE = re.compile("[\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` without the characters the database cannot hold."""
    return UNSTORABLE.sub("", text)


def holds_unstorable(value) -> bool:
    """Whether a field's raw value, or any part of it (a date's boxes, a list of choices),
    holds a character the database cannot hold."""
    if isinstance(value, str):
        return UNSTORABLE.search(value) is not None
    if isinstance(value, dict):
        value = list(value.values())
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = [getattr(value, f.name) for f in dataclasses.fields(value)]  # a picker's parts
    if isinstance(value, list | tuple):  # never a file: reading it is not ours to do
        return any(holds_unstorable(part) for part in value)
    return False


def _mended(text):
    return SURROGATE.sub("\ufffd", text) if isinstance(text, str) else text


def mend_surrogates(data):
    """Parsed JSON with every lone surrogate, in keys and values, as U+FFFD. Iterative: a
    body may nest as deep as the decoder goes, deeper than a recursive walk could follow."""
    if not isinstance(data, dict | list):
        return _mended(data)
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict) and any(SURROGATE.search(k) for k in node):
            mended = {_mended(k): v for k, v in node.items()}
            node.clear()
            node.update(mended)
        for key, value in list(node.items() if isinstance(node, dict) else enumerate(node)):
            if isinstance(value, dict | list):
                stack.append(value)
            elif isinstance(value, str):
                node[key] = _mended(value)
    return data


class StorableQueryMiddleware:
    """Every query parameter, name and value, without the characters the database cannot
    hold. A query string without any (nearly every one) is left as it was parsed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(holds_unstorable([key, *values]) for key, values in request.GET.lists()):
            cleaned = QueryDict(mutable=True, encoding=request.GET.encoding)
            for key, values in request.GET.lists():
                cleaned.setlist(storable(key), [storable(value) for value in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


def unstorable_error(label: str) -> ValidationError:
    return ValidationError(
        f"{label} must not contain hidden characters such as a null character", code="unstorable"
    )


def refuse_unstorable(name: str, field: forms.Field) -> None:
    """`field` refuses a value holding NUL (or a lone surrogate) with an error naming it, before
    it reads the value at all: a choice of saved things would otherwise look it up in the
    database. A date's day, month and year boxes are refused together, in the date's name.

    The check wraps this one field's `clean` (forms copy their fields before their own
    __init__, where GovukFormMixin calls this, so each form's fields are its own)."""
    if getattr(field, "refuses_unstorable", False):
        return  # already wrapped (a form checks again at clean time for fields added later)
    label = str(field.label or name.replace("_", " ").capitalize())
    clean = field.clean

    def refusing(value, *args):
        if holds_unstorable(value):
            worded = field.error_messages.get("unstorable")  # GovukFormMixin names the field
            raise ValidationError(worded, code="unstorable") if worded else unstorable_error(label)
        return clean(value, *args)

    field.clean = refusing
    field.refuses_unstorable = True
