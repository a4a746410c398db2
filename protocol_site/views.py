"""What every app's pages share: who may reach a page, and a service's errors onto a form."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError

from registers.roles import Person, person_for


def require_person(request, predicate: Callable[[Person], bool]) -> Person:
    person = person_for(request.user)
    if not predicate(person):
        raise PermissionDenied
    return person


def add_service_errors(form, error: ValidationError, aliases: dict[str, str] | None = None):
    """A service's ValidationError onto the form: dict keys onto fields, the rest non-field."""
    aliases = aliases or {}
    if hasattr(error, "error_dict"):
        for key, errors in error.error_dict.items():
            field = aliases.get(key, key)
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)
