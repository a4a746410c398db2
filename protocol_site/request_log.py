"""One log line per request (method, path, status, duration, request id, user id), and the
request id on every record logged while it runs (protocol_site.log_filters.RequestContext).

The request id is the X-Request-ID a trusted proxy sent (letters, digits and dashes, up to 64),
or a new one; the response carries it back, so a person's report of a failed page can be found
in the logs.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.utils.functional import empty

logger = logging.getLogger("protocol_site.requests")

current_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
current_user_id: ContextVar[int | None] = ContextVar("user_id", default=None)
_GIVEN_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


def _user_id(request) -> int | None:
    """The signed-in user's id if the request has already looked them up (never a query)."""
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if getattr(user, "is_authenticated", False) else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _GIVEN_ID.fullmatch(given) else uuid.uuid4().hex
        request.request_id = request_id
        id_token = current_request_id.set(request_id)
        user_token = current_user_id.set(None)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            user_id = _user_id(request)
            current_user_id.set(user_id)
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            logger.info(
                "%s %s %s %sms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "user_id": user_id,
                },
            )
            response["X-Request-ID"] = request_id
            return response
        finally:
            current_request_id.reset(id_token)
            current_user_id.reset(user_token)
