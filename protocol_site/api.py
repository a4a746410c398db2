"""What every API endpoint shares: how a service's refusal becomes an HTTP answer.

Services raise Django's `ValidationError` (a precondition, a field that is no longer valid) and
`PermissionDenied`; API views call services and let those exceptions go. The handler set in
REST_FRAMEWORK["EXCEPTION_HANDLER"] answers a ValidationError with a 400 and DRF's field
errors, `{"field": ["message"], "non_field_errors": ["message"]}`, as a serializer's own
errors look, so no view converts them itself.

Every endpoint reads JSON with the site's `JSONParser` (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]),
which turns bodies built to break a server into a 400 or a field's own error.
"""

from __future__ import annotations

import codecs
import math

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, parsers
from rest_framework.settings import api_settings
from rest_framework.utils import json
from rest_framework.views import exception_handler as drf_exception_handler

from .unstorable import mend_surrogates


def field_errors(exc: DjangoValidationError) -> dict[str, list[str]]:
    """A Django ValidationError as DRF's field errors; errors on no field go under
    `non_field_errors` (the API's NON_FIELD_ERRORS_KEY)."""
    if not hasattr(exc, "error_dict"):
        return {api_settings.NON_FIELD_ERRORS_KEY: exc.messages}
    return {
        (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
        for field, messages in exc.message_dict.items()
    }


def exception_handler(exc, context):
    """DRF's handler, after turning a service's Django exceptions into DRF's own."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(field_errors(exc))
    elif isinstance(exc, DjangoPermissionDenied):
        # A refusal without words gets DRF's standard detail rather than an empty one.
        exc = exceptions.PermissionDenied(str(exc) or None)
    return drf_exception_handler(exc, context)


def _finite_or_text(literal: str) -> float | str:
    """A JSON number as a float, unless it is too large for one (1e400): then its text, which
    a field refuses with its own error ("service": ["Incorrect type ..."]) instead of meeting
    infinity, which some lookups cannot take."""
    number = float(literal)
    return number if math.isfinite(number) else literal


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with no way to a server error: a body nested too deeply to decode is
    a 400 like any other body that is not JSON, no number is infinite, and no string holds a
    lone surrogate (protocol_site.unstorable), which no database or UTF-8 answer can hold."""

    def parse(self, stream, media_type=None, parser_context=None):
        encoding = parsers.get_encoding(parser_context or {})
        try:
            decoded = codecs.getreader(encoding)(stream)
            constant = json.strict_constant if self.strict else None
            parsed = json.load(decoded, parse_constant=constant, parse_float=_finite_or_text)
        except ValueError as exc:
            raise exceptions.ParseError(f"JSON parse error - {exc}") from None
        except RecursionError:
            raise exceptions.ParseError("JSON parse error - nested too deeply") from None
        return mend_surrogates(parsed)
