"""What is audited when someone reads the declarations register: a view, an export."""

from __future__ import annotations

from protocol_site.audit import audit_record
from protocol_site.cases import audit_case

from ..models import Declaration


def declaration_record_view(*, actor, declaration: Declaration) -> None:
    """Every view of a declaration by someone other than its declarer is audited."""
    if actor.pk != declaration.declarer_id:
        audit_case(declaration, "viewed", actor=actor, summary=f"Viewed by {actor}.")


def declarations_record_export(*, actor, count: int, status: str = "", q: str = "") -> None:
    """The register exported as CSV: one audit event naming what was exported."""
    audit_record(
        actor=actor,
        action="declarations.register.exported",
        summary=f"{count} declarations exported by {actor}.",
        after={"count": count, "status": status, "q": q},
    )
