"""Reading the council mailbox over IMAP (the standard library's imaplib), by beat.

Each message is recorded (its row committed) before it is moved to the done folder or marked
read, so a crash in between leaves it in the mailbox to be read again, and its Message-ID finds
the row already there. Each message is taken on its own: one that cannot be read is kept for
triage and the poll goes on to the next. A message larger than INBOUND_EMAIL_MAX_MB is not
downloaded whole: its beginning is kept for triage.
"""

from __future__ import annotations

import imaplib
import logging
import re
import ssl
from datetime import datetime

from django.conf import settings

from ..models import InboundEmail
from .receive import KEPT_OF_TOO_LARGE, inbound_finish_unread, inbound_receive, size_limit

logger = logging.getLogger(__name__)
SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
ARRIVED = re.compile(rb'INTERNALDATE "([^"]+)"')


def quoted(name: str) -> str:
    """An IMAP mailbox name as a quoted string (a folder name may hold spaces)."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def connect() -> imaplib.IMAP4:
    host, port = settings.INBOUND_EMAIL_IMAP_HOST, settings.INBOUND_EMAIL_IMAP_PORT
    timeout = settings.INBOUND_EMAIL_IMAP_TIMEOUT
    security = settings.INBOUND_EMAIL_IMAP_SECURITY
    if security == "ssl":
        imap = imaplib.IMAP4_SSL(
            host, port, ssl_context=ssl.create_default_context(), timeout=timeout
        )
    else:
        imap = imaplib.IMAP4(host, port, timeout=timeout)
        if security == "starttls":
            imap.starttls(ssl_context=ssl.create_default_context())
    imap.login(settings.INBOUND_EMAIL_IMAP_USER, settings.INBOUND_EMAIL_IMAP_PASSWORD)
    return imap


def _arrived(meta: bytes) -> datetime | None:
    found = ARRIVED.search(meta)
    if found is None:
        return None
    try:
        return datetime.strptime(found.group(1).decode(), "%d-%b-%Y %H:%M:%S %z")
    except ValueError:
        return None


def _fetch(imap: imaplib.IMAP4, uid: bytes) -> tuple[bytes, int, datetime | None]:
    status, data = imap.uid("FETCH", uid, "(RFC822.SIZE INTERNALDATE)")
    meta = b" ".join(part if isinstance(part, bytes) else part[0] for part in data if part)
    found = SIZE.search(meta)
    size = int(found.group(1)) if found else 0
    what = "BODY.PEEK[]" if size <= size_limit() else f"BODY.PEEK[]<0.{KEPT_OF_TOO_LARGE}>"
    status, data = imap.uid("FETCH", uid, f"({what})")
    raw = b"".join(part[1] for part in data if isinstance(part, tuple))
    return raw, size or len(raw), _arrived(meta)


def _done(imap: imaplib.IMAP4, uid: bytes, move_to: str) -> None:
    """Out of the way of the next poll: moved to the done folder, or marked read."""
    if not move_to:
        imap.uid("STORE", uid, "+FLAGS.SILENT", r"(\Seen)")
    elif "MOVE" in imap.capabilities:
        imap.uid("MOVE", uid, quoted(move_to))
    else:
        status, _ = imap.uid("COPY", uid, quoted(move_to))
        if status == "OK":
            imap.uid("STORE", uid, "+FLAGS.SILENT", r"(\Deleted)")
            imap.expunge()


def mailbox_poll() -> int:
    """Read what is waiting in the mailbox; returns how many messages were taken. Nothing
    when no mailbox is set (INBOUND_EMAIL_IMAP_HOST)."""
    if not settings.INBOUND_EMAIL_IMAP_HOST:
        return 0
    move_to = settings.INBOUND_EMAIL_IMAP_DONE_FOLDER
    imap = connect()
    taken = 0
    try:
        if move_to:
            imap.create(quoted(move_to))  # "already exists" is answered NO, not raised
        status, _ = imap.select(quoted(settings.INBOUND_EMAIL_IMAP_FOLDER))
        if status != "OK":
            raise imaplib.IMAP4.error(f"Cannot open {settings.INBOUND_EMAIL_IMAP_FOLDER}")
        status, data = imap.uid("SEARCH", None, "ALL" if move_to else "UNSEEN")
        uids = (data[0] or b"").split()[: settings.INBOUND_EMAIL_POLL_BATCH]
        for uid in uids:
            try:
                raw, size, arrived = _fetch(imap, uid)
                inbound_receive(
                    raw, source=InboundEmail.Source.MAILBOX, arrived_at=arrived, size=size
                )
            except (imaplib.IMAP4.abort, OSError):
                raise  # the connection is gone: the next poll starts again
            except Exception:  # noqa: BLE001 - left in the mailbox, tried again next poll
                logger.exception("Mailbox message %s could not be recorded", uid)
                continue
            _done(imap, uid, move_to)
            taken += 1
    finally:
        try:
            imap.logout()
        except Exception:  # noqa: BLE001 - every message taken is already recorded
            logger.warning("Logging out of the mailbox failed")
    return taken


def inbox_sweep(*, now=None) -> int:
    """Beat: read the mailbox, then any message recorded but never read."""
    taken = 0
    try:
        taken = mailbox_poll()
    except (imaplib.IMAP4.error, OSError) as exc:
        logger.warning("Reading the council mailbox failed: %s", exc)
    return taken + inbound_finish_unread()
