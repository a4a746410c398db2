"""What every API endpoint shares: how a service's refusal becomes an HTTP answer.

Services raise Django's `ValidationError` (a precondition, a field that is no longer valid) and
`PermissionDenied`; API views call services and let those exceptions go. The handler set in
REST_FRAMEWORK["EXCEPTION_HANDLER"] answers a ValidationError with a 400 and DRF's field
errors, `{"field": ["message"], "non_field_errors": ["message"]}`, as a serializer's own
errors look, so no view converts them itself.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler


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
