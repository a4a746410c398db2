from django.conf import settings
from django.db import models
from django.utils import timezone


class OutboxEmail(models.Model):
    """An email written in the same transaction as the change it reports; sent by a task."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Not delivered"
        HELD = "held", "Held for the daily summary"
        IN_DIGEST = "in_digest", "Sent in a daily summary"

    created_at = models.DateTimeField(default=timezone.now)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_address = models.EmailField()
    # The kind of email: its folder under templates/emails/ (e.g. "enquiry_logged").
    kind = models.CharField(max_length=80, blank=True)
    subject = models.CharField(max_length=250)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    # The page the email points to, for the daily summary's list.
    link = models.CharField(max_length=500, blank=True)
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
    failed_at = models.DateTimeField(null=True, blank=True)
    # GOV.UK Notify's ID for the notification, and the last delivery status Notify gave.
    provider_id = models.CharField(max_length=64, blank=True)
    delivery_status = models.CharField(max_length=30, blank=True)
    # The daily summary a held email went out in.
    digest = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="items"
    )

    class Meta:
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                name="outbox_pending_idx",
                condition=models.Q(status="pending"),
            ),
            models.Index(
                fields=["recipient", "created_at"],
                name="outbox_held_idx",
                condition=models.Q(status="held"),
            ),
            models.Index(
                fields=["-failed_at"],
                name="outbox_failed_idx",
                condition=models.Q(status="failed"),
            ),
            models.Index(
                fields=["sent_at"],
                name="outbox_notify_check_idx",
                condition=models.Q(status="sent") & ~models.Q(provider_id=""),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.to_address}: {self.subject} ({self.status})"

    @property
    def message_id(self) -> str:
        """Stable per row, so a mail system can drop a resend of the same message."""
        domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1]
        return f"<outbox-{self.pk}@{domain}>"


class EmailPreference(models.Model):
    """How a person wants the emails that need no action from them (copies, notices for their
    information): as they happen, in one summary a day, or not at all. Emails that ask them to
    act are always sent at once. No row: as they happen."""

    class ForInformation(models.TextChoices):
        IMMEDIATELY = "immediately", "As each one happens"
        DAILY = "daily", "In one summary email each working day"
        NEVER = "never", "Do not email them"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="email_preference"
    )
    for_information = models.CharField(
        max_length=12, choices=ForInformation.choices, default=ForInformation.IMMEDIATELY
    )
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.user}: {self.get_for_information_display()}"
