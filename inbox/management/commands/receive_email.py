"""`manage.py receive_email`: one RFC 822 message on standard input, for a mail server that
pipes mail in (see README "Email coming in"). The same message piped twice, or also read from
the mailbox, is taken once.

Exit status: 0 when the message is kept (whatever became of it: an enquiry, a message, triage);
75 (EX_TEMPFAIL) when it could not be kept, so the mail server tries again later."""

from __future__ import annotations

import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from inbox.models import InboundEmail
from inbox.services import inbound_receive
from inbox.services.receive import KEPT_OF_TOO_LARGE

EX_TEMPFAIL = 75
CHUNK = 1024 * 1024


class Command(BaseCommand):
    help = "Read one email from standard input and take it in (for a mail server's pipe)."
    stealth_options = ("stdin",)  # tests pass a binary stream

    def add_arguments(self, parser):
        parser.add_argument(
            "--recipient",
            default="",
            help="The address the mail server delivered it to (Postfix: ${recipient}).",
        )

    def handle(self, *args, recipient: str = "", stdin=None, **options):
        arrived = timezone.now()
        limit = settings.INBOUND_EMAIL_MAX_MB * 1024 * 1024
        stream = stdin or sys.stdin.buffer
        kept, size = [], 0
        # Read it all (the mail server waits for that), keeping no more than the limit.
        while chunk := stream.read(CHUNK):
            if size <= limit:
                kept.append(chunk)
            size += len(chunk)
        raw = b"".join(kept)
        if size > limit:
            raw = raw[:KEPT_OF_TOO_LARGE]
        try:
            row = inbound_receive(
                raw,
                source=InboundEmail.Source.PIPE,
                arrived_at=arrived,
                size=size,
                envelope_to=recipient,
            )
        except Exception as exc:  # noqa: BLE001 - the mail server keeps it and tries again
            self.stderr.write(f"The email could not be kept: {exc}")
            sys.exit(EX_TEMPFAIL)
        self.stdout.write(f"{row.get_status_display()}: {row.reason}")
