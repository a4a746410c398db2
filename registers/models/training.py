"""REG-3: member training and induction (004 §11.1), recorded by democratic services."""

from django.db import models
from simple_history.models import HistoricalRecords

from .councillors import Councillor

ALREADY_RECORDED = (
    "That councillor's attendance at that session is already recorded: open it and change it."
)


class TrainingSession(models.Model):
    class Kind(models.TextChoices):
        INDUCTION = "induction", "Induction"
        TRAINING = "training", "Training"

    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.TRAINING)
    held_on = models.DateField(verbose_name="date")
    provider = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-held_on", "title"]
        indexes = [models.Index(fields=["-held_on"], name="training_held_on_idx")]

    def __str__(self) -> str:
        return f"{self.title}, {self.held_on.day} {self.held_on:%B %Y}"


class TrainingAttendance(models.Model):
    """One councillor's place at one session, and whether they came."""

    session = models.ForeignKey(
        TrainingSession, on_delete=models.PROTECT, related_name="attendance"
    )
    councillor = models.ForeignKey(Councillor, on_delete=models.PROTECT, related_name="training")
    attended = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-session__held_on", "councillor__user__last_name"]
        verbose_name_plural = "training attendance"
        constraints = [
            models.UniqueConstraint(
                fields=["session", "councillor"],
                name="training_attendance_once",
                violation_error_message=ALREADY_RECORDED,
            )
        ]

    def __str__(self) -> str:
        return f"{self.councillor} at {self.session.title}"
