"""Structured logs (one JSON object a line, with the request id, user id and duration) and
Sentry by DSN, sent to a real HTTP server on the loopback."""

import gzip
import json
import logging
import logging.config
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import sentry_sdk
from django.urls import reverse

from protocol_site.sentry import sentry_start
from protocol_site.settings.running import logging_config

pytestmark = pytest.mark.django_db


def test_each_request_is_logged_once_with_its_id_user_and_duration(client_for, councillor, caplog):
    client = client_for(councillor)
    with caplog.at_level(logging.INFO, logger="protocol_site.requests"):
        response = client.get(reverse("home"), HTTP_X_REQUEST_ID="proxy-id-123")
    assert response["X-Request-ID"] == "proxy-id-123"
    (record,) = [r for r in caplog.records if r.name == "protocol_site.requests"]
    assert (record.method, record.path, record.status) == ("GET", "/", 200)
    assert record.user_id == councillor.pk
    assert record.duration_ms >= 0
    response = client.get(reverse("home"), HTTP_X_REQUEST_ID="<script>")
    assert len(response["X-Request-ID"]) == 32  # not a safe id: a new one instead


def test_the_json_format_writes_one_object_a_line_with_the_request_context(capsys):
    config = logging_config("JSON", "INFO")
    config["disable_existing_loggers"] = False
    formatter = logging.config.dictConfigClass(config)
    formatter.configure()
    try:
        logging.getLogger("protocol_site.test").info(
            "GET / 200", extra={"duration_ms": 4.2, "status": 200}
        )
        line = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        from django.conf import settings

        logging.config.dictConfig(settings.LOGGING)
    record = json.loads(line)
    assert record["message"] == "GET / 200"
    assert record["level"] == "INFO"
    assert record["duration_ms"] == 4.2
    assert "request_id" in record and "user_id" in record


def _plain(body: bytes, encoding: str | None) -> bytes:
    """An envelope as Sentry's client sent it: gzip, or brotli where the brotli package is
    installed (the bench's load tester brings it), or as it is."""
    if encoding == "br":
        import brotli

        return brotli.decompress(body)
    return gzip.decompress(body) if encoding == "gzip" or body[:2] == b"\x1f\x8b" else body


class _Sentry(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(_plain(body, self.headers.get("Content-Encoding")))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    server = HTTPServer(("127.0.0.1", 0), _Sentry)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Sentry.received = []
    yield f"http://publickey@127.0.0.1:{server.server_port}/1"
    server.shutdown()
    # Sentry off again, as in a process that never started it: a client without a DSN still
    # records each event (its request read again for every error), so set none at all.
    sentry_sdk.get_client().close()
    for scope in (
        sentry_sdk.get_global_scope(),
        sentry_sdk.get_isolation_scope(),
        sentry_sdk.get_current_scope(),
    ):
        scope.set_client(None)


def test_errors_go_to_sentry_when_a_dsn_is_set_without_personal_data(sentry_server):
    sentry_start(dsn=sentry_server, environment="test", traces_sample_rate=0)
    casework_text = f"damp flat at {4 * 11} Mill Lane"  # a local variable where it failed
    try:
        raise ValueError("a failure worth reporting")
    except ValueError as error:
        sentry_sdk.capture_exception(error)
    sentry_sdk.flush(timeout=5)
    body = b"".join(_Sentry.received).decode("utf-8", "replace")
    assert "a failure worth reporting" in body
    assert casework_text not in body  # frames go without their local variables
    assert '"environment":"test"' in body.replace(" ", "")
