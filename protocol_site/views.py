"""What every app's pages share: a form posted through a service, its errors onto the form."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ValidationError


def add_service_errors(form, error: ValidationError, aliases: dict[str, str] | None = None):
    """A service's ValidationError onto the form: dict keys onto fields, the rest non-field."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for key, errors in error.error_dict.items():
            field = aliases.get(key, key)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


def submit(request, form, perform: Callable, aliases: dict[str, str] | None = None):
    """On a POST of a valid form, return perform(cleaned_data); None means show the form
    again, with the service's errors on it when it refused."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return perform(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error, aliases)
        return None
