"""What the API's serializers write for a value, the same as DRF's own fields do, without
DRF's machinery per field (which costs more than the database on a list of fifty).

The long lists' serializers build their dicts by hand from these (`to_representation`); their
declared fields still document the shape (drf-spectacular), and the tests compare the two.
"""

from __future__ import annotations

from datetime import date, datetime

from rest_framework import serializers

_MOMENT = serializers.DateTimeField()
_DAY = serializers.DateField()


def moment(value: datetime | None) -> str | None:
    """As DRF's DateTimeField: ISO 8601 in the current time zone (UTC as `Z`)."""
    return None if value is None else _MOMENT.to_representation(value)


def day(value: date | None) -> str | None:
    """As DRF's DateField: YYYY-MM-DD."""
    return None if value is None else _DAY.to_representation(value)


def text(value) -> str | None:
    """As DRF's CharField and ChoiceField (a choice's stored value)."""
    return None if value is None else str(value)


def named(record) -> dict | None:
    """A record named by its id, with the name people read (NamedRefSerializer)."""
    return None if record is None else {"id": record.pk, "name": str(record)}
