"""Members' public meetings: a local member arranging a public meeting on some aspect of the
council's work tells the relevant officer first (the council's protocol on keeping local
members informed). Recorded by the member through notices.meetings.services."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from registers.models import Councillor, Officer, Service


class MemberMeeting(models.Model):
    councillor = models.ForeignKey(
        Councillor, on_delete=models.PROTECT, related_name="public_meetings"
    )
    subject = models.CharField(max_length=200)
    meeting_at = models.DateTimeField(verbose_name="date and time")
    place = models.CharField(max_length=200)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="member_meetings")
    details = models.TextField(blank=True)
    # The relevant officer told: the one the member named, or the service's Head of Service
    # (its Director where nobody holds that post).
    officer = models.ForeignKey(
        Officer,
        on_delete=models.PROTECT,
        related_name="member_meetings_told",
        verbose_name="officer told",
    )
    told_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    history = HistoricalRecords()

    TAG_COLOURS = {"state": {"upcoming": "blue", "held": "grey", "cancelled": "red"}}
    TAG_LABELS = {"state": {"upcoming": "Coming up", "held": "Held", "cancelled": "Cancelled"}}

    class Meta:
        ordering = ["-meeting_at", "-pk"]
        indexes = [
            models.Index(fields=["councillor", "-meeting_at"], name="member_meeting_cllr_idx"),
            models.Index(fields=["officer", "-meeting_at"], name="member_meeting_officer_idx"),
            models.Index(fields=["-told_at"], name="member_meeting_told_idx"),
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def is_upcoming(self) -> bool:
        return self.meeting_at > timezone.now()

    def state(self) -> str:
        if self.is_cancelled:
            return "cancelled"
        return "upcoming" if self.is_upcoming else "held"
