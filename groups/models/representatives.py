"""GRP-8, 004 §8.2: an officer asked to meet a councillor from another council or an MP, not on
a cross-party basis, first obtains the Chief Executive's authorisation; the Chief Executive
informs every Group Leader; the officer meets them with the local councillor present."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_fsm import FSMField, transition

from protocol_site.fsm import ProtectedStateMixin
from registers.models import Councillor, Officer, Ward


class RepresentativeMeeting(ProtectedStateMixin, models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Waiting for the Chief Executive"
        AUTHORISED = "authorised", "Authorised"
        REFUSED = "refused", "Refused"
        HELD = "held", "Held"

    # Each status's tag colour on pages ({% status_tag %}).
    TAG_COLOURS = {
        "status": {
            Status.REQUESTED: "yellow",
            Status.AUTHORISED: "blue",
            Status.REFUSED: "red",
            Status.HELD: "green",
        }
    }

    class Kind(models.TextChoices):
        MP = "mp", "A Member of Parliament"
        OTHER_COUNCIL = "other_council", "A councillor from another council"
        OTHER = "other", "Another elected representative"

    # The case kit (protocol_site.cases): what each audit event records.
    AUDIT_ACTION = "groups.representative_meeting"
    AUDIT_FIELDS = ("status",)

    reference = models.CharField(max_length=20, unique=True)
    officer = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="representative_meetings"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    representative = models.CharField(max_length=150)
    representative_role = models.CharField(max_length=150)
    subject = models.CharField(max_length=200)
    meeting_date = models.DateField()
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="+")
    local_councillor = models.ForeignKey(
        Councillor, on_delete=models.PROTECT, related_name="representative_meetings"
    )
    status = FSMField(default=Status.REQUESTED, choices=Status.choices, protected=True)
    created_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True)
    held_on = models.DateField(null=True, blank=True)
    local_councillor_present = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["officer", "-created_at"], name="rep_meeting_officer_idx"),
            models.Index(fields=["status", "-created_at"], name="rep_meeting_status_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="held") | Q(local_councillor_present=True),
                name="rep_meeting_held_with_local_councillor",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference}: meeting {self.representative}"

    @transition(field=status, source=Status.REQUESTED, target=Status.AUTHORISED)
    def authorise(self):
        pass

    @transition(field=status, source=Status.REQUESTED, target=Status.REFUSED)
    def refuse(self):
        pass

    @transition(field=status, source=Status.AUTHORISED, target=Status.HELD)
    def hold(self):
        pass
