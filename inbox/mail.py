"""Reading one email from outside. Everything in it is hostile until checked: the parser never
raises on what a sender wrote; what cannot be read is a `problem`, said in words for the
democratic services officer who will look at it."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from email import errors, policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from html.parser import HTMLParser

from django.utils import timezone
from mailparser_reply import EmailReplyParser

from protocol_site.unstorable import storable

# Structural damage: the parts of the message cannot be told apart reliably.
BROKEN = (
    errors.StartBoundaryNotFoundDefect,
    errors.CloseBoundaryNotFoundDefect,
    errors.MultipartInvariantViolationDefect,
    errors.NoBoundaryInMultipartDefect,
    errors.MissingHeaderBodySeparatorDefect,
    errors.InvalidMultipartContentTransferEncodingDefect,
    errors.FirstHeaderLineIsContinuationDefect,
)
BULK_PRECEDENCE = {"bulk", "junk", "list", "auto_reply"}
ROBOT_MAILBOXES = {"mailer-daemon", "postmaster"}
AUTOMATIC_SUBJECT = re.compile(
    r"^\s*(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|autoreply|"
    r"undeliverable|delivery status notification|mail delivery failed)\b",
    re.IGNORECASE,
)
# Where the address a message was sent to may be found (our reply address has a token in it).
RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")
MAX_TEXT = 100_000  # characters of body kept as the enquiry's or message's text


@dataclass
class Attachment:
    name: str
    content: bytes
    content_type: str


@dataclass
class Mail:
    message_id: str
    from_address: str = ""
    from_name: str = ""
    recipients: list[str] = field(default_factory=list)
    subject: str = ""
    sent_at: datetime | None = None
    automatic: str = ""  # why it is an automatic reply or a bounce; "" for a person's mail
    text: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    problem: str = ""  # why it cannot be read; "" when it can
    authentication: str = ""  # Authentication-Results headers, joined


def _parse(raw: bytes, *, headers_only: bool = False) -> EmailMessage:
    return BytesParser(policy=policy.default).parsebytes(raw, headersonly=headers_only)


def _header(message, name: str) -> str:
    """A header's value as text, or "" (a header too broken to read is as good as absent)."""
    try:
        value = message.get(name)
    except Exception:  # noqa: BLE001 - the sender's header, not our bug
        return ""
    return storable(" ".join(str(value).split())) if value is not None else ""


def _headers(message, name: str) -> list[str]:
    try:
        values = message.get_all(name) or []
    except Exception:  # noqa: BLE001
        return []
    return [storable(" ".join(str(value).split())) for value in values]


def message_id_of(raw: bytes) -> str:
    """The message's Message-ID (without its angle brackets), the key that keeps it once
    whichever way it came in. A message without one gets a digest of what its sender wrote
    (From, Date, Subject and body), which a relay does not change."""
    try:
        message = _parse(raw, headers_only=True)
        found = _header(message, "Message-ID").strip().strip("<>").strip()
    except Exception:  # noqa: BLE001
        message, found = None, ""
    if found and len(found) <= 250 and found.isprintable():
        return found
    parts = [_header(message, name) for name in ("From", "Date", "Subject")] if message else []
    body = raw.split(b"\r\n\r\n", 1)[-1] if b"\r\n\r\n" in raw else raw.split(b"\n\n", 1)[-1]
    digest = hashlib.sha256("\n".join(parts).encode() + b"\n" + body).hexdigest()
    return f"sha256-{digest}@no-message-id"


def automatic_reason(message, from_address: str, subject: str) -> str:
    """Why this is an automatic reply, a bounce or list mail (answer none of them: a mail loop
    needs two robots answering each other), or ""."""
    auto = _header(message, "Auto-Submitted").lower()
    if auto and auto.split(";")[0].strip() != "no":
        return f"It says it was sent automatically (Auto-Submitted: {auto})."
    precedence = _header(message, "Precedence").lower()
    if precedence in BULK_PRECEDENCE:
        return f"It is bulk or list mail (Precedence: {precedence})."
    if "Return-Path" in message and _header(message, "Return-Path").strip() in ("<>", ""):
        return "It is a bounce: it has an empty return path."
    for name in ("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"):
        if name in message:
            return f"It is an automatic reply ({name})."
    if "List-Id" in message or "List-Unsubscribe" in message:
        return "It came from a mailing list."
    if message.get_content_type() == "multipart/report":
        return "It is a delivery report (a bounce)."
    if from_address.split("@")[0].lower() in ROBOT_MAILBOXES:
        return f"It came from a mail system ({from_address}), not a person."
    if AUTOMATIC_SUBJECT.match(subject):
        return "Its subject says it is an automatic reply or a delivery failure."
    return ""


