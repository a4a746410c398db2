"""Members' enquiries (ENQ-1 to ENQ-10): the 10-working-day clock and its timeline."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.utils import timezone
from django_fsm import FSMField, transition

from protocol_site.council_rules import rule
from protocol_site.fsm import ProtectedStateMixin
from registers.models import Councillor, Officer, Service, Ward


class Status(models.TextChoices):
    LOGGED = "logged", "Logged"
    ACKNOWLEDGED = "acknowledged", "Acknowledged"
    HOLDING = "holding", "Holding reply sent"
    RESPONDED = "responded", "Responded"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn by the councillor"
    NO_REPLY = "no_reply", "Closed: no reply from the councillor"


# Each status's tag colour on pages ({% status_tag %}).
STATUS_COLOURS = {
    Status.LOGGED: "blue",
    Status.ACKNOWLEDGED: "light-blue",
    Status.HOLDING: "yellow",
    Status.RESPONDED: "green",
    Status.DECLINED: "grey",
    Status.WITHDRAWN: "grey",
    Status.NO_REPLY: "grey",
}

OPEN_STATUSES = (Status.LOGGED, Status.ACKNOWLEDGED, Status.HOLDING)
CLOSED_STATUSES = (Status.RESPONDED, Status.DECLINED, Status.WITHDRAWN, Status.NO_REPLY)


def open_urgent() -> Case:
    """1 for an open urgent enquiry, 0 for any other: the API lists them first (descending),
    from an index over this, `received_at` and `id` (enquiry_api_order_idx)."""
    return Case(
        When(Q(urgent=True, status__in=[s.value for s in OPEN_STATUSES]), then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )


# What the annual report and the Director's figures count, carried in their indexes.
REPORTED_COLUMNS = [
    "service",
    "status",
    "due_date",
    "first_reply_working_days",
    "target_cycle",
    "escalated_to",
    "follow_ups",
    "urgent",
]


def answered_on_time_q() -> Q:
    """First replied to within its clock's working days: the shorter urgent clock for an
    enquiry marked urgent, the ordinary one otherwise."""
    return Q(urgent=False, first_reply_working_days__lte=rule("ENQUIRY_WORKING_DAYS")) | Q(
        urgent=True, first_reply_working_days__lte=rule("ENQUIRY_URGENT_WORKING_DAYS")
    )


def answered_late_q() -> Q:
    """First replied to after its clock's working days (urgent or ordinary)."""
    return Q(urgent=False, first_reply_working_days__gt=rule("ENQUIRY_WORKING_DAYS")) | Q(
        urgent=True, first_reply_working_days__gt=rule("ENQUIRY_URGENT_WORKING_DAYS")
    )


def overdue_q(today) -> Q:
    """Open, past the date worked to, and not waiting for the councillor's answer (the clock
    stands still while it waits)."""
    return Q(status__in=OPEN_STATUSES, target_date__lt=today, waiting_since__isnull=True)


class EnquiryQuerySet(models.QuerySet):
    def open(self):
        """Not yet answered in full or declined: the clock is running."""
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self):
        return self.filter(status__in=CLOSED_STATUSES)

    def overdue(self, today=None):
        """Open, past the target date, and not waiting for the councillor's answer."""
        return self.filter(overdue_q(today or timezone.localdate()))


