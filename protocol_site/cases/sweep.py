"""The sweeps: Celery beat (and `manage.py sweep`) find the cases whose next step is due and
take it, each case under its own row lock and in its own transaction.

An app offers its sweep on its AppConfig: `sweep = "dotted.path.to.function"` (a function of
`now=` that returns the steps taken) and `sweep_every` (seconds between beat runs). That one
registry drives both beat and `manage.py sweep`. Found, not imported: the kernel does not depend
on the apps built on it.

One case that fails does not stop the others: its error is logged with its id, its
`next_action_at` is pushed back by RETRY_AFTER, and the sweep goes on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from protocol_site.calendar import council_calendar

logger = logging.getLogger(__name__)

# A case whose step raised is tried again this much later (not at once, not never).
RETRY_AFTER = timedelta(minutes=30)
# A step taken more than this after its moment (the sweep was not running) is "late".
LATE_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class Sweep:
    label: str  # the app's label
    name: str  # the app's verbose name
    path: str  # the sweep function
    every: float  # seconds between beat runs

    def run(self, *, now: datetime | None = None) -> int:
        """Run the sweep, then record its heartbeat (the time it finished) for /healthz."""
        from protocol_site.models import SweepHeartbeat

        steps = import_string(self.path)(now=now or timezone.now())
        SweepHeartbeat.objects.update_or_create(
            label=self.label, defaults={"ran_at": timezone.now(), "steps": steps}
        )
        return steps


def registered_sweeps() -> list[Sweep]:
    return [
        Sweep(
            label=config.label,
            name=str(config.verbose_name),
            path=config.sweep,
            every=float(getattr(config, "sweep_every", 120)),
        )
        for config in apps.get_app_configs()
        if getattr(config, "sweep", None)
    ]


def beat_entries() -> dict[str, dict]:
    """Celery beat's entries for the registered sweeps, one kernel task each."""
    return {
        f"sweep-{sweep.label}": {
            "task": "protocol_site.tasks.run_sweep",
            "schedule": sweep.every,
            "args": (sweep.label,),
        }
        for sweep in registered_sweeps()
    }


def sweep_named(label: str) -> Sweep:
    for sweep in registered_sweeps():
        if sweep.label == label:
            return sweep
    raise LookupError(f"No app called {label!r} has a sweep.")


def run_sweep(
    model: type[models.Model],
    *,
    due: models.Q,
    advance: Callable[..., int],
    advance_many: Callable[..., tuple[int, list]] | None = None,
    now: datetime | None = None,
    limit: int = 1000,
    batch: int = 500,
) -> int:
    """Call `advance(pk=, now=, calendar=)` for each case of `model` matching `due` whose
    `next_action_at` has come, soonest first. Returns the steps taken.

    With `advance_many(pks=, now=, calendar=)`, the cases are taken `batch` at a time, each
    batch in one transaction (a few queries for the whole batch, not a dozen a case); it
    returns (steps taken, the pks it left to `advance`, one at a time). A batch that fails is
    rolled back and its cases taken one at a time, so one bad case still stops only itself."""
    now = now or timezone.now()
    pks = list(
        model._default_manager.filter(due, next_action_at__lte=now)
        .order_by("next_action_at")
        .values_list("pk", flat=True)[:limit]
    )
    if not pks:
        return 0
    calendar = council_calendar()
    steps = 0
    singly = pks
    if advance_many is not None:
        singly = []
        for start in range(0, len(pks), batch):
            chunk = pks[start : start + batch]
            try:
                with transaction.atomic():
                    taken, left = advance_many(pks=chunk, now=now, calendar=calendar)
            except Exception:
                logger.exception(
                    "%s: a batch of %s failed; each taken on its own",
                    model._meta.verbose_name_plural,
                    len(chunk),
                )
                taken, left = 0, chunk
            steps += taken
            singly += left
    for pk in singly:
        steps += _advance_one(model, advance, pk=pk, now=now, calendar=calendar)
    return steps


def _advance_one(model, advance, *, pk, now, calendar) -> int:
    try:
        return advance(pk=pk, now=now, calendar=calendar)
    except Exception:
        retry = now + RETRY_AFTER
        logger.exception(
            "%s %s: its sweep step failed; tried again after %s",
            model._meta.verbose_name,
            pk,
            retry.isoformat(),
        )
        model._default_manager.filter(pk=pk).update(next_action_at=retry)
        return 0


def is_late(due_at: datetime | None, taken_at: datetime) -> bool:
    return due_at is not None and taken_at - due_at > LATE_AFTER


def moment_text(moment: datetime) -> str:
    """A sweep's moment in words: "the end of Monday 16 November 2026" for the midnight that
    ends a day, otherwise "08:00 on Thursday 12 November 2026"."""
    from .kit import long_date

    local = timezone.localtime(moment)
    if (local.hour, local.minute, local.second) == (0, 0, 0):
        return f"the end of {long_date(local.date() - timedelta(days=1))}"
    return f"{local:%H:%M} on {long_date(local.date())}"


class TimedStep:
    """For a timeline row a sweep may take (`at`, and `due_at`, the moment it was due): whether
    it was taken late, when it was due in words, and what the timeline calls it.
    `LATE_HEADINGS` maps a kind to its heading when late."""

    LATE_HEADINGS: dict = {}

    @property
    def is_late(self) -> bool:
        """Taken well after its moment: the sweep was not running then."""
        return is_late(self.due_at, self.at)

    @property
    def due_text(self) -> str:
        return moment_text(self.due_at) if self.due_at else ""

    @property
    def heading(self) -> str:
        if self.is_late:
            return self.LATE_HEADINGS.get(self.kind, f"{self.get_kind_display()}, taken late")
        return self.get_kind_display()