class _Text(HTMLParser):
    """The words of an HTML email, for one that has no plain-text part."""

    BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "head"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "head"):
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.out).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _leaves(part):
    """The parts that carry content, an attached email counted as one."""
    if part.get_content_type() == "message/rfc822" or not part.is_multipart():
        yield part
        return
    for sub in part.iter_parts():
        yield from _leaves(sub)


def _attachment(part) -> Attachment:
    if part.get_content_type() == "message/rfc822":
        inner = part.get_payload()
        content = inner[0].as_bytes() if isinstance(inner, list) and inner else b""
        name = part.get_filename() or "forwarded-email.eml"
    else:
        content = part.get_payload(decode=True) or b""
        name = part.get_filename() or "attachment"
    return Attachment(storable(name)[:200], content, part.get_content_type())


def _broken(message) -> str:
    for part in message.walk():
        for defect in part.defects:
            if isinstance(defect, BROKEN):
                return (
                    "Its structure is broken, so its text and attachments cannot be told apart "
                    f"({type(defect).__name__})."
                )
    return ""


def _body(message, body) -> tuple[str, str]:
    """The body's text and a problem, or ("", "") when it has none."""
    if body is None:
        return "", ""
    charset = body.get_content_charset() or "us-ascii"
    try:
        content = body.get_content()
    except LookupError:
        return "", f"It is written in a character set that cannot be read ({charset})."
    except Exception as exc:  # noqa: BLE001 - a part too broken to decode
        return "", f"Its text cannot be decoded ({type(exc).__name__})."
    if not isinstance(content, str):
        return "", "Its text cannot be decoded."
    if body.get_content_type() == "text/html":
        content = html_text(content)
    return storable(content.replace("\r\n", "\n")), ""


def read_mail(raw: bytes) -> Mail:
    """Everything the product uses from one RFC 822 message. Never raises on its content."""
    mail = Mail(message_id=message_id_of(raw))
    try:
        message = _parse(raw)
    except Exception as exc:  # noqa: BLE001
        mail.problem = f"It cannot be read as an email ({type(exc).__name__})."
        return mail
    name, address = parseaddr(_header(message, "From"))
    mail.from_name, mail.from_address = storable(name)[:200], storable(address).lower()[:254]
    mail.subject = _header(message, "Subject")[:500]
    recipients = []
    for header in RECIPIENT_HEADERS:
        recipients += [address for _, address in getaddresses(_headers(message, header))]
    mail.recipients = [storable(r).lower() for r in recipients if "@" in r]
    try:
        sent = parsedate_to_datetime(_header(message, "Date"))
        mail.sent_at = sent if timezone.is_aware(sent) else timezone.make_aware(sent)
    except (TypeError, ValueError, IndexError, OverflowError):
        mail.sent_at = None
    mail.authentication = "\n".join(_headers(message, "Authentication-Results"))
    mail.automatic = automatic_reason(message, mail.from_address, mail.subject)
    mail.problem = _broken(message)
    if mail.problem:
        return mail
    try:
        body = message.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001
        body = None
    mail.text, mail.problem = _body(message, body)
    for part in _leaves(message):
        if part is body or part.is_multipart():
            continue
        disposition = part.get_content_disposition()
        if (
            disposition == "attachment"
            or (part.get_filename() and not part.get("Content-ID"))
            or part.get_content_type() == "message/rfc822"
        ):
            try:
                mail.attachments.append(_attachment(part))
            except Exception as exc:  # noqa: BLE001
                mail.problem = (
                    mail.problem or f"An attachment cannot be read ({type(exc).__name__})."
                )
    return mail


def new_words(text: str) -> str:
    """What a reply says that is new: the history it quotes and the sender's signature
    trimmed (mail-parser-reply, with a plain "-- " signature line as a last resort)."""
    text = (text or "").strip()
    if not text:
        return ""
    try:
        replies = EmailReplyParser(languages=["en"]).read(text).replies
        latest = replies[0].body.strip() if replies else ""
    except Exception:  # noqa: BLE001 - the library on odd text: keep the whole text
        latest = ""
    latest = latest or text
    latest = re.split(r"^-- ?$", latest, maxsplit=1, flags=re.MULTILINE)[0].strip()
    return latest[:MAX_TEXT]
