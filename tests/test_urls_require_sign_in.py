"""Every URL needs sign-in except signing in (and choosing a password), the health check
and static assets."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PUBLIC = {
    "login",
    "healthz",
    "healthz_all",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}
# Signing in through the council's directory: open to anyone, and not there (404) until it is
# set up (tests/protocol_site/test_sso.py signs in through a real provider).
DIRECTORY = {"sso_start", "sso_callback"}
SAMPLE = {"int": "1", "str": "x", "slug": "x", "uuid": "00000000-0000-0000-0000-000000000000"}


def _walk(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _walk(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern), entry.name


def _concrete(route: str) -> str:
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE.get(m.group(1) or "str", "x"), route)
    route = route.lstrip("^").rstrip("$").replace("\\Z", "")
    return "/" + route


ROUTES = [
    (route, name) for route, name in _walk(get_resolver()) if not route.startswith("django-admin/")
]


def test_the_walk_finds_the_sites_urls():
    names = {name for _, name in ROUTES}
    assert {"home", "login", "logout", "healthz"} <= names
    assert len(ROUTES) >= 5


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name"), ROUTES, ids=[r for r, _ in ROUTES])
def test_anonymous_visitors_are_sent_to_sign_in(client, route, name):
    url = _concrete(route)
    response = client.get(url)
    if name == "healthz_all":  # open, and unhealthy here: no sweep has run
        assert response.status_code == 503
    elif name in PUBLIC:
        assert response.status_code == 200
    elif name in DIRECTORY:
        assert response.status_code == 404, url
    elif route.startswith("api/"):
        assert response.status_code in (401, 403), url  # the API answers, it does not redirect
    else:
        assert response.status_code == 302, url
        assert response["Location"].startswith("/sign-in/"), url


@pytest.mark.django_db
def test_static_assets_and_the_django_admin_are_not_open(client):
    response = client.get("/django-admin/")
    assert response.status_code == 302
