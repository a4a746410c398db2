"""Setting the council's rules in tests, through the service democratic services use."""

from __future__ import annotations

from registers.services import council_rules_save


def rule_set(name: str, value, *, actor=None):
    """Set one rule (by its setting name) as the council would; returns the protocol row."""
    return council_rules_save(actor=actor, values={name: value})
