"""A message comes in: kept once (its Message-ID unique), then read, each in its own
transaction, so a message that cannot be read waits in triage and never stops the others.

1. `inbound_record` commits the row (raw bytes, Message-ID). The same message again, by the
   mailbox or the pipe, polled once or three times, finds that row and adds nothing.
2. `inbound_process` takes the row under its lock while it is still "received", and decides:
   an automatic reply or a bounce is recorded and never answered; a reply to one of our
   emails becomes a message on its case; a councillor's email becomes an enquiry; anything
   else waits in triage for democratic services, its sender told so once.
A crash between 1 and 2 leaves a "received" row, which the next delivery of the same message,
or the sweep, reads then.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from enquiries.models import Enquiry
from enquiries.permissions import is_enquirer
from enquiries.services import enquiry_answer, enquiry_log, enquiry_message
from protocol_site.audit import audit_record
from protocol_site.outbox import email_enqueue
from protocol_site.reply_address import read_reply_token, token_in
from registers.models import Service

from ..mail import Mail, message_id_of, new_words, read_mail
from ..models import InboundEmail

logger = logging.getLogger(__name__)
Status = InboundEmail.Status
# What is kept of a message too large to read: enough to see who sent it and what about.
KEPT_OF_TOO_LARGE = 256 * 1024
NO_TEXT = "(The email had no text.)"


def size_limit() -> int:
    return settings.INBOUND_EMAIL_MAX_MB * 1024 * 1024


def words(error: Exception, mail: Mail | None = None) -> str:
    """A service's refusal as one sentence for the triage list (a refused file named)."""
    if isinstance(error, ValidationError) and "files" in getattr(error, "error_dict", {}):
        names = ", ".join(a.name for a in mail.attachments) if mail else ""
        text = " ".join(error.error_dict["files"][0].messages)
        return (
            f"An attachment ({names}) was refused: {text.replace('The selected file', 'the file')}."
        )
    if isinstance(error, ValidationError):
        text = " ".join(error.messages)
    else:
        text = str(error) or "It was refused."
    return text if text.endswith(".") else f"{text}."


def inbound_record(
    raw: bytes,
    *,
    source: str,
    arrived_at: datetime | None = None,
    size: int | None = None,
    envelope_to: str = "",
) -> tuple[InboundEmail, bool]:
    """Keep the message once. Returns its row and whether this call made it."""
    message_id = message_id_of(raw)
    size = len(raw) if size is None else size
    row = InboundEmail(
        message_id=message_id,
        source=source,
        received_at=arrived_at or _sent_at(raw),
        raw=raw if size <= size_limit() else raw[:KEPT_OF_TOO_LARGE],
        size=size,
        envelope_to=envelope_to.strip().lower()[:254],
    )
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError:
        return InboundEmail.objects.defer("raw").get(message_id=message_id), False
    return row, True


def _sent_at(raw: bytes) -> datetime:
    """When a message whose arrival time is unknown came: its Date header, if that is in the
    past, else now."""
    now = timezone.now()
    try:
        sent = read_mail(raw[:KEPT_OF_TOO_LARGE]).sent_at
    except Exception:  # noqa: BLE001
        sent = None
    return sent if sent is not None and sent <= now else now


def inbound_receive(
    raw: bytes,
    *,
    source: str,
    arrived_at: datetime | None = None,
    size: int | None = None,
    envelope_to: str = "",
) -> InboundEmail:
    """Record then read one message (see the module's docstring). Never raises for what the
    message holds; raises only when the database cannot record it at all (so the mailbox keeps
    it, or the mail server tries again)."""
    row, _ = inbound_record(
        raw, source=source, arrived_at=arrived_at, size=size, envelope_to=envelope_to
    )
    return inbound_process(row.pk)


