"""Every write to the declarations register goes through these (REG-1)."""

from .clock import declaration_advance, declarations_sweep
from .lifecycle import (
    declaration_ask_for_information,
    declaration_change,
    declaration_confirm,
    declaration_give_information,
    declaration_make,
    declaration_review,
    declaration_withdraw,
)
from .records import declaration_record_view, declarations_record_export

__all__ = [
    "declaration_advance",
    "declaration_ask_for_information",
    "declaration_change",
    "declaration_confirm",
    "declaration_give_information",
    "declaration_make",
    "declaration_record_view",
    "declaration_review",
    "declaration_withdraw",
    "declarations_record_export",
    "declarations_sweep",
]
