"""A list of enquiries a person saved under a name: its filters, as the list's query string,
so that the view always lists what those filters find today, within what its owner may see."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

# A person's home page counts each of their saved views: a handful, kept cheap.
MOST_SAVED_VIEWS = 10


class SavedView(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_enquiry_views"
    )
    name = models.CharField(max_length=80)
    # The list's query string (scope, status, filters, search and sort), without the page.
    query = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_view_name_once")
        ]

    def __str__(self) -> str:
        return self.name
