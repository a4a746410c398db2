"""What the registers say, kept in the cache between page views until they change: who the
signed-in person is in the council (their roles, posts and group), and the options of the
filter panels (services, directorates, wards, councillors). Every page needs the first and
every list the second; reading them again for each view was a fifth of its time.

Everything kept here is read again once any record of the registers is saved or deleted
(`forget_when_changed`, connected by the apps that keep those records), both as it is written
and when its transaction commits (so a view that read the old records meanwhile keeps them
for no longer), and at most a minute later in any case: for a change no signal reports, or
one another process saw, when the cache is each process's own (the local run). A day is part
of what is kept where the answer depends on it (who acts up, who is away).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .request_memo import memoised

T = TypeVar("T")

GENERATION_KEY = "registers:generation"
SECONDS = 60


def generation() -> int:
    """Which state of the registers what is kept now belongs to: part of the key of anything
    kept that is worked out from them (a fragment of a page, say)."""
    return memoised(GENERATION_KEY, lambda: cache.get(GENERATION_KEY, 0))


def kept(key: str, build: Callable[[], T]) -> T:
    """What `build()` gives, from the cache while the registers stay as they were."""
    stored = f"registers:{generation()}:{key}"
    found = cache.get(stored)
    if found is None:
        found = build()
        cache.set(stored, found, SECONDS)
    return found


def forget() -> None:
    """Everything kept is read again: the generation moves on (from a random start, so a
    cache emptied and begun again never meets what an earlier one kept)."""
    try:
        moved = cache.incr(GENERATION_KEY)
    except ValueError:  # not there yet
        moved = None
    if moved is None:
        cache.set(GENERATION_KEY, secrets.randbits(62), None)


def _changed(sender=None, update_fields=None, **_signal) -> None:
    # A person's sign-in saves only when they last signed in: nothing kept depends on it.
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    forget()
    transaction.on_commit(forget)


def forget_when_changed(*models) -> None:
    """Read everything again whenever a record of `models`, or one of their many-to-many
    links (a person's groups), is saved or deleted."""
    for model in models:
        uid = f"register_cache:{model._meta.label}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid, weak=False)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid, weak=False)
        for link in model._meta.many_to_many:
            through = link.remote_field.through
            m2m_changed.connect(_changed, sender=through, dispatch_uid=f"{uid}:{link.name}")
