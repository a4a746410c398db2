from .elections import election_period_declare, election_period_end, election_period_update
from .protocol import protocol_confirm_read, protocol_publish, protocol_remind
from .ward import ward_notice_publish, ward_notice_update, ward_notice_withdraw

__all__ = [
    "election_period_declare",
    "election_period_end",
    "election_period_update",
    "protocol_confirm_read",
    "protocol_publish",
    "protocol_remind",
    "ward_notice_publish",
    "ward_notice_update",
    "ward_notice_withdraw",
]
