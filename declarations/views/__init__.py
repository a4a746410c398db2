"""The declaration pages, split by subdomain: declaring, lists, one declaration, its steps."""

from .actions import (
    declaration_answer,
    declaration_ask,
    declaration_change,
    declaration_confirm,
    declaration_review,
    declaration_withdraw,
)
from .declare import declaration_find, declaration_new
from .detail import declaration_detail
from .lists import declaration_list, queue, register, register_csv

__all__ = [
    "declaration_answer",
    "declaration_ask",
    "declaration_change",
    "declaration_confirm",
    "declaration_detail",
    "declaration_find",
    "declaration_list",
    "declaration_new",
    "declaration_review",
    "declaration_withdraw",
    "queue",
    "register",
    "register_csv",
]
