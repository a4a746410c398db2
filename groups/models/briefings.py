"""Briefing requests from political groups and what comes of them (GRP-2 to GRP-7, GRP-9).

A Group Leader asks the Chief Executive or a Director for a briefing note or for an officer to
attend a group meeting; the Chief Executive clears, declines or nominates (001 §1.11,
002 §9.b.ii). The officer writes the note (002 §9.a.ii) or attends and logs it (004 §6.2-6.3).
Under equal access an issued note is offered to the other groups (003 §7.1(b)); a confidential
briefing (004 §7.1) stays with its member unless they share it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_fsm import FSMField, transition

from protocol_site.fsm import ProtectedStateMixin
from registers.models import Officer, PoliticalGroup


class Status(models.TextChoices):
    REQUESTED = "requested", "Waiting for the Chief Executive"
    CLEARED = "cleared", "Cleared"
    DECLINED = "declined", "Declined"
    COMPLETED = "completed", "Done"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Each status's tag colour on pages ({% status_tag %}).
STATUS_COLOURS = {
    Status.REQUESTED: "yellow",
    Status.CLEARED: "blue",
    Status.DECLINED: "red",
    Status.COMPLETED: "green",
    Status.WITHDRAWN: "grey",
}

OPEN_STATUSES = (Status.REQUESTED, Status.CLEARED)


class BriefingRequestQuerySet(models.QuerySet):
    def open(self):
        """Awaiting the Chief Executive's decision, or cleared and not yet given."""
        return self.filter(status__in=OPEN_STATUSES)

    def closed(self):
        return self.exclude(status__in=OPEN_STATUSES)


