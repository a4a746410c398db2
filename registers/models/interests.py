"""REG-3: the register of officers' interests (003 §5.2(b)), kept by democratic services."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from .organisation import Officer


class OfficerInterest(models.Model):
    """An interest an officer has declared: outside work, a business, a body they belong to,
    land or property. A relationship with a member is a declaration (REG-1), not this."""

    class Kind(models.TextChoices):
        OUTSIDE_EMPLOYMENT = "outside_employment", "Outside employment"
        BUSINESS_INTEREST = "business_interest", "Business interest"
        MEMBERSHIP = "membership", "Membership of a body"
        LAND_OR_PROPERTY = "land_or_property", "Land or property"
        OTHER = "other", "Other"

    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="interests")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    description = models.TextField()
    starts_on = models.DateField(verbose_name="from")
    ends_on = models.DateField(null=True, blank=True, verbose_name="to")
    history = HistoricalRecords()

    class Meta:
        ordering = ["officer__user__last_name", "officer__user__first_name", "-starts_on"]
        indexes = [models.Index(fields=["officer", "-starts_on"], name="interest_officer_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="interest_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.officer}: {self.get_kind_display()}"

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The interest must end after it starts"})

    @property
    def is_current(self) -> bool:
        return self.ends_on is None or self.ends_on >= timezone.localdate()
