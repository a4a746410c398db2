"""The headers every answer carries, forwarded headers only from the proxy, the request size cap,
and the "service is busy" page (README "Security")."""

import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError
from django.test import Client, RequestFactory
from django.urls import reverse

from protocol_site.database import DatabaseBusyMiddleware, is_database_busy, server_error
from protocol_site.hardening import TrustedProxyMiddleware
from protocol_site.security import client_ip_address

pytestmark = pytest.mark.django_db

TEMPLATES = Path(django_settings.BASE_DIR) / "templates"


# --- Content-Security-Policy, Permissions-Policy, Cache-Control -------------------------------


def _csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


def test_a_page_carries_a_content_security_policy_with_no_inline_script(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    policy = _csp(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "unsafe-eval" not in response["Content-Security-Policy"]


def test_signed_in_pages_carry_every_header(client_for, councillor):
    response = client_for(councillor).get(reverse("home"))
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("name", ["enquiries:list", "complaints:list", "declarations:list"])
def test_case_pages_are_never_cached(client_for, councillor, name):
    response = client_for(councillor).get(reverse(name))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_api_answers_are_never_cached(api, officer):
    response = api(officer).get(reverse("api:enquiry-list"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "Permissions-Policy" in response


def test_the_sign_in_page_and_a_404_are_not_cached_either(client):
    assert "no-store" in client.get(reverse("login"))["Cache-Control"]  # never_cache's own
    assert client.get("/no-such-page/")["Cache-Control"] == "no-store"


INLINE = {
    "an inline <script>": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "a <style> element": re.compile(r"<style\b", re.IGNORECASE),
    "a style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "an on… handler": re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE),
    "a javascript: link": re.compile(r"javascript:", re.IGNORECASE),
}


def test_no_template_has_inline_script_style_or_handlers():
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        for what, pattern in INLINE.items():
            if pattern.search(text):
                found.append(f"{path.relative_to(TEMPLATES)}: {what}")
    assert found == [], "the Content-Security-Policy would block these:\n" + "\n".join(found)


# --- Forwarded headers only from the configured proxy -----------------------------------------


def _https_claim(remote_addr: str) -> int:
    """The status of a page asked for over plain HTTP, claiming HTTPS by X-Forwarded-Proto,
    with the production settings' redirect to HTTPS."""
    client = Client(REMOTE_ADDR=remote_addr)  # a new client: the middleware reads the settings
    return client.get(reverse("login"), headers={"X-Forwarded-Proto": "https"}).status_code


@pytest.fixture
def https_only(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    return settings


def test_x_forwarded_proto_is_ignored_without_a_configured_proxy(https_only):
    https_only.TRUSTED_PROXY_COUNT = 0
    assert _https_claim("127.0.0.1") == 301


def test_x_forwarded_proto_is_believed_from_the_configured_proxy(https_only):
    https_only.TRUSTED_PROXY_COUNT = 1
    https_only.TRUSTED_PROXY_ADDRESSES = ["10.0.0.0/8"]
    assert _https_claim("10.1.2.3") == 200
    assert _https_claim("203.0.113.9") == 301  # anyone else claiming HTTPS is redirected


def test_health_check_answers_on_plain_http(https_only):
    https_only.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    assert Client().get(reverse("healthz")).status_code == 200


def test_x_forwarded_for_is_read_only_from_the_configured_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["192.168.0.0/16"]
    seen = []
    middleware = TrustedProxyMiddleware(lambda request: seen.append(client_ip_address(request)))
    factory = RequestFactory()
    middleware(factory.get("/", REMOTE_ADDR="192.168.1.1", HTTP_X_FORWARDED_FOR="198.51.100.7"))
    middleware(factory.get("/", REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="198.51.100.7"))
    assert seen == ["198.51.100.7", "203.0.113.9"]


# --- Request size ------------------------------------------------------------------------------


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def test_a_request_over_the_size_cap_is_refused_before_its_body_is_read(client, settings):
    settings.REQUEST_MAX_BODY_MB = 12
    response = client.post(
        reverse("login"),
        content_type="application/octet-stream",
        CONTENT_LENGTH=str(12 * 1024 * 1024 + 1),
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413
    assert b"What you sent is too big" in response.content
    assert b"12MB" in response.content
    assert "Content-Security-Policy" in response


def test_a_request_under_the_cap_goes_through(client, settings):
    settings.REQUEST_MAX_BODY_MB = 1
    response = client.post(reverse("login"), {"username": "someone", "password": "x" * 1000})
    assert response.status_code == 200  # the sign-in form again, with its error


def test_the_cap_leaves_room_for_the_largest_attachment():
    assert django_settings.REQUEST_MAX_BODY_MB > django_settings.ENQUIRY_ATTACHMENT_MAX_MB
    assert django_settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 2_621_440
    assert django_settings.FILE_UPLOAD_MAX_MEMORY_SIZE == 2_621_440


# --- The database is busy ----------------------------------------------------------------------


class _PgError(Exception):
    def __init__(self, pgcode):
        super().__init__("canceling statement due to statement timeout")
        self.pgcode = pgcode


def _operational_error(pgcode):
    error = OperationalError("canceling statement due to statement timeout")
    error.__cause__ = _PgError(pgcode)
    return error


@pytest.mark.parametrize("pgcode", ["57014", "55P03"])
def test_a_query_stopped_by_a_time_limit_is_the_busy_page(pgcode):
    request = RequestFactory().get("/enquiries/")
    response = DatabaseBusyMiddleware(lambda r: None).process_exception(
        request, _operational_error(pgcode)
    )
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert b"Sorry, the service is busy" in response.content
    assert b"Try again in a few minutes" in response.content


def test_other_database_errors_are_not_the_busy_page():
    assert not is_database_busy(_operational_error("08006"))  # connection failure
    assert not is_database_busy(OperationalError("no such table"))
    assert not is_database_busy(ValueError("nothing to do with the database"))
    request = RequestFactory().get("/")
    assert DatabaseBusyMiddleware(lambda r: None).process_exception(request, ValueError()) is None


def test_a_time_limit_tripped_outside_a_view_is_the_busy_page_too():
    request = RequestFactory().get("/")
    try:
        raise _operational_error("55P03")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    try:
        raise ValueError("something else")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500


def test_the_health_check_fails_when_the_database_does_not_answer(client, monkeypatch):
    assert client.get(reverse("healthz")).content.startswith(b"ok\n")
    monkeypatch.setattr("protocol_site.health.database_answers", lambda **kwargs: False)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
