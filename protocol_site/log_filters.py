"""Logging filters the settings name."""

from __future__ import annotations

import logging


class NoTracebackBelow500(logging.Filter):
    """A refused or missing page (403, 404) is logged as one line, without the traceback of the
    PermissionDenied or Http404 that produced it; a server error keeps its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        status = getattr(record, "status_code", None)
        if status is not None and status < 500:
            record.exc_info = None
            record.exc_text = None
        return True
