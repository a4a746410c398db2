"""Relationship declarations (REG-1) and the appointment or dismissal panels they bar members
from (REG-2, 003 §6).

A councillor or an officer declares a relationship with someone on the other side. While it is
in effect (from `starts_on`, until `ends_on` if set, unless withdrawn) the two are *conflicted*:
see `declarations.conflicts`. A declaration not re-confirmed in time lapses for the register's
purposes, but still counts as a conflict: a relationship does not end because a form was late.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django_fsm import FSMField, transition
from simple_history.models import HistoricalRecords

from protocol_site.fsm import ProtectedStateMixin


class Relationship(models.TextChoices):
    FAMILY = "family", "Family (a relative)"
    PARTNER = "partner", "Partner"
    CLOSE_FRIENDSHIP = "close_friendship", "Close friendship"
    BUSINESS = "business", "Business connection"


class Side(models.TextChoices):
    COUNCILLOR = "councillor", "A councillor"
    OFFICER = "officer", "An officer"


class DeclarationQuerySet(models.QuerySet):
    def not_withdrawn(self):
        return self.exclude(status=Declaration.Status.WITHDRAWN)

    def in_effect(self, on=None):
        """In effect on `on` (default today): not withdrawn, started, and not ended. Lapsed
        declarations still count: a relationship does not end because a form was late."""
        on = on or timezone.localdate()
        return self.not_withdrawn().filter(
            Q(starts_on__lte=on), Q(ends_on__isnull=True) | Q(ends_on__gte=on)
        )

    def needs_reconfirming(self):
        """Standing past their re-confirmation date: not withdrawn, not ended by then (the
        queryset twin of `Declaration.needs_reconfirming`)."""
        return self.not_withdrawn().filter(
            Q(ends_on__isnull=True) | Q(ends_on__gt=models.F("confirm_by"))
        )

    def lapsed(self, today=None):
        """Not re-confirmed by their date while still standing."""
        return self.needs_reconfirming().filter(confirm_by__lt=today or timezone.localdate())


class Declaration(ProtectedStateMixin, models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Awaiting review"
        MORE_INFORMATION = "more_information", "More information asked for"
        REVIEWED = "reviewed", "Reviewed"
        WITHDRAWN = "withdrawn", "Withdrawn"

    # The case kit (protocol_site.cases): its timeline, and what each audit event records.
    TIMELINE = "steps"
    AUDIT_ACTION = "declarations.declaration"
    AUDIT_FIELDS = ("status", "cycle", "confirm_by")

    # Each status's tag colour on pages ({% status_tag %}).
    TAG_COLOURS = {
        "status": {
            Status.SUBMITTED: "blue",
            Status.MORE_INFORMATION: "yellow",
            Status.REVIEWED: "green",
            Status.WITHDRAWN: "grey",
        }
    }

    reference = models.CharField(max_length=20, unique=True)
    declarer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations_made"
    )
    declarer_side = models.CharField(max_length=12, choices=Side.choices)
    other_party = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="declarations_about"
    )
    relationship = models.CharField(max_length=20, choices=Relationship.choices)
    details = models.TextField(blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    status = FSMField(default=Status.SUBMITTED, choices=Status.choices, protected=True)
    created_at = models.DateTimeField(default=timezone.now)
    # Who was told (the officer's manager or Head of Service; 002 §3.c.iii, 003 §5.2(b)).
    manager_notified = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="declarations_notified",
    )
    # The Monitoring Officer's review (004 §5.2).
    information_requested = models.TextField(blank=True)
    mo_advice = models.TextField(blank=True)
    mo_action = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="declarations_reviewed",
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Yearly re-confirmation: a deadline column, swept by beat. `cycle` counts the
    # confirmations; each cycle has at most one reminder and one lapse (DeclarationStep).
    cycle = models.PositiveSmallIntegerField(default=0)
    confirmed_on = models.DateField()
    confirm_by = models.DateField()
    next_action_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(declarer=models.F("other_party")),
                name="declaration_two_people",
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="declaration_ends_after_start",
            ),
            # One open-ended declaration by a person about the same other person.
            models.UniqueConstraint(
                fields=["declarer", "other_party"],
                condition=Q(ends_on__isnull=True) & ~Q(status="withdrawn"),
                name="declaration_one_open_per_pair",
            ),
        ]
        indexes = [
            models.Index(fields=["declarer", "status"], name="declaration_declarer_idx"),
            models.Index(fields=["other_party", "status"], name="declaration_other_idx"),
            models.Index(
                fields=["next_action_at"],
                name="declaration_sweep_idx",
                condition=~Q(status="withdrawn"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference}: {self.get_relationship_display()}"

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN

    def has_ended(self, on=None) -> bool:
        """The relationship has ended (by its end date): nothing left to re-confirm."""
        return self.ends_on is not None and self.ends_on < (on or timezone.localdate())

    @property
    def needs_reconfirming(self) -> bool:
        """It stands past its re-confirmation date: not withdrawn, not ended by then."""
        return not self.is_withdrawn and (self.ends_on is None or self.ends_on > self.confirm_by)

    @property
    def is_lapsed(self) -> bool:
        """Not re-confirmed by its date while still standing."""
        return self.needs_reconfirming and self.confirm_by < timezone.localdate()

    # The transitions. Only services call these; each is audited there.
    @transition(
        field=status,
        source=[Status.SUBMITTED, Status.MORE_INFORMATION, Status.REVIEWED],
        target=Status.MORE_INFORMATION,
    )
    def ask_for_information(self):
        pass

    @transition(field=status, source=Status.MORE_INFORMATION, target=Status.SUBMITTED)
    def resubmit(self):
        pass

    @transition(
        field=status,
        source=[Status.SUBMITTED, Status.MORE_INFORMATION, Status.REVIEWED],
        target=Status.REVIEWED,
    )
    def review(self):
        pass

    @transition(
        field=status,
        source=[Status.SUBMITTED, Status.MORE_INFORMATION, Status.REVIEWED],
        target=Status.WITHDRAWN,
    )
    def withdraw(self):
        pass


class DeclarationStep(models.Model):
    """One step on a declaration's timeline. The reminders are unique per (declaration, kind,
    cycle), so two sweeps at once each send a reminder exactly once."""

    class Kind(models.TextChoices):
        DECLARED = "declared", "Declared"
        MANAGER_NOTIFIED = "manager_notified", "Manager told"
        INFORMATION_REQUESTED = "information_requested", "More information asked for"
        INFORMATION_GIVEN = "information_given", "More information given"
        REVIEWED = "reviewed", "Reviewed by the Monitoring Officer"
        CONFIRMED = "confirmed", "Re-confirmed"
        CHANGED = "changed", "Changed"
        WITHDRAWN = "withdrawn", "Withdrawn"
        CONFIRM_REMINDER = "confirm_reminder", "Reminded to re-confirm"
        LAPSED = "lapsed", "Lapsed: manager and Monitoring Officer told"

    REMINDER_KINDS = (Kind.CONFIRM_REMINDER, Kind.LAPSED)

    declaration = models.ForeignKey(Declaration, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    cycle = models.PositiveSmallIntegerField(default=0)  # which yearly confirmation
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # Who was told, on a MANAGER_NOTIFIED step: managers see the declarations they were told of.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="declaration_steps_received",
    )
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "kind", "cycle"],
                condition=Q(kind__in=["confirm_reminder", "lapsed"]),
                name="declaration_reminder_once",
            )
        ]
        indexes = [models.Index(fields=["declaration", "at"], name="declaration_step_idx")]

    def __str__(self) -> str:
        return f"{self.declaration.reference} {self.get_kind_display()}"


class Panel(models.Model):
    """An appointment or dismissal panel (003 §6): the post, the person, the members sitting."""

    class Purpose(models.TextChoices):
        APPOINTMENT = "appointment", "Appointment"
        DISMISSAL = "dismissal", "Dismissal"

    purpose = models.CharField(max_length=12, choices=Purpose.choices)
    post = models.ForeignKey("registers.Post", on_delete=models.PROTECT, related_name="panels")
    # A dismissal (or an internal candidate) names the officer; an outside candidate by name.
    officer = models.ForeignKey(
        "registers.Officer",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="panels",
    )
    candidate_name = models.CharField(max_length=200, blank=True)
    meets_on = models.DateField()
    members = models.ManyToManyField("registers.Councillor", related_name="panels", blank=True)
    notes = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        ordering = ["-meets_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(officer__isnull=False) | ~Q(candidate_name=""),
                name="panel_names_someone",
            )
        ]

    def __str__(self) -> str:
        who = self.officer or self.candidate_name
        return f"{self.get_purpose_display()} panel: {self.post} ({who})"


class CaseReached(models.Model):
    """An open case a declaration reached when it was made, confirmed or its dates changed: moved
    to someone else, or flagged to the Monitoring Officer where nobody else could take it. One row
    per declaration and case, so the same change never moves or flags a case twice."""

    class Outcome(models.TextChoices):
        MOVED = "moved", "Moved"
        FLAGGED = "flagged", "Flagged to the Monitoring Officer"

    declaration = models.ForeignKey(
        Declaration, on_delete=models.CASCADE, related_name="cases_reached"
    )
    case_type = models.CharField(max_length=40)  # "enquiry", "complaint stage", …
    case_id = models.PositiveBigIntegerField()
    reference = models.CharField(max_length=40)
    url = models.CharField(max_length=200, blank=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    summary = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "case_type", "case_id"], name="declaration_reach_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.declaration.reference}: {self.reference} {self.get_outcome_display()}"
