"""The options of the filter panels' lists (services, directorates, wards, councillors), kept
in the cache between page views: every list page offers them, and reading and drawing a
hundred councillors again for each view is most of what its panel costs.

A list's options are read again once any record of the registers they come from is saved or
deleted (`forget_choices`, connected by the apps that keep those records), and at most a
minute later in any case, for a change that sends no signal (a bulk update) or that another
process saw. Only the options offered are cached: a value chosen is still checked against the
database by its form, so an option shown a minute too long can never reach a record.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.core.cache import cache

from .request_memo import memoised

GENERATION_KEY = "choices:generation"
SECONDS = 60


def _generation() -> int:
    return memoised(GENERATION_KEY, lambda: cache.get(GENERATION_KEY, 0))


def cached_choices(key: str, build: Callable[[], list[tuple[str, str]]]):
    """The (value, label) pairs of the list known as `key`, from the cache or `build()`."""
    stored = f"choices:{_generation()}:{key}"
    rows = cache.get(stored)
    if rows is None:
        rows = build()
        cache.set(stored, rows, SECONDS)
    return rows


def forget_choices(**_signal) -> None:
    """Every list's options are read again (a signal receiver: a register changed)."""
    cache.set(GENERATION_KEY, time.time_ns(), None)


def forget_choices_for(*models) -> None:
    """Read the options again whenever a record of `models` is saved or deleted; a person's
    sign-in (which saves only when they last signed in) changes no option."""
    from django.db.models.signals import post_delete, post_save

    def changed(sender, update_fields=None, **_signal):
        if update_fields is not None and set(update_fields) <= {"last_login"}:
            return
        forget_choices()

    for model in models:
        uid = f"forget_choices:{model._meta.label}"
        post_save.connect(changed, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(changed, sender=model, dispatch_uid=uid, weak=False)
