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


class RequestContext(logging.Filter):
    """Every record carries the request id and the signed-in user's id of the request it was
    logged in (None outside one: a task, a command), for the JSON logs."""

    def filter(self, record: logging.LogRecord) -> bool:
        from .request_log import current_request_id, current_user_id

        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        if not hasattr(record, "user_id"):
            record.user_id = current_user_id.get()
        return True