def inbound_process(pk: int) -> InboundEmail:
    """Read a recorded message, once: a row no longer "received" is left as it is."""
    try:
        with transaction.atomic():
            row = InboundEmail.objects.select_for_update().get(pk=pk)
            if row.status == Status.RECEIVED:
                _decide(row, read_mail(bytes(row.raw)))
            return row
    except Exception as exc:  # noqa: BLE001 - one message must never stop the rest
        logger.exception("Inbound email %s could not be read", pk)
        with transaction.atomic():
            row = InboundEmail.objects.select_for_update().get(pk=pk)
            if row.status == Status.RECEIVED:
                row.status = Status.TRIAGE
                row.reason = (
                    "The product could not read this message "
                    f"({type(exc).__name__}); it is kept here as it came."
                )
                row.save(update_fields=["status", "reason"])
                _audit_triaged(row)
        return row


def _decide(row: InboundEmail, mail: Mail) -> None:
    row.from_address, row.from_name = mail.from_address, mail.from_name
    row.subject, row.sent_at, row.text = mail.subject, mail.sent_at, mail.text
    if mail.automatic:
        _settle(row, Status.AUTOMATIC, mail.automatic)
    elif row.size > size_limit():
        _triage(
            row,
            mail,
            f"It is larger than {settings.INBOUND_EMAIL_MAX_MB}MB, so it was not read. "
            "Its beginning is kept here.",
        )
    elif mail.problem:
        _triage(row, mail, mail.problem)
    else:
        tokens = [t for t in map(token_in, [row.envelope_to, *mail.recipients]) if t]
        if tokens:
            _reply(row, mail, tokens[0])
        else:
            _new_enquiry(row, mail)


def _settle(row: InboundEmail, status: str, reason: str, **fields) -> None:
    row.status, row.reason = status, reason
    for name, value in fields.items():
        setattr(row, name, value)
    row.save()


def _files(mail: Mail) -> list:
    return [SimpleUploadedFile(a.name, a.content, a.content_type) for a in mail.attachments]


def _verified(mail: Mail) -> bool:
    """Whether the trusted mail server (INBOUND_EMAIL_AUTHSERV_ID) says the sender's address
    passed DMARC; always, when no server is named."""
    server = settings.INBOUND_EMAIL_AUTHSERV_ID
    if not server:
        return True
    for header in mail.authentication.lower().split("\n"):
        said_by, _, results = header.partition(";")
        if said_by.strip().split()[:1] == [server] and "dmarc=pass" in results.replace(" ", ""):
            return True
    return False


def _person(address: str):
    """The one active person with this address, or None (nobody, or more than one)."""
    if not address:
        return None
    people = list(
        get_user_model()
        .objects.filter(email__iexact=address, is_active=True)
        .select_related("councillor")[:2]
    )
    return people[0] if len(people) == 1 else None


def _new_enquiry(row: InboundEmail, mail: Mail) -> None:
    person = _person(mail.from_address)
    councillor = getattr(person, "councillor", None) if person else None
    if councillor is None:
        _triage(row, mail, "It is not from a councillor's email address known to the product.")
        return
    if not _verified(mail):
        _triage(
            row,
            mail,
            f"It says it is from {councillor}, but the mail server could not confirm the "
            "sender's address, so it was not taken as theirs.",
            sender=person,
        )
        return
    service = Service.objects.filter(name=settings.INBOUND_EMAIL_SERVICE, is_active=True).first()
    if service is None:
        _triage(
            row,
            mail,
            f"It is an enquiry from {councillor}, but no service is set for enquiries that "
            "arrive by email: choose one when turning it into an enquiry.",
            sender=person,
        )
        return
    now = timezone.now()
    try:
        with transaction.atomic():
            enquiry = enquiry_log(
                actor=person,
                councillor=councillor,
                subject=(mail.subject.strip() or "(no subject)")[:200],
                details=mail.text.strip() or NO_TEXT,
                kind=settings.INBOUND_EMAIL_KIND,
                service=service,
                channel=Enquiry.Channel.EMAIL,
                received_at=min(row.received_at, now),
                files=_files(mail),
            )
    except (ValidationError, PermissionDenied) as error:
        _triage(row, mail, f"It could not become an enquiry. {words(error, mail)}", sender=person)
        return
    _settle(
        row,
        Status.ENQUIRY,
        f"Logged as {enquiry.reference} for {councillor}.",
        enquiry=enquiry,
        sender=person,
    )


