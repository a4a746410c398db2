"""When the database is busy: time limits for web requests, the "service is busy" page, and the
health check's look at the database.

A web request's queries run under PostgreSQL's statement_timeout and lock_timeout
(DATABASE_STATEMENT_TIMEOUT_SECONDS, DATABASE_LOCK_TIMEOUT_SECONDS), set on every connection the
web server opens (protocol_site.wsgi calls `database_timeouts_apply`). A query that trips one is
cancelled by the database; the person sees a 503 page asking them to try again in a few
minutes, and the worker is free for the next request. Celery tasks, sweeps and management
commands never call it, so they run without limits (Celery's own time limits still apply).
"""

from __future__ import annotations

import logging
import re
import sys

from django.conf import settings
from django.db import OperationalError, connections, transaction
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

# PostgreSQL's codes for a statement cancelled by statement_timeout (query_canceled) and for a
# lock not granted within lock_timeout (lock_not_available).
BUSY_SQLSTATES = frozenset({"57014", "55P03"})
RETRY_AFTER_SECONDS = 120
_TIMEOUT_OPTION = re.compile(r"\s*-c\s*(statement_timeout|lock_timeout)=\S+")


def database_timeouts_apply(
    *, statement_seconds: float | None = None, lock_seconds: float | None = None
) -> None:
    """Every PostgreSQL connection this process opens from now on runs with these limits
    (default: the settings; 0: none). An open connection is closed, so the next query opens
    one with them."""
    if statement_seconds is None:
        statement_seconds = settings.DATABASE_STATEMENT_TIMEOUT_SECONDS
    if lock_seconds is None:
        lock_seconds = settings.DATABASE_LOCK_TIMEOUT_SECONDS
    for connection in connections.all(initialized_only=False):
        if connection.vendor != "postgresql":
            continue
        options = connection.settings_dict.setdefault("OPTIONS", {})
        kept = _TIMEOUT_OPTION.sub("", options.get("options", "")).strip()
        limits = (
            f"-c statement_timeout={int(statement_seconds * 1000)} "
            f"-c lock_timeout={int(lock_seconds * 1000)}"
        )
        options["options"] = f"{kept} {limits}".strip()
        connection.close()


def is_database_busy(error: BaseException | None) -> bool:
    """True for a query the database stopped under one of the time limits."""
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    code = getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)
    return code in BUSY_SQLSTATES


def busy_response() -> HttpResponse:
    """The GOV.UK "service is busy" page (503, Retry-After). Rendered without the request, so
    no context processor asks the busy database for anything."""
    body = render_to_string("503.html", {"council_name": settings.COUNCIL_NAME, "retry_minutes": 2})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseBusyMiddleware:
    """A view whose query the database stopped (lock or statement timeout) answers the busy
    page instead of a 500; its transaction has already rolled back."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_busy(exception):
            return None
        logger.warning("Database busy on %s %s: %s", request.method, request.path, exception)
        return busy_response()


def server_error(request, template_name="500.html"):
    """handler500: the busy page when what went wrong was the database's time limit (in a
    middleware, where DatabaseBusyMiddleware cannot see it), else the usual 500 page."""
    if is_database_busy(sys.exc_info()[1]):
        return busy_response()
    return defaults.server_error(request, template_name)


def database_answers(*, timeout_seconds: float = 2.0) -> bool:
    """For the health check: can the database read the tables every signed-in page needs,
    within `timeout_seconds`? A table locked by a long migration or a stuck transaction says
    no, as does a database that is down."""
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.models import Session

    connection = connections["default"]
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                limit = int(timeout_seconds * 1000)
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL statement_timeout = {limit}")
                    cursor.execute(f"SET LOCAL lock_timeout = {limit}")
            get_user_model().objects.only("pk").first()
            Session.objects.only("pk").first()
    except Exception as error:  # down, refused, timed out: the answer is "no" either way
        logger.warning("Health check: the database did not answer: %s", error)
        return False
    return True
