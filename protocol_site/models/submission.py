from django.conf import settings
from django.db import models
from django.utils import timezone


class FormSubmission(models.Model):
    """A form's one-time token, taken when what the form asked for was done, in the same
    transaction: a repeat of the form (a double click, a resend, the back button) finds it
    and shows what the first did instead of doing it again. Kept a few days (the nightly
    purge)."""

    token = models.UUIDField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # What the first submission did: the record it went on to and what the person was told.
    object_pk = models.PositiveBigIntegerField(null=True)
    message = models.TextField(blank=True)

    def __str__(self) -> str:
        return f"{self.token} ({self.at:%Y-%m-%d %H:%M})"
