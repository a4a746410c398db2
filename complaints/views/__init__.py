"""The complaint pages, split by subdomain: lists, intake, one complaint, the steps on it."""

from .actions import (
    complaint_acknowledge,
    complaint_escalate,
    complaint_message,
    complaint_notify_subject,
    complaint_refer,
    complaint_report,
    complaint_resolve,
    complaint_withdraw,
)
from .detail import complaint_detail
from .intake import complaint_new
from .lists import complaint_list, complaint_list_csv, patterns
from .top import (
    complaint_chief_executive_decision,
    complaint_standards_committee,
    ruling_detail,
    ruling_list,
    ruling_new,
)

__all__ = [
    "complaint_chief_executive_decision",
    "complaint_standards_committee",
    "ruling_detail",
    "ruling_list",
    "ruling_new",
    "complaint_acknowledge",
    "complaint_detail",
    "complaint_escalate",
    "complaint_list",
    "complaint_list_csv",
    "complaint_message",
    "complaint_new",
    "complaint_notify_subject",
    "complaint_refer",
    "complaint_report",
    "complaint_resolve",
    "complaint_withdraw",
    "patterns",
]
