"""Real servers on the loopback for the outbox to talk to: a mail server (aiosmtpd) that
refuses some addresses, and a small HTTP server that speaks GOV.UK Notify's API: it checks
each request's JWT the way Notify does, records what it was sent, and answers in Notify's shape.
"""

from __future__ import annotations

import json
import socket
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jwt
from aiosmtpd.controller import Controller


class RefusingMailbox:
    """An SMTP handler: `refused` addresses get 550 (permanent) or, in `busy`, 451 (try later)."""

    def __init__(self):
        self.refused: set[str] = set()
        self.busy: set[str] = set()
        self.received: list[tuple[str, list[str], bytes]] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 No such user here"
        if address in self.busy:
            return "451 4.3.0 Mailbox busy, try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_mail_server() -> tuple[Controller, RefusingMailbox, int]:
    mailbox = RefusingMailbox()
    port = free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, mailbox, port


class FakeNotify:
    """GOV.UK Notify's email API, as far as the product uses it."""

    def __init__(self):
        self.service_id = str(uuid.uuid4())
        self.secret = str(uuid.uuid4())
        self.api_key = f"council_test-{self.service_id}-{self.secret}"
        self.requests: list[dict] = []
        self.refuse: dict[str, tuple[int, str, str]] = {}  # address -> (status, error, message)
        self.statuses: dict[str, str] = {}  # notification id -> its delivery status
        self.sent: dict[str, dict] = {}
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeNotify:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def claims(self, authorization: str) -> dict | None:
        """The token's claims if it is a Bearer JWT signed with the service's secret."""
        scheme, _, token = authorization.partition(" ")
        if scheme != "Bearer" or not token:
            return None
        try:
            claims = jwt.decode(token, self.secret, algorithms=["HS256"])
        except jwt.PyJWTError:
            return None
        return claims if claims.get("iss") == self.service_id and "iat" in claims else None

    def _handler(self):
        notify = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _error(self, status: int, error: str, message: str) -> None:
                errors = [{"error": error, "message": message}]
                self._answer(status, {"errors": errors, "status_code": status})

            def _authorised(self) -> bool:
                authorization = self.headers.get("Authorization", "")
                notify.requests.append(
                    {"method": self.command, "path": self.path, "authorization": authorization}
                )
                if notify.claims(authorization) is None:
                    self._error(403, "AuthError", "Invalid token: signature, api token not found")
                    return False
                return True

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self._authorised():
                    return
                notify.requests[-1]["body"] = body
                if self.path != "/v2/notifications/email":
                    return self._error(404, "NotFound", "Not found")
                address = body.get("email_address", "")
                if address in notify.refuse:
                    return self._error(*notify.refuse[address])
                notification_id = str(uuid.uuid4())
                notify.sent[notification_id] = body
                personalisation = body.get("personalisation", {})
                self._answer(
                    201,
                    {
                        "id": notification_id,
                        "reference": body.get("reference"),
                        "content": {
                            "subject": personalisation.get("subject", ""),
                            "body": personalisation.get("body", ""),
                            "from_email": "council@notifications.service.gov.uk",
                        },
                        "uri": f"{notify.url}/v2/notifications/{notification_id}",
                        "template": {
                            "id": body.get("template_id"),
                            "version": 1,
                            "uri": f"{notify.url}/v2/template/{body.get('template_id')}",
                        },
                    },
                )

            def do_GET(self):
                if not self._authorised():
                    return
                notification_id = self.path.rsplit("/", 1)[-1]
                if notification_id not in notify.sent:
                    return self._error(404, "NoResultFound", "No result found")
                self._answer(
                    200,
                    {
                        "id": notification_id,
                        "type": "email",
                        "email_address": notify.sent[notification_id]["email_address"],
                        "status": notify.statuses.get(notification_id, "delivered"),
                    },
                )

        return Handler
