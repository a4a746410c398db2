"""What each audit event is called where a person reads it: "Enquiry escalated", never the
stored code "enquiries.enquiry.escalated".

The audit trail keeps a stable `action` code; every page, admin screen and export shows
`audit_words(event.action)` instead. Each app registers the words for the codes it writes, in
its AppConfig.ready(), from a module of its own (`<app>/audit_words.py`). The kernel knows no
app: a code nobody has registered still reads as words, from its parts.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured

# The kernel's own events; the apps add theirs.
WORDS: dict[str, str] = {"audit.redacted": "Personal text removed from the audit trail"}


def register_audit_words(words: Mapping[str, str]) -> None:
    """Add an app's words: action code -> a sentence-case phrase ("Declaration confirmed")."""
    for code, phrase in words.items():
        if not phrase or phrase[0] != phrase[0].upper():
            raise ImproperlyConfigured(f"Audit words for {code!r} must start with a capital.")
        if WORDS.get(code, phrase) != phrase:
            raise ImproperlyConfigured(f"Audit action {code!r} already has other words.")
        WORDS[code] = phrase


def readable(action: str) -> str:
    """Words for a code nobody registered: "enquiry.holding_reply_sent" reads as "Enquiry:
    holding reply sent"; an app label in front ("enquiries.enquiry.…") is dropped."""
    parts = [part.replace("_", " ").strip() for part in action.split(".")]
    parts = [part for part in parts if part]
    if not parts:
        return "Event recorded"
    if len(parts) == 1:
        return parts[0].capitalize()
    return f"{parts[-2].capitalize()}: {parts[-1]}"


def audit_words(action: str) -> str:
    """The phrase a person reads for an audit event's action code."""
    return WORDS.get(action) or readable(action)


def field_label(model, key: str, *, capital: bool = True) -> str:
    """What a changed value is called in an audit event's summary or values: the field's own
    label ("first_name" on an officer's account reads "first name"), never its code."""
    target, name = model, key
    if "." in key:
        head, name = key.split(".", 1)
        target = _related_model(model, head)
    label = name.replace("_", " ")
    if target is not None:
        with suppress(FieldDoesNotExist):
            label = str(target._meta.get_field(name).verbose_name)
    return label[:1].upper() + label[1:] if capital else label


def _related_model(model, name: str):
    try:
        return model._meta.get_field(name).related_model
    except FieldDoesNotExist:
        return None
