"""/healthz: is the service well? Checks run with django-health-check.

- the database reads the tables every page needs within two seconds (protocol_site.database);
- the cache stores and gives back a value;
- the Celery broker takes a connection (emails and sweeps wait in it);
- the sweeps ran lately: each records a heartbeat when it finishes, and one that has not run
  for HEALTHZ_SWEEP_STALE_MINUTES means beat (or the worker) has stopped.

`/healthz` is the load balancer's: it answers 503 only when this web server cannot serve pages
(its database does not answer). A cache or broker that is down, or a stale sweep, is named in
its answer but leaves it 200: pages still work then (the cache is only ever a shortcut, and
emails wait in the outbox), and taking every web server out would stop them.
`/healthz/all` answers 503 when any check fails: for monitoring, and (through
`manage.py health_check healthz_all --no-http`) for the worker's and beat's containers.
`?format=json` gives each check's answer as JSON.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime
from concurrent.futures import ThreadPoolExecutor

from asgiref.sync import async_to_sync, sync_to_async
from celery import current_app
from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.decorators import method_decorator
from django.views import View
from health_check.base import HealthCheck
from health_check.checks import Cache
from health_check.exceptions import HealthCheckException, ServiceUnavailable
from health_check.views import HealthCheckView

from .database import database_answers

DATABASE_TIMEOUT_SECONDS = 2


@dataclasses.dataclass
class DatabaseAnswers(HealthCheck):
    """The tables every signed-in page reads answer within two seconds (not just SELECT 1: a
    table held by a long lock is as bad as a database that is down)."""

    timeout = datetime.timedelta(seconds=DATABASE_TIMEOUT_SECONDS + 1)

    async def run(self) -> None:
        # On the request's own thread and connection (thread-sensitive).
        answers = await sync_to_async(database_answers)(timeout_seconds=DATABASE_TIMEOUT_SECONDS)
        if not answers:
            raise ServiceUnavailable("the database is not answering")


@dataclasses.dataclass
class CacheAnswers(Cache):
    """The cache stores a value and gives it back."""

    async def run(self) -> None:
        try:
            await super().run()
        except HealthCheckException as error:
            raise ServiceUnavailable("the cache is not answering") from error


@dataclasses.dataclass
class Broker(HealthCheck):
    """The Celery broker takes a connection (no worker needed: that is the worker's check)."""

    timeout = datetime.timedelta(seconds=3)

    def run(self) -> None:
        try:
            with current_app.connection_for_write() as connection:
                connection.ensure_connection(max_retries=1, timeout=2)
        except Exception as error:  # refused, unknown host, timed out: the broker is not there
            raise ServiceUnavailable("the broker is not answering") from error


@dataclasses.dataclass
class SweepHeartbeat(HealthCheck):
    """Every sweep finished within HEALTHZ_SWEEP_STALE_MINUTES."""

    words: str = dataclasses.field(default="", init=False, repr=False)

    async def run(self) -> None:
        healthy, self.words = await sync_to_async(sweep_status)()
        if not healthy:
            raise ServiceUnavailable(self.words)


def sweep_status() -> tuple[bool, str]:
    """(healthy, "the sweep last ran 3 minutes ago"), from the stalest sweep's heartbeat."""
    from .cases.sweep import registered_sweeps
    from .models import SweepHeartbeat as Heartbeat

    labels = [sweep.label for sweep in registered_sweeps()]
    beats = dict(Heartbeat.objects.filter(label__in=labels).values_list("label", "ran_at"))
    if not labels:
        return True, "no sweeps are registered"
    missing = [label for label in labels if label not in beats]
    if missing:
        return False, f"the sweep has not run yet for {', '.join(sorted(missing))}"
    stalest = min(beats.values())
    minutes = max(0, int((timezone.now() - stalest).total_seconds() // 60))
    words = f"the sweep last ran {minutes} minute{'' if minutes == 1 else 's'} ago"
    return minutes <= settings.HEALTHZ_SWEEP_STALE_MINUTES, words


# What stops this web server serving pages: only these make /healthz 503.
SERVES_PAGES = (DatabaseAnswers,)
NAMES = {
    DatabaseAnswers: "database",
    CacheAnswers: "cache",
    Broker: "broker",
    SweepHeartbeat: "sweeps",
}


class Healthz(HealthCheckView):
    checks = (DatabaseAnswers, CacheAnswers, Broker, SweepHeartbeat)
    every_check_counts = False
    view_is_async = False  # `get` answers synchronously and runs the checks itself

    @method_decorator(transaction.non_atomic_requests)
    def dispatch(self, request, *args, **kwargs):
        response = View.dispatch(self, request, *args, **kwargs)
        patch_vary_headers(response, ["Accept"])
        add_never_cache_headers(response)
        return response

    def get(self, request, *args, **kwargs):
        """Answered as any async view is under WSGI (async_to_sync), except where this thread
        already runs an event loop (a browser test's, in the same process): then in a thread of
        its own, where async_to_sync may run."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return async_to_sync(self.answer)(request)
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(async_to_sync(self.answer), request).result()

    async def answer(self, request):
        self.results = await asyncio.gather(*(check.get_result() for check in self.get_checks()))
        failing = [
            result
            for result in self.results
            if result.error and (self.every_check_counts or isinstance(result.check, SERVES_PAGES))
        ]
        status = 503 if failing else 200
        lines = {
            NAMES[type(result.check)]: (
                result.error.message if result.error else getattr(result.check, "words", "") or "ok"
            )
            for result in self.results
        }
        if request.GET.get("format") == "json":
            response = JsonResponse({"healthy": not failing, "checks": lines}, status=status)
        else:
            body = "ok" if not failing else "unhealthy"
            body += "".join(f"\n{name}: {words}" for name, words in lines.items())
            response = HttpResponse(body + "\n", content_type="text/plain", status=status)
        if failing:
            response["Retry-After"] = "30"
        return response


healthz = login_not_required(Healthz.as_view())
healthz_all = login_not_required(Healthz.as_view(every_check_counts=True))
