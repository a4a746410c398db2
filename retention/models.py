"""The retention schedule democratic services keep, the legal holds that stop it for a case,
and the record of each case anonymised (exactly once: its row is unique)."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class RecordKind(models.TextChoices):
    ENQUIRY = "enquiry", "Members' enquiries"
    COMPLAINT = "complaint", "Member and officer complaints"
    DECLARATION = "declaration", "Relationship declarations"
    BRIEFING = "briefing", "Political group briefings and notes"
    ADVICE = "advice", "Requests for the Monitoring Officer's advice"
    LOBBYING = "lobbying", "Reports of lobbying about an officer's employment"
    MEMBER_MEETING = "member_meeting", "Members' public meetings"
    WARD_NOTICE = "ward_notice", "Ward notices (media interest among them)"
    VISIT = "visit", "Members' visits (school and unannounced visits among them)"
    TRAINING = "training", "Member training and induction attendance"
    INBOUND_EMAIL = "inbound_email", "Emails received that became no enquiry"


# The schedule's first values. Casework and confidential advice: six years after it ends (the
# limitation period for a claim in contract or tort, the period most councils' schedules use
# for casework); a member's training record: six years, a term of office and more. Meetings,
# visits and ward notices: two years after their date (long enough for the annual report and a
# question about it). An email that became no enquiry: a year after it was dealt with.
DEFAULT_YEARS = {kind: 6 for kind in RecordKind} | {
    RecordKind.MEMBER_MEETING: 2,
    RecordKind.WARD_NOTICE: 2,
    RecordKind.VISIT: 2,
    RecordKind.INBOUND_EMAIL: 1,
}

# From when each kind's period counts, in words for the schedule page.
COUNTED_FROM = {
    RecordKind.ENQUIRY: "the enquiry was closed (answered, declined or withdrawn)",
    RecordKind.COMPLAINT: "the complaint was closed",
    RecordKind.DECLARATION: "the relationship ended, or the declaration was withdrawn",
    RecordKind.BRIEFING: "the briefing request was closed",
    RecordKind.ADVICE: "the advice was given, or the request withdrawn",
    RecordKind.LOBBYING: "the Monitoring Officer recorded their action",
    RecordKind.MEMBER_MEETING: "the meeting's date",
    RecordKind.WARD_NOTICE: (
        "the notice's date: the meeting's, the consultation's closing date, or when it was "
        "recorded or last changed"
    ),
    RecordKind.VISIT: "the visit's date",
    RecordKind.TRAINING: "the session's date",
    RecordKind.INBOUND_EMAIL: "it was dealt with: discarded, or set aside as an automatic reply",
}


class RetentionRule(models.Model):
    """How long one kind of record keeps its personal details after it ends."""

    # Why a rule changed is kept with its history, whose change reason holds no more.
    REASON_MOST = 100

    kind = models.CharField(max_length=20, choices=RecordKind.choices, unique=True)
    keep_years = models.PositiveSmallIntegerField(
        "years to keep",
        validators=[MinValueValidator(1), MaxValueValidator(50)],
    )
    changed_at = models.DateTimeField(default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.keep_years} years"

    @property
    def counted_from(self) -> str:
        return COUNTED_FROM[RecordKind(self.kind)]


class LegalHoldQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(lifted_at__isnull=True)


class LegalHold(models.Model):
    """A case kept as it is (litigation, an investigation, a request under way): the schedule
    does not anonymise it, nor does an erasure, until the hold is lifted."""

    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    case_id = models.PositiveBigIntegerField()
    reference = models.CharField(max_length=20)
    reason = models.TextField()
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = models.TextField(blank=True)

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-set_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "case_id"],
                condition=Q(lifted_at__isnull=True),
                name="one_legal_hold_in_force",
            )
        ]

    def __str__(self) -> str:
        return f"Legal hold on {self.reference}"


class Anonymisation(models.Model):
    """One case anonymised: by the schedule, or by an erasure. Unique per case, so two runs at
    once, a retried task or an erasure racing the schedule anonymise it once."""

    class Why(models.TextChoices):
        SCHEDULE = "schedule", "Retention schedule"
        ERASURE = "erasure", "Erasure of a person's details"

    kind = models.CharField(max_length=20, choices=RecordKind.choices)
    case_id = models.PositiveBigIntegerField()
    reference = models.CharField(max_length=20)
    why = models.CharField(max_length=10, choices=Why.choices)
    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    files_removed = models.PositiveIntegerField(default=0)
    audit_events_redacted = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [models.UniqueConstraint(fields=["kind", "case_id"], name="anonymised_once")]

    def __str__(self) -> str:
        return f"{self.reference} anonymised ({self.get_why_display()})"


class Erasure(models.Model):
    """A person's details erased where the law allows: who asked for it, why, and what it
    did. The person is named by what was searched for; their details are not kept."""

    at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    subject = models.CharField(
        max_length=40, help_text="Which person: a user's number, or a constituent's reference."
    )
    lawful_basis = models.TextField()
    cases_anonymised = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"Erasure {self.pk} on {self.at:%Y-%m-%d}"
