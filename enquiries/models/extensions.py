"""ENQ-5: more time, asked of senior management, agreed or refused."""

from django.db import models
from django.db.models import Q
from django.utils import timezone

from registers.models import Officer


class ExtensionRequest(models.Model):
    """ENQ-5: more time, asked of senior management, agreed or refused with the councillor."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Awaiting a decision"
        AGREED = "agreed", "Agreed"
        REFUSED = "refused", "Refused"

    enquiry = models.ForeignKey(
        "enquiries.Enquiry", on_delete=models.CASCADE, related_name="extensions"
    )
    requested_by = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(default=timezone.now)
    reason = models.TextField()
    proposed_date = models.DateField()
    # Who it was sent to: the first person up the ladder who may decide it.
    decider = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    agreed_date = models.DateField(null=True, blank=True)
    decision_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["enquiry"], condition=Q(outcome="pending"), name="one_pending_extension"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enquiry.reference}: to {self.proposed_date} ({self.outcome})"