class Enquiry(ProtectedStateMixin, models.Model):
    TAG_COLOURS = {"status": STATUS_COLOURS}

    class Kind(models.TextChoices):
        CASEWORK = "casework", "Constituent casework"
        GENERAL = "general", "General or policy question"

    class Channel(models.TextChoices):
        ONLINE = "online", "Logged online by the councillor"
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone"
        LETTER = "letter", "Letter"
        IN_PERSON = "in_person", "In person"

    class DeclineReason(models.TextChoices):
        NO_NEED_TO_KNOW = "no_need_to_know", "No 'need to know'"
        CURIOSITY = "curiosity", "Mere curiosity or a 'roving commission'"
        PARTY_POLITICAL = "party_political", "Party-political work"
        CONFIDENTIAL_CASEWORK = "confidential_casework", "Confidential casework"
        DISPROPORTIONATE = "disproportionate", "Disproportionate burden"
        OTHER = "other", "Other reason"

    # The case kit (protocol_site.cases): its timeline and what each audit event records.
    TIMELINE = "events"
    AUDIT_ACTION = "enquiries.enquiry"
    AUDIT_FIELDS = ("status", "target_date", "assigned_to")
    # Its emails carry a reply address that brings a reply back here (protocol_site.reply_address).
    REPLY_BY_EMAIL = "e"

    reference = models.CharField(max_length=20, unique=True)
    councillor = models.ForeignKey(Councillor, on_delete=models.PROTECT, related_name="enquiries")
    ward = models.ForeignKey(
        Ward, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="enquiries")
    approached_officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(max_length=200)
    details = models.TextField()
    attachment = models.FileField(upload_to="enquiries/%Y/%m/", blank=True)
    channel = models.CharField(max_length=10, choices=Channel.choices, default=Channel.ONLINE)
    # On behalf of a constituent who is a council officer: the Monitoring Officer's advice the
    # councillor sought first.
    advice_request = models.ForeignKey(
        "advice.AdviceRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="enquiries",
    )
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    # The clock (ENQ-3). received_at is the real time of receipt; the rest is the calendar's.
    received_at = models.DateTimeField()
    day_of_receipt = models.DateField()
    due_date = models.DateField(help_text="Working day N after the day of receipt.")
    due_explanation = models.TextField()
    # The date reminders and escalation work from: the due date, moved by a holding reply's
    # expected date or an agreed extension (ENQ-4, ENQ-5).
    target_date = models.DateField()
    # Bumped whenever the target date moves, so the new date gets reminders of its own.
    target_cycle = models.PositiveSmallIntegerField(default=0)
    next_action_at = models.DateTimeField(null=True, blank=True)
    reminded_cycle = models.PositiveSmallIntegerField(null=True, blank=True)

    # Routing (ENQ-2).
    assigned_to = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="enquiries")
    director = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="copied_enquiries"
    )
    routing_reason = models.TextField()
    policy_flagged = models.BooleanField(default=False)
    # ELE-1: received during a pre-election period (notices.selectors.period_on), fixed when
    # logged so later changes to the period's dates do not rewrite history.
    in_pre_election_period = models.BooleanField(default=False)

    status = FSMField(default=Status.LOGGED, choices=Status.choices, protected=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    first_reply_at = models.DateTimeField(
        null=True, blank=True, help_text="The first full response or holding reply."
    )
    first_reply_working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    response = models.TextField(blank=True)
    decline_reason = models.CharField(max_length=30, choices=DeclineReason.choices, blank=True)
    decline_explanation = models.TextField(blank=True)
    pointed_to_foi = models.BooleanField(default=False)
    # How many rungs of the ladder this deadline (target_cycle) has passed.
    escalation_rung = models.PositiveSmallIntegerField(default=0)
    escalated_to = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="escalated_enquiries"
    )
    # The conversation: while an officer waits for the councillor's answer the clock stops
    # (EnquiryPause); the working days it stood still, all pauses together.
    waiting_since = models.DateTimeField(null=True, blank=True)
    paused_working_days = models.PositiveSmallIntegerField(default=0)
    withdraw_reason = models.TextField(blank=True)
    # Following up: each follow-up after a response reopens the enquiry with a clock of its
    # own, started when it came (the clock of the first round starts at receipt).
    follow_ups = models.PositiveSmallIntegerField(default=0)
    follow_up_at = models.DateTimeField(null=True, blank=True)
    # Urgent (a risk to a person, say): a shorter clock, first in the officers' queues.
    urgent = models.BooleanField(default=False)
    urgent_reason = models.TextField(blank=True)
    # Search (enquiries.search): written by the services, GIN-indexed on PostgreSQL only.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)
    # Waiting unallocated in its service's team queue: held for the clock by `assigned_to` (the
    # head of service) until allocated or picked up.
    in_team_queue = models.BooleanField(default=False)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name_plural = "enquiries"
        indexes = [
            models.Index(
                fields=["next_action_at"],
                name="enquiry_sweep_idx",
                condition=Q(status__in=["logged", "acknowledged", "holding"]),
            ),
            models.Index(fields=["assigned_to", "status", "target_date"], name="enquiry_queue_idx"),
            models.Index(fields=["councillor", "-received_at"], name="enquiry_member_idx"),
            models.Index(fields=["service", "status"], name="enquiry_service_idx"),
            models.Index(fields=["escalated_to", "status"], name="enquiry_escalated_idx"),
            models.Index(
                fields=["service", "received_at"],
                name="enquiry_team_queue_idx",
                condition=Q(in_team_queue=True),
            ),
            # Newest first across everything one sees (the API), and a period's enquiries for
            # the annual report, counted from the index alone (PostgreSQL covers the columns).
            models.Index(
                fields=["received_at", "id"],
                include=REPORTED_COLUMNS,
                name="enquiry_received_idx",
            ),
            # The API's order, open urgent first and then newest first, for its pages (one
            # row comparison on these three, scanned backwards: protocol_site.api_pagination).
            models.Index(open_urgent(), F("received_at"), F("id"), name="enquiry_api_order_idx"),
            # A directorate's enquiries in a period: the Director's live figures.
            models.Index(
                fields=["service", "received_at"],
                include=["id", *REPORTED_COLUMNS[1:]],
                name="enquiry_service_received_idx",
            ),
            # Who may see each open enquiry, beside it in one small index: a manager's count of
            # the open enquiries in their reach reads this, not the enquiries themselves.
            models.Index(
                fields=["service"],
                include=[
                    "id",
                    "assigned_to",
                    "logged_by",
                    "director",
                    "escalated_to",
                    "councillor",
                    "in_team_queue",
                ],
                name="enquiry_open_reach_idx",
                condition=Q(status__in=["logged", "acknowledged", "holding"]),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_waiting(self) -> bool:
        """Waiting for the councillor's answer to an officer's question: the clock stands still."""
        return self.is_open and self.waiting_since is not None

    @property
    def clock_started_at(self):
        """When this round's clock started: receipt, or the latest follow-up."""
        return self.follow_up_at or self.received_at

    def is_overdue(self, today=None) -> bool:
        if self.is_waiting:
            return False
        return self.is_open and (today or timezone.localdate()) > self.target_date

    # The transitions. Only services call these; each is audited there.
    @transition(field=status, source=Status.LOGGED, target=Status.ACKNOWLEDGED)
    def acknowledge(self):
        pass

    @transition(field=status, source=list(OPEN_STATUSES), target=Status.HOLDING)
    def send_holding_reply(self):
        pass

    @transition(field=status, source=list(OPEN_STATUSES), target=Status.RESPONDED)
    def respond(self):
        pass

    @transition(field=status, source=list(OPEN_STATUSES), target=Status.DECLINED)
    def decline(self):
        pass

    @transition(field=status, source=list(OPEN_STATUSES), target=Status.WITHDRAWN)
    def withdraw(self):
        pass

    @transition(field=status, source=list(OPEN_STATUSES), target=Status.NO_REPLY)
    def close_no_reply(self):
        pass

    @transition(field=status, source=Status.RESPONDED, target=Status.ACKNOWLEDGED)
    def reopen(self):
        pass


# The timeline and the advised members, the clock's pauses, requests for more time, links,
# shares, constituents' details and the conversation's files, in their own modules.
from .attachments import EnquiryAttachment as EnquiryAttachment  # noqa: E402
from .constituent import ConstituentDetails as ConstituentDetails  # noqa: E402
from .events import AdvisedMember as AdvisedMember  # noqa: E402
from .events import EnquiryEvent as EnquiryEvent  # noqa: E402
from .extensions import ExtensionRequest as ExtensionRequest  # noqa: E402
from .links import EnquiryLink as EnquiryLink  # noqa: E402
from .links import EnquiryMatter as EnquiryMatter  # noqa: E402
from .pauses import EnquiryPause as EnquiryPause  # noqa: E402
from .saved import SavedView as SavedView  # noqa: E402
from .sharing import EnquiryShare as EnquiryShare  # noqa: E402
from .wording import StandardWording as StandardWording  # noqa: E402
