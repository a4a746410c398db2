"""Linked enquiries: several members asked about the same matter, and an officer links their
enquiries so they can answer them all at once. Each enquiry keeps its own clock and record;
the link only groups them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone


class EnquiryMatter(models.Model):
    """One matter several enquiries are about."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Matter {self.pk}"


class EnquiryLink(models.Model):
    """An enquiry's place in a matter: at most one matter each."""

    matter = models.ForeignKey(EnquiryMatter, on_delete=models.CASCADE, related_name="links")
    enquiry = models.OneToOneField(
        "enquiries.Enquiry", on_delete=models.CASCADE, related_name="link"
    )
    linked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    linked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["enquiry_id"]

    def __str__(self) -> str:
        return f"{self.enquiry} in {self.matter}"
