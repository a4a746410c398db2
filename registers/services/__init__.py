"""Every write to the registers: the registry's entries (entries.py) and members' visits
(visits.py)."""

from .absences import absence_end, absence_record
from .email import failed_email_send_again
from .entries import (
    closure_day_delete,
    councillor_save,
    officer_save,
    register_entry_delete,
    register_entry_save,
    register_export_record,
)
from .protocol import protocol_apply_preset, protocol_save, protocol_set_version
from .rules import council_rules_save
from .team import service_name_queue_delegate
from .visits import visit_arrange, visit_cancel, visit_record_unannounced, visit_request

__all__ = [
    "absence_end",
    "absence_record",
    "closure_day_delete",
    "council_rules_save",
    "councillor_save",
    "failed_email_send_again",
    "officer_save",
    "protocol_apply_preset",
    "protocol_save",
    "protocol_set_version",
    "register_entry_delete",
    "register_entry_save",
    "register_export_record",
    "service_name_queue_delegate",
    "visit_arrange",
    "visit_cancel",
    "visit_record_unannounced",
    "visit_request",
]
