from .poll import inbox_sweep, mailbox_poll
from .receive import inbound_finish_unread, inbound_process, inbound_receive, inbound_record
from .triage import inbound_discard, inbound_turn_into_enquiry, inbound_viewed

__all__ = [
    "inbound_discard",
    "inbound_finish_unread",
    "inbound_process",
    "inbound_receive",
    "inbound_record",
    "inbound_turn_into_enquiry",
    "inbound_viewed",
    "inbox_sweep",
    "mailbox_poll",
]
