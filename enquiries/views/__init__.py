"""The enquiry pages, split by subdomain: lists, intake, one enquiry, the steps on it."""

from .actions import (
    enquiry_acknowledge,
    enquiry_decline,
    enquiry_extension,
    enquiry_extension_decide,
    enquiry_guidance,
    enquiry_holding_reply,
    enquiry_reassign,
    enquiry_respond,
)
from .bulk import enquiries_bulk
from .constituent import enquiry_constituent, enquiry_seek_advice
from .conversation import (
    enquiry_answer,
    enquiry_ask,
    enquiry_chase,
    enquiry_message,
    enquiry_note,
    enquiry_share,
    enquiry_withdraw,
)
from .detail import enquiry_attachment, enquiry_copy, enquiry_detail
from .files import enquiry_file
from .followup import enquiry_follow_up, enquiry_not_urgent, enquiry_urgent
from .intake import enquiry_new, enquiry_record
from .links import enquiry_link, enquiry_respond_linked, enquiry_unlink
from .lists import enquiry_list, enquiry_list_csv, performance
from .saved import saved_add, saved_delete, saved_list, saved_rename
from .team import enquiry_allocate, enquiry_pick_up, team_delegate, team_queue
from .wording import wording_add, wording_change, wording_list, wording_retire

__all__ = [
    "saved_add",
    "saved_delete",
    "saved_list",
    "saved_rename",
    "enquiries_bulk",
    "enquiry_allocate",
    "enquiry_pick_up",
    "team_delegate",
    "team_queue",
    "enquiry_constituent",
    "enquiry_seek_advice",
    "wording_add",
    "wording_change",
    "wording_list",
    "wording_retire",
    "enquiry_answer",
    "enquiry_ask",
    "enquiry_chase",
    "enquiry_message",
    "enquiry_note",
    "enquiry_share",
    "enquiry_withdraw",
    "enquiry_acknowledge",
    "enquiry_attachment",
    "enquiry_copy",
    "enquiry_decline",
    "enquiry_detail",
    "enquiry_extension",
    "enquiry_extension_decide",
    "enquiry_follow_up",
    "enquiry_urgent",
    "enquiry_not_urgent",
    "enquiry_file",
    "enquiry_guidance",
    "enquiry_holding_reply",
    "enquiry_link",
    "enquiry_list",
    "enquiry_list_csv",
    "enquiry_new",
    "enquiry_reassign",
    "enquiry_record",
    "enquiry_respond",
    "enquiry_respond_linked",
    "enquiry_unlink",
    "performance",
]
