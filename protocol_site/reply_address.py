"""The reply address on an email about a case: replies to it come back to that case, from that
person (read by the inbox app).

members.enquiries+e123-45-<signature>@council: the case's kind (the model's REPLY_BY_EMAIL
letter), its id and the person's id, signed with the site's secret key (Django's salted HMAC,
the primitive under django.core.signing). The signature is lower-case base32, because a mail
system may change the case of an address on the way. Nobody can make an address for a case or
a person they were not sent."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "protocol_site.reply_address"
TOKEN = re.compile(r"^([a-z])(\d{1,12})-(\d{1,12})-([a-z2-7]{16})$")


@dataclass(frozen=True)
class ReplyTo:
    kind: str  # the model's REPLY_BY_EMAIL letter
    case_id: int
    user_id: int


def _signature(value: str) -> str:
    digest = salted_hmac(SALT, value, algorithm="sha256").digest()
    return base64.b32encode(digest[:10]).decode().lower()


def reply_token(kind: str, case_id: int, user_id: int) -> str:
    value = f"{kind}{case_id}-{user_id}"
    return f"{value}-{_signature(value)}"


def read_reply_token(token: str) -> ReplyTo | None:
    """The case and person a token was made for, or None if it is not one of ours."""
    match = TOKEN.match((token or "").strip().lower())
    if match is None:
        return None
    kind, case_id, user_id, signature = match.groups()
    if not constant_time_compare(signature, _signature(f"{kind}{case_id}-{user_id}")):
        return None
    return ReplyTo(kind=kind, case_id=int(case_id), user_id=int(user_id))


def reply_address(case, user) -> str | None:
    """The address a reply from `user` about `case` is sent to, or None when the site has no
    inbound mailbox (INBOUND_EMAIL_ADDRESS) or the case takes no replies by email."""
    mailbox = settings.INBOUND_EMAIL_ADDRESS
    kind = getattr(case, "REPLY_BY_EMAIL", "")
    if not mailbox or not kind or getattr(case, "pk", None) is None or user.pk is None:
        return None
    local, domain = mailbox.split("@")
    return f"{local}+{reply_token(kind, case.pk, user.pk)}@{domain}"


def token_in(address: str) -> str | None:
    """The token in one of our reply addresses (local+token@domain), or None."""
    mailbox = settings.INBOUND_EMAIL_ADDRESS
    if not mailbox or "@" not in (address or ""):
        return None
    local, domain = address.strip().lower().rsplit("@", 1)
    ours_local, ours_domain = mailbox.lower().split("@")
    if domain != ours_domain or not local.startswith(f"{ours_local}+"):
        return None
    return local[len(ours_local) + 1 :]


def reply_headers(context: dict, user) -> dict:
    """Headers for an email to `user` rendered from `context`: a Reply-To for the first case in
    it that takes replies by email."""
    for value in context.values():
        if getattr(value, "REPLY_BY_EMAIL", None):
            address = reply_address(value, user)
            return {"Reply-To": address} if address else {}
    return {}
