"""The constituent a casework enquiry is about: personal data, kept apart from the enquiry in
its own row so that retention can erase it without touching the enquiry's record. No field
history is kept (an erased value must leave no copy), and the audit trail records only which
fields changed, never their values."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

# The personal fields, in the order pages show them.
PERSONAL_FIELDS = ("name", "address", "phone", "email")


class ConstituentDetails(models.Model):
    enquiry = models.OneToOneField(
        "enquiries.Enquiry", on_delete=models.CASCADE, related_name="constituent"
    )
    name = models.CharField(max_length=150, blank=True)
    address = models.CharField("address or postcode", max_length=300, blank=True)
    phone = models.CharField("phone", max_length=40, blank=True)
    email = models.EmailField("email", blank=True)
    consented = models.BooleanField(
        "consented to the councillor sharing their details",
        help_text="The constituent agreed to the councillor sharing these details with the "
        "council.",
    )
    council_officer = models.BooleanField(
        "the constituent is a council officer",
        default=False,
        help_text="An officer who lives locally has the same rights as any resident; the "
        "councillor seeks the Monitoring Officer's advice first.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "constituent details"
        verbose_name_plural = "constituent details"

    def __str__(self) -> str:
        return f"Constituent details for enquiry {self.enquiry_id}"
