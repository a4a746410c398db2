import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone

from ..audit_words import audit_words


class AuditTrailIsAppendOnly(Exception):
    pass


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditTrailIsAppendOnly("Audit events cannot be changed.")

    def delete(self):
        raise AuditTrailIsAppendOnly("Audit events cannot be deleted.")


class AuditEvent(models.Model):
    """One domain event: who did what to which record, when, with the before and after.

    Rows form a hash chain: each row's hash covers its content and the previous row's hash,
    so an edited or deleted row is detected by `manage.py audit_verify`.
    """

    at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=100, db_index=True)
    object_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=250, blank=True)
    summary = models.TextField(blank=True)
    before = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    after = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    prev_hash = models.CharField(max_length=64, unique=True)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="audit_object_idx")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.words}: {self.object_repr}".rstrip(": ")

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditTrailIsAppendOnly("Audit events cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditTrailIsAppendOnly("Audit events cannot be deleted.")

    @property
    def words(self) -> str:
        """The event as a person reads it ("Enquiry escalated"), never the stored code."""
        return audit_words(self.action)

    # What a redaction (protocol_site.audit.audit_redact) may rewrite: the personal text and
    # who acted. The rest (when, what kind of event, about which record) is never changed.
    REDACTABLE = ("actor", "object_repr", "summary", "before", "after")

    def compute_seal(self) -> str:
        """The hash a redaction records for this row as it is left: its content now, its
        chain hash (computed from the content before, checked when it was redacted)."""
        payload = json.dumps(
            {
                "at": self.at.isoformat(),
                "actor": self.actor_id,
                "action": self.action,
                "object_type": self.object_type_id,
                "object_id": self.object_id,
                "object_repr": self.object_repr,
                "summary": self.summary,
                "before": self.before,
                "after": self.after,
                "prev": self.prev_hash,
                "hash": self.hash,
            },
            sort_keys=True,
            cls=DjangoJSONEncoder,
        )
        return hashlib.sha256(f"seal:{payload}".encode()).hexdigest()

    def compute_hash(self) -> str:
        payload = json.dumps(
            {
                "at": self.at.isoformat(),
                "actor": self.actor_id,
                "action": self.action,
                "object_type": self.object_type_id,
                "object_id": self.object_id,
                "object_repr": self.object_repr,
                "summary": self.summary,
                "before": self.before,
                "after": self.after,
                "prev": self.prev_hash,
            },
            sort_keys=True,
            cls=DjangoJSONEncoder,
        )
        return hashlib.sha256(payload.encode()).hexdigest()
