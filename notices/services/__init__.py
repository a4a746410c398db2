from .elections import election_period_declare, election_period_end, election_period_update
from .ward import ward_notice_publish, ward_notice_update, ward_notice_withdraw

__all__ = [
    "election_period_declare",
    "election_period_end",
    "election_period_update",
    "ward_notice_publish",
    "ward_notice_update",
    "ward_notice_withdraw",
]
