"""The briefing pages, split by subdomain: lists, requests, notes and attendance, disclosures,
and meetings with other elected representatives."""

from .lists import briefing_list, equal_access
from .notes import (
    briefing_attendance,
    briefing_note,
    briefing_share,
    briefing_unshare,
    offer_detail,
    shared_detail,
)
from .representatives import (
    representative_decide,
    representative_detail,
    representative_held,
    representative_list,
    representative_new,
)
from .requests import briefing_decide, briefing_detail, briefing_new, briefing_withdraw

__all__ = [
    "briefing_attendance",
    "briefing_decide",
    "briefing_detail",
    "briefing_list",
    "briefing_new",
    "briefing_note",
    "briefing_share",
    "briefing_unshare",
    "briefing_withdraw",
    "equal_access",
    "offer_detail",
    "representative_decide",
    "representative_detail",
    "representative_held",
    "representative_list",
    "representative_new",
    "shared_detail",
]