def _reply(row: InboundEmail, mail: Mail, token: str) -> None:
    reply = read_reply_token(token)
    if reply is None or reply.kind != Enquiry.REPLY_BY_EMAIL:
        _triage(row, mail, "It was sent to a reply address the product did not make.")
        return
    person = get_user_model().objects.filter(pk=reply.user_id, is_active=True).first()
    enquiry = Enquiry.objects.filter(pk=reply.case_id).first()
    if person is None or enquiry is None:
        _triage(row, mail, "It is a reply about an enquiry or person no longer in the product.")
        return
    if not person.email or person.email.lower() != mail.from_address:
        _triage(
            row,
            mail,
            f"It was sent to {person}'s reply address for {enquiry.reference}, but from "
            f"another address ({mail.from_address or 'none'}), so it was not added.",
            enquiry=enquiry,
        )
        return
    text = new_words(mail.text)
    try:
        with transaction.atomic():
            if enquiry.waiting_since is not None and is_enquirer(person, enquiry):
                enquiry_answer(actor=person, enquiry=enquiry, answer=text, files=_files(mail))
                done = f"Added to {enquiry.reference} as {person}'s answer to the question."
            else:
                enquiry_message(actor=person, enquiry=enquiry, message=text, files=_files(mail))
                done = f"Added to {enquiry.reference} as a message from {person}."
    except (ValidationError, PermissionDenied) as error:
        _triage(
            row,
            mail,
            f"It is a reply about {enquiry.reference} from {person}, but it could not be "
            f"added. {words(error, mail)}",
            enquiry=enquiry,
            sender=person,
        )
        return
    _settle(row, Status.MESSAGE, done, enquiry=enquiry, sender=person)


def _audit_triaged(row: InboundEmail) -> None:
    audit_record(
        actor=None,
        action="inbox.inboundemail.triaged",
        obj=row,
        summary=f"Email from {row.from_address or 'an unknown sender'} held for triage: "
        f"{row.reason}"[:500],
    )


def _triage(row: InboundEmail, mail: Mail, reason: str, **fields) -> None:
    _settle(row, Status.TRIAGE, reason, **fields)
    _audit_triaged(row)
    if _answerable(mail):
        sent = email_enqueue(
            to_address=mail.from_address,
            template="inbox_triage_reply",
            context={},
            # At most one a day to any address, however many messages it sends.
            dedupe_key="inbox:triage-reply:"
            f"{hashlib.sha256(mail.from_address.encode()).hexdigest()[:32]}:"
            f"{timezone.localdate().isoformat()}",
            headers=_reply_headers(mail),
        )
        if sent is not None:
            row.triage_reply_sent = True
            row.save(update_fields=["triage_reply_sent"])


def _answerable(mail: Mail) -> bool:
    """Whether the sender may be told their email is waiting: a person's address, not ours."""
    if not settings.INBOUND_EMAIL_TRIAGE_REPLY or mail.automatic or not mail.from_address:
        return False
    ours = {settings.DEFAULT_FROM_EMAIL.lower(), (settings.INBOUND_EMAIL_ADDRESS or "").lower()}
    if mail.from_address in ours or token_in(mail.from_address):
        return False
    try:
        validate_email(mail.from_address)
    except ValidationError:
        return False
    return True


def _reply_headers(mail: Mail) -> dict:
    """An automatic reply says so (RFC 3834), so no other robot answers it."""
    headers = {"Auto-Submitted": "auto-replied"}
    if not mail.message_id.endswith("@no-message-id") and mail.message_id.isprintable():
        headers["In-Reply-To"] = headers["References"] = f"<{mail.message_id}>"
    return headers


def inbound_finish_unread(*, older_than_seconds: int = 120) -> int:
    """Read the messages recorded but never read (the process stopped in between)."""
    cutoff = timezone.now() - timedelta(seconds=older_than_seconds)
    pks = list(
        InboundEmail.objects.filter(status=Status.RECEIVED, recorded_at__lt=cutoff)
        .order_by("recorded_at")
        .values_list("pk", flat=True)[:200]
    )
    for pk in pks:
        inbound_process(pk)
    return len(pks)
