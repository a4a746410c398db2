"""Email the council mailbox received: each message once, kept as it came, with what the
product did with it and why."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


class InboundEmail(models.Model):
    """One received message. Its Message-ID is unique, so the same message, polled again or
    piped in as well, is never taken twice."""

    class Source(models.TextChoices):
        MAILBOX = "mailbox", "Read from the council mailbox"
        PIPE = "pipe", "Passed in by the mail server"
        TEST = "test", "Sent in a test"

    class Status(models.TextChoices):
        RECEIVED = "received", "Received, not yet read"
        ENQUIRY = "enquiry", "Became an enquiry"
        MESSAGE = "message", "Became a message on an enquiry"
        TRIAGE = "triage", "Waiting for democratic services"
        AUTOMATIC = "automatic", "Automatic reply or bounce: not answered"
        DISCARDED = "discarded", "Discarded"

    TAG_COLOURS = {
        "status": {
            Status.RECEIVED: "grey",
            Status.ENQUIRY: "green",
            Status.MESSAGE: "green",
            Status.TRIAGE: "yellow",
            Status.AUTOMATIC: "grey",
            Status.DISCARDED: "grey",
        }
    }

    message_id = models.CharField(max_length=255, unique=True)
    source = models.CharField(max_length=10, choices=Source.choices)
    # When it reached the council: the mailbox's arrival time (IMAP INTERNALDATE) or the
    # moment the mail server passed it in; its Date header only when neither is known.
    received_at = models.DateTimeField()
    recorded_at = models.DateTimeField(default=timezone.now)
    raw = models.BinaryField(help_text="The message as it came (its start, if it was too large).")
    size = models.PositiveBigIntegerField(help_text="Its whole size in bytes.")
    # The address the mail server says it was delivered to (a piped message), if any.
    envelope_to = models.CharField(max_length=254, blank=True)
    from_address = models.CharField(max_length=254, blank=True)
    from_name = models.CharField(max_length=200, blank=True)
    subject = models.CharField(max_length=500, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, help_text="Its Date header.")
    text = models.TextField(blank=True, help_text="Its words, as far as they could be read.")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RECEIVED)
    reason = models.TextField(blank=True, help_text="Why it has its status, in words.")
    enquiry = models.ForeignKey(
        "enquiries.Enquiry",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="emails",
        help_text="The enquiry it became, or the one it is a message on.",
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person it came from, when known.",
    )
    triage_reply_sent = models.BooleanField(default=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = "email received"
        verbose_name_plural = "emails received"
        indexes = [
            models.Index(fields=["status", "-received_at"], name="inbound_status_idx"),
            models.Index(
                fields=["recorded_at"],
                name="inbound_unread_idx",
                condition=Q(status="received"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject or '(no subject)'} from {self.from_address or 'unknown sender'}"

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.TRIAGE
