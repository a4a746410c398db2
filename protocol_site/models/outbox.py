from django.conf import settings
from django.db import models
from django.utils import timezone


class OutboxEmail(models.Model):
    """An email written in the same transaction as the change it reports; sent by a task."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    created_at = models.DateTimeField(default=timezone.now)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_address = models.EmailField()
    subject = models.CharField(max_length=250)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # Makes the same notification idempotent: e.g. "enquiry:12:reminder:1:user:5".
    dedupe_key = models.CharField(max_length=200, unique=True, null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    last_error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # Extra headers sent with it: a Reply-To that brings a reply back to its case, or
    # Auto-Submitted on an automatic reply (so no other robot answers it).
    headers = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_pending_idx",
                condition=models.Q(status="pending"),
            )
        ]

    def __str__(self) -> str:
        return f"{self.to_address}: {self.subject} ({self.status})"

    @property
    def message_id(self) -> str:
        """Stable per row, so a mail system can drop a resend of the same message."""
        domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1]
        return f"<outbox-{self.pk}@{domain}>"
