from django.db import models
from simple_history.models import HistoricalRecords


class ClosureDay(models.Model):
    """A day the council is closed beyond the bank holidays (e.g. a Christmas closure day)."""

    date = models.DateField(unique=True)
    reason = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%a} {self.date.day} {self.date:%b %Y}: {self.reason}"
