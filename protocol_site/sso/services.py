"""The audit trail of sign-ins through the council's directory (services write, views call)."""

from __future__ import annotations

from django.db import transaction

from ..audit import audit_record

SIGNED_IN = "sign_in.directory"
REFUSED = "sign_in.directory_refused"

AUDIT_WORDS = {
    SIGNED_IN: "Signed in through the council's directory",
    REFUSED: "Sign-in through the council's directory refused",
}

REASONS = {
    "unknown": "no account has this email address",
    "unverified": "the directory has not verified the email address",
    "closed": "the account is closed",
    "ambiguous": "more than one account has this email address",
    "unavailable": "the directory did not answer",
    "failed": "the sign-in did not complete",
}


def directory_sign_in_record(*, user, email: str = "", refusal: str = "") -> None:
    """One audit event per sign-in through the directory: who (the account, when there is
    one), the email address the directory gave, and why it was refused if it was."""
    with transaction.atomic():
        if refusal:
            summary = f"Refused: {REASONS.get(refusal, refusal)}"
            if email:
                summary += f" ({email})"
            # REFUSED and SIGNED_IN, written out so the audit words' check can read them.
            audit_record(actor=user, action="sign_in.directory_refused", obj=user, summary=summary)
        else:
            audit_record(actor=user, action="sign_in.directory", obj=user, summary=email)
