"""RFC 822 messages for the inbox tests, built with the standard library."""

from __future__ import annotations

import itertools
from email.message import EmailMessage
from email.utils import format_datetime

from tests.clock import at

_numbers = itertools.count(1)
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def message(
    *,
    sender: str = "councillor@example.gov.uk",
    to: str = "members.enquiries@example.gov.uk",
    subject: str = "Potholes on Mill Lane",
    body: str = "Residents say the potholes on Mill Lane are getting worse.",
    message_id: str | None = None,
    sent=None,
    headers: dict | None = None,
    attachments: tuple = (),
    html: str | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Someone <{sender}>"
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent or at(2026, 11, 2, 8, 30))
    msg["Message-ID"] = message_id or f"<test-{next(_numbers)}@mail.example.org>"
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    for name, content, maintype, subtype in attachments:
        msg.add_attachment(content, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def malformed(message_id: str = "<broken-1@mail.example.org>") -> bytes:
    """A multipart message whose boundary never appears: its parts cannot be told apart."""
    return (
        "From: Someone <someone@example.org>\r\n"
        "To: members.enquiries@example.gov.uk\r\n"
        "Subject: Broken\r\n"
        f"Message-ID: {message_id}\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="never-there"\r\n'
        "\r\n"
        "This has no parts at all.\r\n"
    ).encode()
