from .clock import complaint_advance, complaints_sweep
from .conversation import complaint_message
from .export import complaint_list_exported
from .lifecycle import (
    complaint_escalate,
    complaint_notify_subject,
    complaint_raise,
    complaint_record_view,
    complaint_stage_acknowledge,
    complaint_stage_resolve,
    complaint_withdraw,
)
from .referral import complaint_stage_refer
from .reporting import complaint_report_outcome
from .rulings import ruling_record
from .top import complaint_chief_executive_decide, complaint_to_standards_committee

__all__ = [
    "complaint_chief_executive_decide",
    "complaint_to_standards_committee",
    "ruling_record",
    "complaint_advance",
    "complaint_escalate",
    "complaint_list_exported",
    "complaint_message",
    "complaint_notify_subject",
    "complaint_raise",
    "complaint_record_view",
    "complaint_report_outcome",
    "complaint_stage_acknowledge",
    "complaint_stage_refer",
    "complaint_stage_resolve",
    "complaint_withdraw",
    "complaints_sweep",
]
