"""A mail backend for drill workers: slow, and countable across processes.

Each message's Message-ID is appended to `$DRILL_MAIL_DIR/started` when the hand-off begins
and to `$DRILL_MAIL_DIR/delivered` when the "mail server" has accepted it, after
`$DRILL_MAIL_DELAY` seconds of transfer. To stop a worker at a chosen point, the backend can
hang for a minute (long enough to be killed) on this process's Nth message:
`DRILL_MAIL_HANG_DURING=N` before it is accepted, `DRILL_MAIL_HANG_AFTER=N` after.
"""

import os
import time
from pathlib import Path

from django.core.mail.backends.base import BaseEmailBackend

HANG_SECONDS = 60


def _append(path: Path, line: str) -> None:
    """One write of one line with O_APPEND: lines from several processes never interleave."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, f"{line}\n".encode())
        os.fsync(fd)
    finally:
        os.close(fd)


def read_lines(directory: Path, name: str) -> list[str]:
    path = Path(directory) / name
    return path.read_text().split() if path.exists() else []


class EmailBackend(BaseEmailBackend):
    sent_here = 0  # messages this process has begun to hand off

    def send_messages(self, email_messages) -> int:
        directory = Path(os.environ["DRILL_MAIL_DIR"])
        delay = float(os.environ.get("DRILL_MAIL_DELAY", "0"))
        hang_during = int(os.environ.get("DRILL_MAIL_HANG_DURING", "0"))
        hang_after = int(os.environ.get("DRILL_MAIL_HANG_AFTER", "0"))
        for message in email_messages:
            EmailBackend.sent_here += 1
            number = EmailBackend.sent_here
            message_id = message.extra_headers["Message-ID"]
            _append(directory / "started", message_id)
            time.sleep(delay)
            if number == hang_during:
                time.sleep(HANG_SECONDS)
            _append(directory / "delivered", message_id)
            if number == hang_after:
                time.sleep(HANG_SECONDS)
        return len(email_messages)
