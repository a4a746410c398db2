from .attachments import enquiry_attachment_downloaded
from .bulk import BULK_MAX, enquiries_acknowledge, enquiries_reassign
from .clock import enquiries_sweep, enquiry_advance
from .constituent import constituent_details_save, enquiry_seek_advice
from .conversation import enquiry_add_note, enquiry_chase, enquiry_message, enquiry_withdraw
from .extensions import enquiry_decide_extension, enquiry_request_extension
from .followup import enquiry_follow_up, enquiry_mark_urgent, enquiry_unmark_urgent
from .intake import enquiry_log, enquiry_record_view
from .links import enquiry_link, enquiry_respond_linked, enquiry_unlink
from .reassign import enquiry_reassign, enquiry_seek_guidance
from .replies import (
    enquiry_acknowledge,
    enquiry_decline,
    enquiry_respond,
    enquiry_send_holding_reply,
)
from .saved import (
    enquiry_list_exported,
    saved_query,
    saved_view_create,
    saved_view_delete,
    saved_view_rename,
)
from .sharing import enquiry_share
from .team import enquiry_allocate, enquiry_pick_up
from .waiting import enquiry_answer, enquiry_ask_councillor
from .wording import wording_add, wording_change, wording_retire

__all__ = [
    "BULK_MAX",
    "enquiries_acknowledge",
    "enquiries_reassign",
    "constituent_details_save",
    "enquiry_seek_advice",
    "enquiry_add_note",
    "enquiry_attachment_downloaded",
    "enquiry_answer",
    "enquiry_ask_councillor",
    "enquiry_chase",
    "enquiry_message",
    "enquiry_withdraw",
    "enquiries_sweep",
    "enquiry_acknowledge",
    "enquiry_advance",
    "enquiry_allocate",
    "enquiry_pick_up",
    "enquiry_decide_extension",
    "enquiry_decline",
    "enquiry_link",
    "enquiry_follow_up",
    "enquiry_mark_urgent",
    "enquiry_log",
    "enquiry_reassign",
    "enquiry_record_view",
    "enquiry_request_extension",
    "enquiry_respond",
    "enquiry_respond_linked",
    "enquiry_seek_guidance",
    "enquiry_share",
    "enquiry_unlink",
    "enquiry_unmark_urgent",
    "enquiry_send_holding_reply",
    "enquiry_list_exported",
    "saved_query",
    "saved_view_create",
    "saved_view_delete",
    "saved_view_rename",
    "wording_add",
    "wording_change",
    "wording_retire",
]
