from django.db import models


class SweepHeartbeat(models.Model):
    """When each sweep last finished (Celery beat's or `manage.py sweep`'s run): /healthz says
    how long ago, and is unhealthy when it is too long."""

    label = models.CharField(max_length=100, unique=True)  # the app whose sweep it is
    ran_at = models.DateTimeField()
    steps = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "sweep heartbeat"

    def __str__(self) -> str:
        return f"{self.label} at {self.ran_at:%Y-%m-%d %H:%M}"
