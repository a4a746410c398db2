"""Files attached to a message, a response or an internal note on an enquiry."""

from __future__ import annotations

import os
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


def stored_name(attachment: EnquiryAttachment, filename: str) -> str:
    """A name of our own in storage (the person's file name is kept in `name`): nothing they
    typed reaches a path, and no two files share one."""
    extension = os.path.splitext(filename)[1].lower()
    return timezone.now().strftime(f"enquiries/files/%Y/%m/{uuid.uuid4().hex}{extension}")


class EnquiryAttachment(models.Model):
    """One file on one step of the conversation. Who may download it is who may read that step
    (enquiries.selectors.attachment_for): an internal note's files never reach the councillor."""

    enquiry = models.ForeignKey(
        "enquiries.Enquiry", on_delete=models.CASCADE, related_name="attachments"
    )
    event = models.ForeignKey(
        "enquiries.EnquiryEvent", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to=stored_name, max_length=200)
    name = models.CharField(max_length=255, help_text="The file's name as it was sent.")
    size = models.PositiveBigIntegerField(help_text="In bytes.")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["event", "id"]

    def __str__(self) -> str:
        return self.name
