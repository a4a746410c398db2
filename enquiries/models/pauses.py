"""The clock's pauses: an officer asked the councillor a question, and the working days the
enquiry waited for the answer do not count."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


def day_range(first: date, last: date) -> str:
    """'8 to 10 December', '30 November to 2 December', '8 December': a span of days in words."""
    if first == last:
        return f"{first.day} {first:%B}"
    if first.year != last.year:
        return f"{first.day} {first:%B %Y} to {last.day} {last:%B %Y}"
    if first.month != last.month:
        return f"{first.day} {first:%B} to {last.day} {last:%B}"
    return f"{first.day} to {last.day} {last:%B}"


class EnquiryPause(models.Model):
    """One question to the councillor: asked, then answered (or the enquiry withdrawn)."""

    enquiry = models.ForeignKey(
        "enquiries.Enquiry", on_delete=models.CASCADE, related_name="pauses"
    )
    # The pause's place among the enquiry's pauses (1, 2, ...): the key of its one reminder.
    number = models.PositiveSmallIntegerField()
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    # When the clock restarted: the answer, or the enquiry withdrawn while it waited.
    resumed_at = models.DateTimeField(null=True, blank=True)
    # The working days that did not count, and the first and last of them (none: 0 and nulls).
    working_days = models.PositiveSmallIntegerField(default=0)
    first_day = models.DateField(null=True, blank=True)
    last_day = models.DateField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enquiry"], condition=Q(resumed_at__isnull=True), name="one_open_pause"
            ),
            models.UniqueConstraint(fields=["enquiry", "number"], name="pause_number_once"),
        ]

    def __str__(self) -> str:
        return f"{self.enquiry_id} pause {self.number}"

    def explain(self, *, to_councillor: bool) -> str:
        """The pause in words for the page's reader."""
        whose = "your answer" if to_councillor else "the councillor's answer"
        if self.resumed_at is None:
            asked = timezone.localtime(self.asked_at).date()
            return (
                f"Paused since {asked:%A} {asked.day} {asked:%B}, waiting for {whose}. "
                "The clock restarts when the answer comes."
            )
        if not self.working_days:
            return f"Paused for less than a working day, waiting for {whose}"
        days = f"{self.working_days} working day{'' if self.working_days == 1 else 's'}"
        return f"Paused {days}, {day_range(self.first_day, self.last_day)}, waiting for {whose}"
