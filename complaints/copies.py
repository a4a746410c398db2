"""Those a complaint is reported or copied to (003 §14)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class ComplaintCopy(models.Model):
    """Someone the protocol has a complaint reported or copied to, beyond its parties and
    handlers: under 003 §14.1 the Chief Executive and the officer's Director, under §14.2 the
    member's group leader. They read the complaint's public side, as the parties do."""

    class Reason(models.TextChoices):
        REPORTED = "reported", "Reported to them"
        COPIED = "copied", "Copied to them"
        OUTCOME = "outcome", "Sent the outcome"
        GROUP_LEADER = "group_leader", "Told as the member's group leader"

    complaint = models.ForeignKey(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="copies"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="complaint_copies"
    )
    role = models.CharField(max_length=60)
    reason = models.CharField(max_length=16, choices=Reason.choices)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "user"], name="complaint_copy_once")
        ]
        indexes = [models.Index(fields=["user", "complaint"], name="complaint_copy_user_idx")]

    def __str__(self) -> str:
        return f"{self.complaint.reference}: {self.get_reason_display()} {self.role}"