class BriefingRequest(ProtectedStateMixin, models.Model):
    TAG_COLOURS = {"status": STATUS_COLOURS}

    class Kind(models.TextChoices):
        NOTE = "note", "A briefing note"
        ATTENDANCE = "attendance", "An officer to attend a group meeting"

    # The case kit (protocol_site.cases): its timeline, and what each audit event records.
    TIMELINE = "events"
    AUDIT_ACTION = "groups.briefing"
    AUDIT_FIELDS = ("status", "officer")

    reference = models.CharField(max_length=20, unique=True)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    group = models.ForeignKey(
        PoliticalGroup, on_delete=models.PROTECT, related_name="briefing_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="briefings_requested"
    )
    addressed_to = models.ForeignKey(
        Officer, on_delete=models.PROTECT, related_name="briefings_addressed"
    )
    subject = models.CharField(max_length=200)
    topic = models.CharField(
        max_length=150, help_text="The Council business it is about, e.g. the 2027/28 budget."
    )
    details = models.TextField(blank=True)
    meeting_date = models.DateField(help_text="The date of the group meeting.")
    others_present = models.TextField(blank=True)
    # GRP-5, 004 §6.6: a meeting with non-council attendees (e.g. MPs) needs an exception.
    non_council_attendees = models.BooleanField(default=False)
    non_council_names = models.TextField(blank=True)
    # GRP-6, 003 §7.1(b): the formal decision meeting the briefing comes before.
    decision_meeting = models.CharField(max_length=150, blank=True)
    decision_meeting_date = models.DateField(null=True, blank=True)
    # GRP-9, 001 §1.13: advice to a minority party preparing an alternative budget.
    alternative_budget = models.BooleanField(default=False)
    # GRP-7, 004 §7.1: a private briefing for the member who asked, not for the group.
    confidential = models.BooleanField(default=False)
    status = FSMField(default=Status.REQUESTED, choices=Status.choices, protected=True)
    created_at = models.DateTimeField(default=timezone.now)
    # ELE-1: asked for during a pre-election period (fixed when logged).
    in_pre_election_period = models.BooleanField(default=False)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="briefings_decided",
    )
    officer = models.ForeignKey(
        Officer,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="briefings_assigned",
        help_text="The officer who writes the note or attends: the addressee or a nominee.",
    )
    decline_reason = models.TextField(blank=True)
    exception_text = models.TextField(
        blank=True, help_text="The Chief Executive's written exception."
    )
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = BriefingRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["group", "-created_at"], name="briefing_group_idx"),
            models.Index(fields=["officer", "status"], name="briefing_officer_idx"),
            models.Index(fields=["addressed_to", "status"], name="briefing_addressee_idx"),
            models.Index(fields=["requested_by", "-created_at"], name="briefing_requester_idx"),
            models.Index(fields=["status", "-created_at"], name="briefing_status_idx"),
            # Newest first when the scope is an OR (the group's requests or one's own).
            models.Index(fields=["created_at", "id"], name="briefing_created_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(non_council_attendees=True) | Q(non_council_names=""),
                name="briefing_names_only_with_attendees",
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def nominated(self) -> bool:
        return self.officer_id is not None and self.officer_id != self.addressed_to_id

    # The transitions. Only services call these; each is audited there.
    @transition(field=status, source=Status.REQUESTED, target=Status.CLEARED)
    def clear(self):
        pass

    @transition(field=status, source=Status.REQUESTED, target=Status.DECLINED)
    def decline(self):
        pass

    @transition(field=status, source=Status.CLEARED, target=Status.COMPLETED)
    def complete(self):
        pass

    @transition(field=status, source=[Status.REQUESTED, Status.CLEARED], target=Status.WITHDRAWN)
    def withdraw(self):
        pass


class BriefingNote(ProtectedStateMixin, models.Model):
    """GRP-3: material facts, options and their merits; no political implications and no
    recommendation (002 §9.a.ii), which the author confirms before issue."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ISSUED = "issued", "Issued"

    request = models.OneToOneField(BriefingRequest, on_delete=models.CASCADE, related_name="note")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="briefing_notes"
    )
    facts = models.TextField()
    options = models.TextField()
    confirmed_no_politics = models.BooleanField(default=False)
    status = FSMField(default=Status.DRAFT, choices=Status.choices, protected=True)
    updated_at = models.DateTimeField(default=timezone.now)
    issued_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(confirmed_no_politics=True),
                name="briefing_note_issued_confirmed",
            )
        ]

    def __str__(self) -> str:
        return f"Briefing note for {self.request.reference}"

    @property
    def is_issued(self) -> bool:
        return self.status == self.Status.ISSUED

    @transition(field=status, source=Status.DRAFT, target=Status.ISSUED)
    def issue(self):
        pass


class BriefingOffer(models.Model):
    """GRP-6: an issued note offered to another group before the decision meeting, and when
    that group received it. Once received, the group's members may read the note (not the
    request it answered)."""

    note = models.ForeignKey(BriefingNote, on_delete=models.CASCADE, related_name="offers")
    group = models.ForeignKey(
        PoliticalGroup, on_delete=models.PROTECT, related_name="briefing_offers"
    )
    offered_at = models.DateTimeField(default=timezone.now)
    received_at = models.DateTimeField(null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-offered_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["note", "group"], name="briefing_offer_once")
        ]
        indexes = [models.Index(fields=["group", "-offered_at"], name="briefing_offer_group_idx")]

    def __str__(self) -> str:
        return f"Offer of {self.note.request.reference} to {self.group}"


class BriefingShare(models.Model):
    """GRP-7, 004 §7.1: the member's recorded permission to share a confidential briefing with
    one person. Deleted (and audited) when the permission is withdrawn."""

    request = models.ForeignKey(BriefingRequest, on_delete=models.CASCADE, related_name="shares")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="briefings_shared"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "user"], name="briefing_share_once")
        ]
        indexes = [models.Index(fields=["user", "request"], name="briefing_share_user_idx")]

    def __str__(self) -> str:
        return f"{self.request.reference} shared with {self.user}"


class SeniorCapacity(models.TextChoices):
    """004 §6.2: who of the senior officers attends with the officer."""

    CHIEF_EXECUTIVE = "chief_executive", "Chief Executive"
    DEPUTY_CHIEF_EXECUTIVE = "deputy_chief_executive", "Deputy Chief Executive"
    MONITORING_OFFICER = "monitoring_officer", "Monitoring Officer"
    NOMINEE = "nominee", "Their nominee"


class Attendance(models.Model):
    """GRP-4: the officer attended for the item and left before any decision and before party
    business (000 §8.4, 004 §6.3), with a senior officer present (004 §6.2). It records who
    and when, never what was said (004 §6.8)."""

    request = models.OneToOneField(
        BriefingRequest, on_delete=models.CASCADE, related_name="attendance"
    )
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="attendances")
    attended_on = models.DateField()
    senior_officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="+")
    senior_capacity = models.CharField(max_length=24, choices=SeniorCapacity.choices)
    left_before_decision = models.BooleanField()
    only_council_members = models.BooleanField()
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-attended_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(left_before_decision=True), name="attendance_left_before_decision"
            )
        ]

    def __str__(self) -> str:
        return f"Attendance for {self.request.reference}"


class BriefingEvent(models.Model):
    """One step on a request's timeline. Never the content of a note or a meeting."""

    class Kind(models.TextChoices):
        REQUESTED = "requested", "Requested"
        CLEARED = "cleared", "Cleared by the Chief Executive"
        NOMINATED = "nominated", "Representative nominated"
        DECLINED = "declined", "Declined"
        EXCEPTION = "exception", "Written exception copied to Group Leaders"
        NOTICE = "notice", "Notice of attendance given"
        NOTE_SAVED = "note_saved", "Note drafted"
        NOTE_ISSUED = "note_issued", "Note issued"
        OFFERED = "offered", "Offered to other groups"
        RECEIVED = "received", "Received by another group"
        ATTENDED = "attended", "Attendance recorded"
        SHARED = "shared", "Permission to share recorded"
        UNSHARED = "unshared", "Permission to share withdrawn"
        WITHDRAWN = "withdrawn", "Withdrawn"
        FLAGGED = "flagged", "Flagged to the Monitoring Officer"

    request = models.ForeignKey(BriefingRequest, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["request", "at"], name="briefing_event_idx")]

    def __str__(self) -> str:
        return f"{self.request.reference} {self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"
