"""Keeping local members informed (WARD-1) and the pre-election period (ELE-1).

A ward notice tells the members for one or more wards of a matter, a public meeting or a
consultation affecting them (004 §10, 000 §6.6, 002 §7.ii). A pre-election period is declared
by the Monitoring Officer with guidance for members and officers (001 §8.01, 003 §11.3).
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from registers.models import Ward


class WardNotice(models.Model):
    class Kind(models.TextChoices):
        MATTER = "matter", "A matter affecting the ward"
        PUBLIC_MEETING = "public_meeting", "A public meeting"
        CONSULTATION = "consultation", "A consultation"
        # Officers keep members informed of media interest in the council's activities in
        # their ward, especially strategic or contentious matters.
        MEDIA_INTEREST = "media_interest", "Media interest in a matter affecting the ward"

    # Each kind's tag on pages ({% status_tag notice "kind" %}): colour and short words.
    TAG_COLOURS = {
        "kind": {
            Kind.MATTER: "grey",
            Kind.PUBLIC_MEETING: "blue",
            Kind.CONSULTATION: "purple",
            Kind.MEDIA_INTEREST: "orange",
        }
    }
    TAG_LABELS = {
        "kind": {
            Kind.MATTER: "Matter affecting the ward",
            Kind.PUBLIC_MEETING: "Public meeting",
            Kind.CONSULTATION: "Consultation",
            Kind.MEDIA_INTEREST: "Media interest",
        }
    }

    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.CharField(max_length=200)
    details = models.TextField()
    wards = models.ManyToManyField(Ward, related_name="notices")
    # A public meeting: when and where (004 §10.5, 002 §7.ii).
    meeting_at = models.DateTimeField(null=True, blank=True)
    place = models.CharField(max_length=200, blank=True)
    # A consultation: when it closes (004 §10.6).
    consultation_closes_on = models.DateField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(null=True, blank=True)
    # Bumped at each change the ward members are told of, so each is emailed once.
    revision = models.PositiveSmallIntegerField(default=0)
    # Withdrawn: the matter was dropped or the meeting cancelled. It stays on the record.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdraw_reason = models.TextField(blank=True)
    history = HistoricalRecords(m2m_fields=[wards])

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        indexes = [
            models.Index(fields=["-recorded_at"], name="ward_notice_recent_idx"),
            models.Index(fields=["recorded_by", "-recorded_at"], name="ward_notice_recorder_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="public_meeting") | Q(meeting_at__isnull=False) & ~Q(place=""),
                name="ward_notice_meeting_has_time_and_place",
            ),
            models.CheckConstraint(
                condition=~Q(kind="consultation") | Q(consultation_closes_on__isnull=False),
                name="ward_notice_consultation_has_closing_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_meeting(self) -> bool:
        return self.kind == self.Kind.PUBLIC_MEETING

    @property
    def is_consultation(self) -> bool:
        return self.kind == self.Kind.CONSULTATION

    @property
    def is_media_interest(self) -> bool:
        return self.kind == self.Kind.MEDIA_INTEREST

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class ElectionPeriod(models.Model):
    """From `starts_on` to the end of polling day, unless the Monitoring Officer ends it early.

    `last_day` is polling day, or the day it was ended early: periods may not overlap, and
    the overlap check and "which period is on" are both plain indexed date comparisons.
    """

    name = models.CharField(max_length=150)
    starts_on = models.DateField()
    polling_day = models.DateField()
    guidance = models.TextField()
    last_day = models.DateField()
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    declared_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    end_reason = models.TextField(blank=True)
    # Bumped at each change members and officers are told of, so each is emailed once.
    revision = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    # Its state's tag on pages ({% status_tag period "state" %}): colour and words.
    TAG_COLOURS = {"state": {"current": "orange", "upcoming": "blue", "over": "grey"}}
    TAG_LABELS = {"state": {"current": "In force now", "upcoming": "Coming up", "over": "Over"}}

    class Meta:
        ordering = ["-starts_on", "-pk"]
        indexes = [models.Index(fields=["starts_on", "last_day"], name="election_period_on_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(polling_day__gte=F("starts_on")) & Q(last_day__gte=F("starts_on")),
                name="election_period_dates_in_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def ended_early(self) -> bool:
        return self.ended_at is not None

    def is_on(self, moment=None) -> bool:
        moment = moment or timezone.now()
        day = timezone.localdate(moment)
        return self.starts_on <= day <= self.last_day and (
            self.ended_at is None or moment < self.ended_at
        )

    def state(self, today=None) -> str:
        """ "current", "upcoming" or "over" (ended early or past polling day)."""
        today = today or timezone.localdate()
        if self.ended_at is not None or self.last_day < today:
            return "over"
        if self.starts_on > today:
            return "upcoming"
        return "current"


class ProtocolVersion(models.Model):
    """A version of the council's protocol, published in the product for members and officers
    to read and confirm they have read (004: the committee report asks that all are made aware
    of it). The latest published is the current one."""

    version = models.CharField(max_length=80, unique=True)
    summary = models.TextField(blank=True)
    text = models.TextField()
    link = models.URLField(blank=True, max_length=500)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    published_at = models.DateTimeField(default=timezone.now)
    # How many rounds of reminders have gone to those who have not confirmed (each round once).
    reminders_sent = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = ["published_at", "pk"]

    def __str__(self) -> str:
        return self.version


class ProtocolReading(models.Model):
    """A member or officer confirmed they have read a version: once each."""

    version = models.ForeignKey(ProtocolVersion, on_delete=models.CASCADE, related_name="readings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="protocol_readings"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-confirmed_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "user"], name="protocol_read_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} read {self.version}"


from .meetings.models import MemberMeeting  # noqa: E402  (its own module, one app)

__all__ = [
    "ElectionPeriod",
    "MemberMeeting",
    "ProtocolReading",
    "ProtocolVersion",
    "WardNotice",
]
