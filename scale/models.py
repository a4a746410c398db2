"""What `seed_scale` put in the database: the factor, when (the dataset's "now") and how many."""

from django.db import models


class SeedRecord(models.Model):
    factor = models.FloatField()
    # The moment the dataset was built around: what was due, open or overdue is as of then.
    reference_time = models.DateTimeField()
    seconds = models.FloatField(default=0)
    counts = models.JSONField(default=dict)

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"factor {self.factor:g} at {self.reference_time:%Y-%m-%d %H:%M}"
