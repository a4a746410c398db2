"""Advice from the Monitoring Officer, and members' reports of lobbying about employment.

A member or an officer asks the Monitoring Officer for advice on the protocol, on disclosing
confidential information, on legality or on freedom of information; on financial matters the
Chief Finance Officer advises too. Each request is a confidential case on a working-day clock
(the council's ADVICE_WORKING_DAYS): the adviser is reminded on the morning it is due, and
advice still not given by the end of that day goes to the Deputy (or, for the Chief Finance
Officer's, to the Monitoring Officer).

A member who is lobbied by an officer about the officer's own employment tells the Monitoring
Officer at once: a LobbyingReport, confidential to the member and the Monitoring Officer (and
the Deputy), on which the Monitoring Officer records what they did.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from protocol_site.cases.sweep import TimedStep
from protocol_site.fsm import ProtectedStateMixin


class Topic(models.TextChoices):
    PROTOCOL = "protocol", "The protocol, or how it applies"
    CONFIDENTIAL = "confidential", "Disclosing information given in confidence"
    LEGALITY = "legality", "Whether a decision is lawful, or maladministration"
    FINANCIAL = "financial", "Financial impropriety, or the budget"
    FREEDOM_OF_INFORMATION = "freedom_of_information", "Freedom of information"


# The protocol rule (protocol_site.protocol_rules) behind each topic, for its reference.
TOPIC_RULES = {
    Topic.PROTOCOL: "mo_advice",
    Topic.CONFIDENTIAL: "confidential_information_advice",
    Topic.LEGALITY: "legality_advice",
    Topic.FINANCIAL: "legality_advice",
    Topic.FREEDOM_OF_INFORMATION: "freedom_of_information_advice",
}


class AskerSide(models.TextChoices):
    COUNCILLOR = "councillor", "A councillor"
    OFFICER = "officer", "An officer"


class AdviceRequest(ProtectedStateMixin, models.Model):
    class Status(models.TextChoices):
        ASKED = "asked", "Awaiting advice"
        ADVISED = "advised", "Advice given"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # The case kit (protocol_site.cases): its timeline, and what each audit event records.
    TIMELINE = "steps"
    AUDIT_ACTION = "advice.request"
    AUDIT_FIELDS = ("status", "topic", "due_on")
    TAG_COLOURS = {
        "status": {Status.ASKED: "blue", Status.ADVISED: "green", Status.WITHDRAWN: "grey"}
    }

    reference = models.CharField(max_length=20, unique=True)
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advice_asked"
    )
    asker_side = models.CharField(max_length=12, choices=AskerSide.choices)
    topic = models.CharField(max_length=30, choices=Topic.choices)
    question = models.TextField()
    status = FSMField(default=Status.ASKED, choices=Status.choices, protected=True)
    created_at = models.DateTimeField(default=timezone.now)
    # The working-day clock: the day advice is due, and the sweep's next moment.
    due_on = models.DateField()
    next_action_at = models.DateTimeField(null=True, blank=True)
    # The advice.
    advice = models.TextField(blank=True)
    advised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="advice_given",
    )
    advised_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["asker", "status"], name="advice_asker_idx"),
            models.Index(fields=["status", "due_on"], name="advice_queue_idx"),
            models.Index(
                fields=["next_action_at"],
                name="advice_sweep_idx",
                condition=Q(status="asked"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.get_topic_display()}"

    @property
    def party_user_ids(self) -> tuple[int, ...]:
        """Whoever asked: never the one who advises (registers.ladder.case_parties)."""
        return (self.asker_id,)

    @property
    def is_financial(self) -> bool:
        return self.topic == Topic.FINANCIAL

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.ASKED

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on < timezone.localdate()

    @property
    def topic_rule(self) -> str:
        return TOPIC_RULES[self.topic]

    # The transitions. Only services call these; each is audited there.
    @transition(field=status, source=Status.ASKED, target=Status.ADVISED)
    def give_advice(self):
        pass

    @transition(field=status, source=Status.ASKED, target=Status.WITHDRAWN)
    def withdraw(self):
        pass


class AdviceStep(TimedStep, models.Model):
    """One step on a request's timeline. The reminder and the escalation are unique per
    request, so two sweeps at once each take them exactly once."""

    class Kind(models.TextChoices):
        ASKED = "asked", "Advice asked for"
        ADVISED = "advised", "Advice given"
        WITHDRAWN = "withdrawn", "Withdrawn"
        REMINDER = "reminder", "Adviser reminded: advice due today"
        ESCALATED = "escalated", "Overdue: passed on"

    ONCE_KINDS = (Kind.REMINDER, Kind.ESCALATED)
    LATE_HEADINGS = {
        Kind.REMINDER: "Adviser reminded, late",
        Kind.ESCALATED: "Overdue: passed on, late",
    }

    request = models.ForeignKey(AdviceRequest, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    due_at = models.DateTimeField(null=True, blank=True)  # a sweep's step: when it was due
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "kind"],
                condition=Q(kind__in=["reminder", "escalated"]),
                name="advice_step_once",
            )
        ]
        indexes = [models.Index(fields=["request", "at"], name="advice_step_idx")]

    def __str__(self) -> str:
        return f"{self.request.reference} {self.get_kind_display()}"


class LobbyingReport(ProtectedStateMixin, models.Model):
    """A member tells the Monitoring Officer that an officer lobbied them about the officer's
    own employment. Confidential: the member, the Monitoring Officer and the Deputy."""

    class Status(models.TextChoices):
        REPORTED = "reported", "With the Monitoring Officer"
        ACTIONED = "actioned", "Action recorded"

    AUDIT_ACTION = "advice.lobbying"
    AUDIT_FIELDS = ("status", "officer", "lobbied_on")
    TAG_COLOURS = {"status": {Status.REPORTED: "blue", Status.ACTIONED: "green"}}

    reference = models.CharField(max_length=20, unique=True)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="lobbying_reported"
    )
    officer = models.ForeignKey(
        "registers.Officer", on_delete=models.PROTECT, related_name="lobbying_reports"
    )
    lobbied_on = models.DateField()
    what = models.TextField()
    status = FSMField(default=Status.REPORTED, choices=Status.choices, protected=True)
    created_at = models.DateTimeField(default=timezone.now)
    action = models.TextField(blank=True)
    actioned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="lobbying_actioned",
    )
    actioned_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["member", "status"], name="lobbying_member_idx")]

    def __str__(self) -> str:
        return f"{self.reference}: lobbying about employment"

    @property
    def party_user_ids(self) -> tuple[int, ...]:
        return (self.member_id, self.officer.user_id)

    @transition(field=status, source=[Status.REPORTED, Status.ACTIONED], target=Status.ACTIONED)
    def record_action(self):
        pass
