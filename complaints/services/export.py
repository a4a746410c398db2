"""Downloads of a complaints list: each one audited (who, which filters, how many rows)."""

from __future__ import annotations

from protocol_site.audit import list_downloaded


def complaint_list_exported(*, actor, query: str, rows: int) -> None:
    """One audit event for each download of a list: who, which filters, how many rows."""
    list_downloaded(
        actor=actor, action="complaints.list.exported", noun="complaints", query=query, rows=rows
    )
