"""The advice pages: requests for advice, and reports of lobbying about employment."""

from .lobbying import lobbying_action, lobbying_detail, lobbying_list, lobbying_new
from .requests import advice_detail, advice_list, advice_new, advice_respond, advice_withdraw

__all__ = [
    "advice_detail",
    "advice_list",
    "advice_new",
    "advice_respond",
    "advice_withdraw",
    "lobbying_action",
    "lobbying_detail",
    "lobbying_list",
    "lobbying_new",
]
