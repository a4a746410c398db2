"""Errors to Sentry when SENTRY_DSN is set (settings/running.py calls `sentry_start`); nothing
is sent when it is not. No personal data (sentry-sdk's default, and `_scrub` besides): no
cookies, request bodies or query strings, no local variables of the code that failed, no
user's name or address; the user's id and the request id are attached, as in the logs."""

from __future__ import annotations

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration


def _scrub(event, hint):
    request = event.get("request") or {}
    for key in ("cookies", "data", "query_string"):
        request.pop(key, None)
    user = event.get("user")
    if user:
        event["user"] = {"id": user.get("id")}
    from .request_log import current_request_id

    request_id = current_request_id.get()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def sentry_start(*, dsn: str, environment: str, traces_sample_rate: float) -> None:
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        traces_sample_rate=traces_sample_rate,
        integrations=[DjangoIntegration(), CeleryIntegration(), LoggingIntegration()],
        before_send=_scrub,
        # A frame's local variables are neither sent nor read: they hold casework text, and
        # reading a lazy one (the signed-in person, a list not yet read) asks the database
        # again while it is busy, once for every frame of the error.
        include_local_variables=False,
    )
