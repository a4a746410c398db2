from .clock import enquiries_sweep, enquiry_advance
from .lifecycle import (
    enquiry_acknowledge,
    enquiry_decide_extension,
    enquiry_decline,
    enquiry_log,
    enquiry_reassign,
    enquiry_record_view,
    enquiry_request_extension,
    enquiry_respond,
    enquiry_seek_guidance,
    enquiry_send_holding_reply,
)

__all__ = [
    "enquiries_sweep",
    "enquiry_acknowledge",
    "enquiry_advance",
    "enquiry_decide_extension",
    "enquiry_decline",
    "enquiry_log",
    "enquiry_reassign",
    "enquiry_record_view",
    "enquiry_request_extension",
    "enquiry_respond",
    "enquiry_seek_guidance",
    "enquiry_send_holding_reply",
]
