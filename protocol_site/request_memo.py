"""A memo that lasts one page view, so a page asks the database for the same thing once.

A GET or HEAD request gets an empty memo; `memoised(key, compute)` returns what `compute()`
gave the first time `key` was asked for in that request. Outside such a request (a form
being posted, a Celery task, a management command, a test calling a service) there is no
memo and `compute()` runs every time, so a change written earlier in the same request is
always read back. Keep to things that are the same for everybody for the length of a page
view: the council's calendar, its statutory officers, the line of posts above a post.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memo: ContextVar[dict | None] = ContextVar("request_memo", default=None)
SAFE_METHODS = frozenset({"GET", "HEAD"})


def memoised(key: Hashable, compute: Callable[[], T]) -> T:
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


class RequestMemoMiddleware:
    """Gives each GET and HEAD request its own memo, dropped when the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


@contextmanager
def memo_scope():
    """A memo for one batch of work outside a page view (a sweep's batch of cases): what the
    batch reads once (the statutory officers, the posts above a post) holds for all of it.
    Inside a page view, that view's memo is used."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def memo_prime(key: Hashable, value) -> None:
    """Put what a batch read for many keys at once into the memo (nothing outside one)."""
    memo = _memo.get()
    if memo is not None:
        memo.setdefault(key, value)
