"""Complaints between members and officers (CMP-1 to CMP-6): staged, confidential, timed."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_fsm import FSMField, transition

from protocol_site.cases.sweep import TimedStep
from protocol_site.fsm import ProtectedStateMixin
from registers.ladder import RUNG_LABELS, Rung
from registers.models import Councillor, Officer


class Status(models.TextChoices):
    OPEN = "open", "Open"
    RESOLVED = "resolved", "Resolved"
    REFERRED = "referred", "Referred"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Each status's tag colour on pages ({% status_tag %}).
STATUS_COLOURS = {
    Status.OPEN: "blue",
    Status.RESOLVED: "green",
    Status.REFERRED: "purple",
    Status.WITHDRAWN: "grey",
}

CLOSED_STATUSES = (Status.RESOLVED, Status.REFERRED, Status.WITHDRAWN)


class Outcome(models.TextChoices):
    """How a stage (and so the complaint) ended (CMP-4)."""

    RESOLVED_INFORMALLY = "resolved_informally", "Resolved informally"
    UPHELD = "upheld", "Upheld"
    PARTLY_UPHELD = "partly_upheld", "Partly upheld"
    NOT_UPHELD = "not_upheld", "Not upheld"
    WITHDRAWN = "withdrawn", "Withdrawn"
    REFERRED = "referred", "Referred"
    ESCALATED = "escalated", "Moved up a stage"
    COMPLAINANT_REQUEST = "complainant_request", "Moved up at the complainant's request"
    REPORTED = "reported", "Decided by the Monitoring Officer's report"


# The outcomes a handler records when deciding a stage.
DECISION_OUTCOMES = (
    Outcome.RESOLVED_INFORMALLY,
    Outcome.UPHELD,
    Outcome.PARTLY_UPHELD,
    Outcome.NOT_UPHELD,
)


class Referral(models.TextChoices):
    """003 §15: where a complaint goes when it leaves this procedure."""

    DISCIPLINARY = "disciplinary", "The council's disciplinary procedure"
    STANDARDS_COMMITTEE = "standards_committee", "The Standards Committee (Code of Conduct)"
    WHISTLEBLOWING = "whistleblowing", "The Whistleblowing Policy"


class ComplaintQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Status.OPEN)

    def closed(self):
        """Resolved, referred elsewhere or withdrawn."""
        return self.filter(status__in=CLOSED_STATUSES)


class Complaint(ProtectedStateMixin, models.Model):
    TAG_COLOURS = {"status": STATUS_COLOURS}

    class Direction(models.TextChoices):
        MEMBER_ABOUT_OFFICER = "member_about_officer", "A member's complaint about an officer"
        OFFICER_ABOUT_MEMBER = "officer_about_member", "An officer's complaint about a member"

    # The case kit (protocol_site.cases): its timeline and what each audit event records.
    TIMELINE = "events"
    AUDIT_ACTION = "complaints.complaint"
    AUDIT_FIELDS = ("status", "stage_number", "current_handler")

    reference = models.CharField(max_length=20, unique=True)
    direction = models.CharField(max_length=24, choices=Direction.choices)
    complainant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="complaints_made"
    )
    subject_officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="complaints_about"
    )
    subject_councillor = models.ForeignKey(
        Councillor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_about",
    )
    summary = models.CharField(max_length=200)
    details = models.TextField()
    status = FSMField(default=Status.OPEN, choices=Status.choices, protected=True)
    outcome = models.CharField(max_length=24, choices=Outcome.choices, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    mo_copied = models.BooleanField(default=False, help_text="The Monitoring Officer was copied.")
    subject_notified_at = models.DateTimeField(null=True, blank=True)
    # When the Monitoring Officer reported the outcome: from then the complaint is closed and
    # stays so (no stage above, no sweep, no asking for the next stage).
    reported_at = models.DateTimeField(null=True, blank=True)
    # The current stage, denormalised for queues: its number and handler.
    stage_number = models.PositiveSmallIntegerField(default=0)
    current_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_handling",
    )
    # Who handles the current stage beside its handler: the Senior Human Resources Manager
    # with the Monitoring Officer, on a complaint about the Chief Executive (council rule).
    current_co_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_co_handling",
    )
    next_action_at = models.DateTimeField(null=True, blank=True)
    # What a search finds it by (PostgreSQL; complaints.search): kept by the services.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        direction="member_about_officer",
                        subject_officer__isnull=False,
                        subject_councillor__isnull=True,
                    )
                    | Q(
                        direction="officer_about_member",
                        subject_officer__isnull=True,
                        subject_councillor__isnull=False,
                    )
                ),
                name="complaint_one_subject_for_direction",
            )
        ]
        indexes = [
            models.Index(
                fields=["next_action_at"],
                name="complaint_sweep_idx",
                condition=Q(status="open"),
            ),
            models.Index(fields=["current_handler", "status"], name="complaint_queue_idx"),
            models.Index(fields=["complainant", "-created_at"], name="complaint_complainant_idx"),
            # Newest first (the Monitoring Officer's queue, the API) and the report's period;
            # the queue is counted from this index alone.
            models.Index(
                fields=["created_at", "id"],
                include=["mo_copied"],
                name="complaint_created_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.summary}"

    @property
    def is_open(self) -> bool:
        return self.status == Status.OPEN

    @property
    def handler_ids(self) -> tuple[int, ...]:
        """Whoever handles the current stage: its handler, and anyone handling it with them."""
        return tuple(i for i in (self.current_handler_id, self.current_co_handler_id) if i)

    @property
    def subject(self):
        return self.subject_officer or self.subject_councillor

    @property
    def subject_user_id(self) -> int:
        return self.subject.user_id

    @property
    def member(self):
        """The councillor party to it: the complainant, or the member it is about."""
        if self.subject_councillor_id:
            return self.subject_councillor
        return getattr(self.complainant, "councillor", None)

    @property
    def member_group_contact(self):
        """The member's political group, where it names a contact for the protocol other than
        the member themself (000 §5.3); None otherwise."""
        member = self.member
        group = member.group if member is not None else None
        if group is None or group.protocol_contact_id in (None, member.pk):
            return None
        return group

    @property
    def party_user_ids(self) -> tuple[int, int]:
        """Whoever raised it and whoever it is about: neither acts on it as Monitoring
        Officer (registers.roles.may_act_as_monitoring_officer)."""
        return (self.complainant_id, self.subject_user_id)

    # The transitions. Only services call these; each is audited there.
    @transition(field=status, source=Status.OPEN, target=Status.RESOLVED)
    def resolve(self):
        pass

    @transition(field=status, source=Status.OPEN, target=Status.REFERRED)
    def refer(self):
        pass

    @transition(field=status, source=Status.OPEN, target=Status.WITHDRAWN)
    def withdraw(self):
        pass

    @transition(field=status, source=Status.RESOLVED, target=Status.OPEN)
    def reopen(self):
        """The complainant, unhappy with the outcome, asks for the next stage."""

    @transition(field=status, source=[Status.OPEN, Status.RESOLVED], target=Status.REFERRED)
    def to_standards_committee(self):
        """The officer who raised it takes it to the Standards Committee instead."""


class ComplaintStage(ProtectedStateMixin, models.Model):
    """One stage of a complaint, with one handler. Stage N+1 is the escalation record: the
    unique (complaint, number) makes moving up happen exactly once."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        CLOSED = "closed", "Closed"

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="stages")
    number = models.PositiveSmallIntegerField()
    rung = models.CharField(max_length=24, choices=[(r.value, RUNG_LABELS[r]) for r in Rung])
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="complaint_stages"
    )
    handler_role = models.CharField(max_length=60)
    # Handles the stage together with the handler, with the same powers (Complaint's
    # current_co_handler while the stage is current).
    co_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaint_stages_co_handled",
    )
    opened_reason = models.TextField(blank=True)
    opened_at = models.DateTimeField(default=timezone.now)
    acknowledge_by = models.DateField()
    resolve_by = models.DateField()
    # When the handler is reminded to acknowledge, if they have not; None when too late to.
    acknowledge_reminder_at = models.DateTimeField(null=True, blank=True)
    # A stage the sweep opened: the moment the stage below ran out of time (opened_at is when
    # the sweep took it), and the rung next in line when it was passed over for this one.
    due_at = models.DateTimeField(null=True, blank=True)
    stood_in_for = models.CharField(max_length=24, blank=True, default="", db_default="")
    # The top of the complaint's ladder: there is no stage above this one to move up to.
    last_rung = models.BooleanField(default=False, db_default=False)
    status = FSMField(default=Status.OPEN, choices=Status.choices, protected=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=24, choices=Outcome.choices, blank=True)
    referral = models.CharField(max_length=24, choices=Referral.choices, blank=True)
    outcome_note = models.TextField(blank=True)
    # 003 §13.3: formal action against an officer is management's alone and confidential;
    # never shown to the complainant or the subject, never in an email.
    management_note = models.TextField(blank=True)

    class Meta:
        ordering = ["complaint", "number"]
        constraints = [
            models.UniqueConstraint(fields=["complaint", "number"], name="complaint_stage_once")
        ]
        indexes = [models.Index(fields=["handler", "status"], name="complaint_stage_handler_idx")]

    def __str__(self) -> str:
        return f"{self.complaint.reference} stage {self.number} ({self.handler_role})"

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.CLOSED

    @property
    def handlers(self) -> list:
        """The users who handle the stage (the handler, and anyone beside them)."""
        return [self.handler] + ([self.co_handler] if self.co_handler_id else [])

    @property
    def handler_roles(self) -> str:
        """ "Monitoring Officer", or with whoever handles it beside them."""
        if self.co_handler_id:
            return f"{self.handler_role} and Senior Human Resources Manager"
        return self.handler_role

    @property
    def handled_by(self) -> str:
        """ "the Monitoring Officer", or with whoever handles it beside them."""
        if self.co_handler_id:
            return f"the {self.handler_role} and the Senior Human Resources Manager"
        return f"the {self.handler_role}"

    @transition(field=status, source=Status.OPEN, target=Status.ACKNOWLEDGED)
    def acknowledge(self):
        pass

    @transition(field=status, source=[Status.OPEN, Status.ACKNOWLEDGED], target=Status.CLOSED)
    def close(self):
        pass


