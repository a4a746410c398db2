"""Standard wording: reusable text a service keeps for its responses and messages, inserted and
then edited by the officer writing. Democratic services keep every service's; a Head of
Service keeps their own service's. Changes keep their history (django-simple-history)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from registers.models import Service


class StandardWordingQuerySet(models.QuerySet):
    def in_use(self):
        """Offered to officers: not retired."""
        return self.filter(retired_at__isnull=True)


class StandardWording(models.Model):
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="wording")
    title = models.CharField(max_length=120, help_text="What officers choose it by.")
    text = models.TextField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # Retired wording is no longer offered; it is kept, with its history.
    retired_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = StandardWordingQuerySet.as_manager()

    class Meta:
        ordering = ["service__name", "title", "id"]
        verbose_name = "standard wording"
        verbose_name_plural = "standard wording"
        constraints = [
            models.UniqueConstraint(
                fields=["service", "title"],
                condition=Q(retired_at__isnull=True),
                name="wording_title_once_per_service",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def in_use(self) -> bool:
        return self.retired_at is None
