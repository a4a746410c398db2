from .attendance import briefing_attendance_record
from .notes import (
    briefing_note_issue,
    briefing_note_save,
    briefing_offer_receive,
    briefing_share,
    briefing_unshare,
)
from .representatives import (
    representative_meeting_authorise,
    representative_meeting_record,
    representative_meeting_refuse,
    representative_meeting_request,
)
from .requests import (
    briefing_clear,
    briefing_decline,
    briefing_nominate,
    briefing_request,
    briefing_withdraw,
)

__all__ = [
    "briefing_attendance_record",
    "briefing_clear",
    "briefing_decline",
    "briefing_nominate",
    "briefing_note_issue",
    "briefing_note_save",
    "briefing_offer_receive",
    "briefing_request",
    "briefing_share",
    "briefing_unshare",
    "briefing_withdraw",
    "representative_meeting_authorise",
    "representative_meeting_record",
    "representative_meeting_refuse",
    "representative_meeting_request",
]
