"""Cover while an officer is away: an absence (first and last day, London days) and the officer
covering. While it lasts, new enquiries, reminders and the officer's queue go to the cover."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from .organisation import Officer


class AbsenceQuerySet(models.QuerySet):
    def on(self, day=None):
        """Absences that include `day` (default today, London time)."""
        day = day or timezone.localdate()
        return self.filter(starts_on__lte=day, ends_on__gte=day)

    def current_or_later(self, day=None):
        """Absences not yet over on `day` (default today)."""
        return self.filter(ends_on__gte=day or timezone.localdate())


class Absence(models.Model):
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="absences")
    starts_on = models.DateField("First day away")
    ends_on = models.DateField("Last day away")
    cover = models.ForeignKey(
        Officer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="covering",
        verbose_name="Cover officer",
        help_text="Left empty, new work goes to the service's team queue.",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    objects = AbsenceQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        indexes = [
            models.Index(fields=["officer", "ends_on"], name="absence_officer_idx"),
            models.Index(fields=["cover", "ends_on"], name="absence_cover_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="absence_ends_after_start"
            ),
            models.CheckConstraint(condition=~Q(cover=F("officer")), name="absence_cover_not_self"),
        ]

    def __str__(self) -> str:
        return f"{self.officer} away {self.starts_on:%d/%m/%Y} to {self.ends_on:%d/%m/%Y}"
