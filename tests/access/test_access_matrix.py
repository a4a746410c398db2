"""Every URL, for an anonymous visitor and every role, answers what tests/access/matrix.py says.

The URLconf is walked (the site's pages, every app's, and the API under /api/v1/ with its
schema); the Django admin is left to Django. A URL without a row, or a row without a URL, fails
with a message saying what to do. Each role is one test that reports every mismatch at once.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

import pytest
from django.contrib.auth.views import redirect_to_login
from django.test import Client
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from .matrix import MATRIX, ROLES

NOT_WALKED = ("django-admin/",)


def url_names(resolver=None, namespace: str = "") -> list[str]:
    """The name of every URL pattern, namespaced as `reverse` takes it."""
    resolver = resolver or get_resolver()
    names = []
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if str(entry.pattern) in NOT_WALKED:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names += url_names(entry, inner)
        elif isinstance(entry, URLPattern):
            assert entry.name, f"A URL pattern without a name: {entry.pattern}"
            names.append(namespace + entry.name)
    return names


def test_every_url_has_a_row():
    missing = sorted(set(url_names()) - set(MATRIX))
    assert not missing, (
        "These URLs have no row in tests/access/matrix.py. Add one for each: the record it "
        "needs from tests/access/world.py and what every role should get:\n  "
        + "\n  ".join(missing)
    )


def test_every_row_is_a_url():
    gone = sorted(set(MATRIX) - set(url_names()))
    assert not gone, (
        "These rows of tests/access/matrix.py name URLs that no longer exist. Remove them:\n  "
        + "\n  ".join(gone)
    )


def test_the_walk_finds_the_site_the_apps_and_the_api():
    names = set(url_names())
    assert {"home", "login", "enquiries:detail", "manage:index", "api:schema"} <= names
    assert {"api:enquiry-detail", "api:complaint-detail", "panels:detail"} <= names


@contextmanager
def quiet_refusals():
    """403s and 404s are what most of these requests get: no warning for each."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def answer(response, url: str) -> str:
    """The response as a matrix code."""
    if response.status_code in (301, 302):
        location = response["Location"]
        if location == redirect_to_login(url).url:
            return "in"
        return f">{location}"
    return str(response.status_code)


def client_as(request, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_matrix_says(request, role, world):
    client = client_as(request, role)
    mismatches = []
    with quiet_refusals():
        for name, row in MATRIX.items():
            expected = row.expected[role]
            try:
                url = reverse(name, kwargs=world[row.record])
            except (KeyError, NoReverseMatch) as error:
                mismatches.append(f"{name}: record {row.record!r} does not fit it ({error!r})")
                continue
            got = answer(client.get(url), url)
            if got != expected:
                mismatches.append(f"{name:34} {url:42} expected {expected:4} got {got}")
    assert not mismatches, (
        f"{len(mismatches)} of {len(MATRIX)} URLs do not answer {role} as "
        "tests/access/matrix.py says:\n  " + "\n  ".join(mismatches)
    )
