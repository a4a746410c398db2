"""The notices pages: ward notices for local members (WARD-1), pre-election periods (ELE-1)."""

from .elections import period_change, period_detail, period_end, period_list, period_new
from .protocol import (
    protocol_confirm,
    protocol_current,
    protocol_publish_page,
    protocol_readers_page,
    protocol_remind_page,
    protocol_version,
)
from .ward import notice_change, notice_detail, notice_list, notice_new, notice_withdraw

__all__ = [
    "notice_change",
    "notice_detail",
    "notice_list",
    "notice_new",
    "notice_withdraw",
    "period_change",
    "period_detail",
    "period_end",
    "period_list",
    "period_new",
    "protocol_confirm",
    "protocol_current",
    "protocol_publish_page",
    "protocol_readers_page",
    "protocol_remind_page",
    "protocol_version",
]
