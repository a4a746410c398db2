"""REG-3: members' visits to council premises, with advance notice to the Director; a visit
to a school arranged through its Headteacher; an unannounced visit in special circumstances,
recorded afterwards with its reason. The status moves only through registers.services.visits."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from protocol_site.fsm import ProtectedStateMixin

from .councillors import Councillor
from .organisation import Directorate, Officer, Service


class Visit(ProtectedStateMixin, models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", "Requested"
        ARRANGED = "arranged", "Arranged"
        CANCELLED = "cancelled", "Cancelled"
        UNANNOUNCED = "unannounced", "Unannounced, recorded afterwards"

    # The case kit (protocol_site.cases): what each audit event records.
    AUDIT_ACTION = "registers.visit"
    AUDIT_FIELDS = ("status",)

    # Each status's tag on pages ({% status_tag %}): its colour, and words where they differ.
    TAG_COLOURS = {
        "status": {
            Status.REQUESTED: "blue",
            Status.ARRANGED: "green",
            Status.CANCELLED: "grey",
            Status.UNANNOUNCED: "orange",
        }
    }
    TAG_LABELS = {
        "status": {Status.REQUESTED: "Awaiting arrangements", Status.UNANNOUNCED: "Unannounced"}
    }

    councillor = models.ForeignKey(Councillor, on_delete=models.PROTECT, related_name="visits")
    premises = models.CharField(max_length=200)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="visits")
    # The service's directorate when the visit was asked for: its Director makes arrangements.
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="visits")
    starts_at = models.DateTimeField(verbose_name="date and time")
    purpose = models.TextField()
    # A visit to a school: the school, and that its Headteacher arranged or agreed the visit.
    school = models.CharField(max_length=200, blank=True)
    headteacher_agreed = models.BooleanField(
        "the Headteacher arranged or agreed the visit", default=False
    )
    # An unannounced visit in special circumstances, recorded afterwards: why it could not be
    # announced.
    unannounced_reason = models.TextField("special circumstances", blank=True)
    status = FSMField(default=Status.REQUESTED, choices=Status.choices, protected=True)
    requested_at = models.DateTimeField(default=timezone.now)
    # The Director told in advance (an acting Director where there is one).
    director = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="visits_notified"
    )
    # The arrangements: who meets the member, and any conditions (health and safety, timing).
    meeting_officer = models.ForeignKey(
        Officer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits_hosted",
        verbose_name="officer meeting the member",
    )
    conditions = models.TextField(blank=True)
    arranged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits_arranged",
    )
    arranged_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancel_reason = models.TextField(blank=True, verbose_name="reason for cancelling")
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_at"]
        indexes = [
            models.Index(fields=["directorate", "-starts_at"], name="visit_directorate_idx"),
            models.Index(fields=["councillor", "-starts_at"], name="visit_councillor_idx"),
        ]

    def __str__(self) -> str:
        when = timezone.localtime(self.starts_at)
        return f"{self.premises}, {when.day} {when:%B %Y}"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CANCELLED

    @property
    def is_upcoming(self) -> bool:
        return self.starts_at > timezone.now()

    # The transitions. Only services call these; each is audited there.
    @transition(field=status, source=Status.REQUESTED, target=Status.ARRANGED)
    def arrange(self):
        pass

    @transition(field=status, source=[Status.REQUESTED, Status.ARRANGED], target=Status.CANCELLED)
    def cancel(self):
        pass

    @transition(field=status, source=Status.REQUESTED, target=Status.UNANNOUNCED)
    def record_unannounced(self):
        """Only when the visit is first recorded, after it was made."""

    @property
    def is_unannounced(self) -> bool:
        return self.status == self.Status.UNANNOUNCED

    @property
    def is_school_visit(self) -> bool:
        return bool(self.school)
