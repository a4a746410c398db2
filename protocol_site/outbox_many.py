"""Many emails at once (a sweep's batch): the recipients' choices read in one query, each
template rendered once for a group of emails that differ only in what they print, and the
rows written in one statement.

Rendering once: an email may come with a *shape* (`Shape`), which says what in it differs
from one email to the next. The template is rendered once with stand-ins: each printed value
a marker (`mark(n)`), the case's id in its link `PK_MARK`, everything else real (`key`, such as
a date a filter formats, is the same for the whole group). Each email is then the stencil
with its own values put in place of the markers (HTML-escaped in the HTML part, as the
template would). The first email of a group is also rendered in full and must come out the
same, and a template that reads anything the stand-ins do not carry (`StencilMiss`) is
rendered in full for every email: a stencil never changes what an email says.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.utils.html import conditional_escape

from .email_preferences import FOR_INFORMATION, Choice, for_information_choices
from .models import OutboxEmail
from .outbox import email_link, email_render, email_render_raw, one_line
from .reply_address import reply_headers

logger = logging.getLogger(__name__)

# A marker: letters and digits only, so escaping leaves it as it is.
_MARK = "qzq{}qzq"
PK_MARK = 987_654_321_000  # a case id no case has: its link's stand-in
_FOUND = re.compile(r"qzq(\d+)qzq|" + str(PK_MARK))


def mark(n: int) -> str:
    return _MARK.format(n)


class StencilMiss(Exception):
    """The template read something its stand-ins do not carry: render each email in full."""


class Stand:
    """A stand-in for an object in a stencil's context: only the attributes it was given."""

    def __init__(self, **attributes):
        vars(self).update(attributes)

    def __getattr__(self, name: str):
        raise StencilMiss(name)


@dataclass(frozen=True)
class Shape:
    context: dict  # the stand-ins
    fills: dict[str, object]  # mark(n) (and "pk") -> the real value printed there
    key: tuple = ()  # the real values the stand-ins carry, the same for the whole group


@dataclass
class Email:
    """One notification: `notify`'s arguments."""

    users: Iterable
    template: str
    context: dict
    key: str | None = None
    # The email's shape, from its context with the recipient in it (None: render in full).
    shape: Callable[[dict], Shape] | None = field(default=None, compare=False)


def email_users_many(emails: Iterable[Email]) -> int:
    """`email_users` for many notifications at once. Returns the emails written or kept back
    as duplicates (an email whose dedupe key is taken writes nothing, as one at a time)."""
    wanted = []
    for email in emails:
        seen: set[int] = set()
        for user in email.users:
            if user is None or user.pk in seen:
                continue
            seen.add(user.pk)
            if not user.email:
                logger.warning("No email address for user %s; %s not queued", user.pk, email)
                continue
            wanted.append((email, user))
    choices = for_information_choices(
        {user.pk for email, user in wanted if email.template in FOR_INFORMATION}
    )
    stencils: dict = {}
    rows = []
    for email, user in wanted:
        status = OutboxEmail.Status.PENDING
        if email.template in FOR_INFORMATION:
            choice = choices[user.pk]
            if choice == Choice.NEVER:
                continue
            if choice == Choice.DAILY:
                status = OutboxEmail.Status.HELD
        context = {"recipient": user, **email.context}
        subject, body_text, body_html = _render(email, context, stencils)
        rows.append(
            OutboxEmail(
                recipient=user,
                to_address=user.email,
                kind=email.template,
                subject=subject[:250],
                body_text=body_text,
                body_html=body_html,
                link=email_link(body_text),
                dedupe_key=f"{email.key}:user:{user.pk}" if email.key else None,
                headers=reply_headers(email.context, user) or {},
                status=status,
            )
        )
    OutboxEmail.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)
    return len(rows)


def _render(email: Email, context: dict, stencils: dict) -> tuple[str, str, str]:
    if email.shape is None:
        return email_render(email.template, context)
    shape = email.shape(context)
    group = (email.template, shape.key)
    if group not in stencils:
        stencils[group] = _stencil(email.template, shape, context)
    stencil = stencils[group]
    if stencil is None:
        return email_render(email.template, context)
    return _fill(stencil, shape.fills)


def _stencil(template: str, shape: Shape, context: dict) -> tuple[str, str, str] | None:
    """The template rendered once with the stand-ins, if it says what each email would."""
    try:
        stencil = email_render_raw(template, shape.context)
    except StencilMiss:
        return None
    if _fill(stencil, shape.fills) != email_render(template, context):
        logger.warning("The %s email does not render the same from its stencil.", template)
        return None
    return stencil


def _fill(stencil: tuple[str, str, str], fills: dict) -> tuple[str, str, str]:
    subject, body_text, body_html = stencil

    def plain(found: re.Match) -> str:
        return str(fills[found.group(0) if found.group(1) else "pk"])

    def escaped(found: re.Match) -> str:
        return conditional_escape(fills[found.group(0) if found.group(1) else "pk"])

    return (
        one_line(_FOUND.sub(plain, subject)),
        _FOUND.sub(plain, body_text),
        _FOUND.sub(escaped, body_html),
    )