class ComplaintEvent(TimedStep, models.Model):
    """One step on a complaint's timeline."""

    class Kind(models.TextChoices):
        RAISED = "raised", "Raised"
        STAGE_OPENED = "stage_opened", "Stage opened"
        MO_COPIED = "mo_copied", "Monitoring Officer copied"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        RESOLVED = "resolved", "Outcome recorded"
        REFERRED = "referred", "Referred"
        ESCALATED = "escalated", "Moved up a stage"
        NEXT_STAGE_REQUESTED = "next_stage_requested", "Next stage asked for"
        WITHDRAWN = "withdrawn", "Withdrawn"
        SUBJECT_NOTIFIED = "subject_notified", "Subject told"
        REMINDER = "reminder", "Overdue reminder"
        ACKNOWLEDGE_REMINDER = "acknowledge_reminder", "Reminder to acknowledge"
        COPIED = "copied", "Reported and copied"
        REPORTED = "reported", "Outcome reported"
        GROUP_LEADER_NOTIFIED = "group_leader_notified", "Group leader told"
        PASSED_ON = "passed_on", "Passed to another handler"
        FLAGGED = "flagged", "Flagged to the Monitoring Officer"
        COMPLAINANT_MESSAGE = "complainant_message", "Message from the complainant"
        HANDLER_MESSAGE = "handler_message", "Message from the handler"
        UPHELD_TO_CHIEF_EXECUTIVE = "upheld_to_ce", "Sent to the Chief Executive"
        CHIEF_EXECUTIVE_DECISION = "ce_decision", "The Chief Executive's decision"
        STANDARDS_COMMITTEE = "standards_committee", "Taken to the Standards Committee"

    LATE_HEADINGS = {
        Kind.STAGE_OPENED: "Stage opened: escalated late",
        Kind.REMINDER: "Overdue reminder, sent late",
        Kind.ACKNOWLEDGE_REMINDER: "Reminder to acknowledge, sent late",
    }

    # The conversation between the complainant and the stage's handler: read by the
    # complainant and those who see the internal side, never by anyone else, but for the
    # handler's messages they chose to share with the person the complaint is about.
    MESSAGE_KINDS = (Kind.COMPLAINANT_MESSAGE, Kind.HANDLER_MESSAGE)

    # Sweep steps: at most one of each kind per stage.
    ONCE_PER_STAGE = (Kind.REMINDER, Kind.ACKNOWLEDGE_REMINDER)

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    stage_number = models.PositiveSmallIntegerField(null=True, blank=True)
    detail = models.TextField(blank=True)
    # What the complainant (and a notified subject) may read; False for internal steps.
    visible_to_complainant = models.BooleanField(default=True)
    # A handler's message shared with the person the complaint is about (who reads no other).
    shared_with_subject = models.BooleanField(default=False, db_default=False)
    # A step the sweep took: the moment it was due (`at` is when it was taken).
    due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "kind", "stage_number"],
                condition=Q(kind__in=["reminder", "acknowledge_reminder"]),
                name="complaint_reminder_once",
            )
        ]
        indexes = [models.Index(fields=["complaint", "at"], name="complaint_event_idx")]

    def __str__(self) -> str:
        return f"{self.complaint.reference} {self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"


# Those a complaint is reported or copied to; the Chief Executive's decisions and rulings.
from .copies import ComplaintCopy  # noqa: E402, F401
from .top.models import ChiefExecutiveDecision, InterpretationRuling  # noqa: E402, F401
