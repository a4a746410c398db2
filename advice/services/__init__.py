"""Every write to requests for advice and lobbying reports goes through these."""

from .clock import advice_advance, advice_sweep
from .lobbying import lobbying_record_action, lobbying_record_view, lobbying_report
from .requests import advice_ask, advice_give, advice_record_view, advice_withdraw

__all__ = [
    "advice_advance",
    "advice_ask",
    "advice_give",
    "advice_record_view",
    "advice_sweep",
    "advice_withdraw",
    "lobbying_record_action",
    "lobbying_record_view",
    "lobbying_report",
]
