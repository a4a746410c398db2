"""An enquiry's timeline (each step shown to the councillor and the officers) and the committee
chairs and lead members advised of the information given."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from protocol_site.cases.sweep import TimedStep
from registers.models import Councillor, Officer

from . import Enquiry


class EnquiryEvent(TimedStep, models.Model):
    """One step on an enquiry's timeline, shown to the councillor and the officers."""

    class Kind(models.TextChoices):
        LOGGED = "logged", "Logged"
        ROUTED = "routed", "Routed"
        ACKNOWLEDGED = "acknowledged", "Acknowledged"
        HOLDING_REPLY = "holding_reply", "Holding reply"
        EXTENSION_REQUESTED = "extension_requested", "More time asked for"
        EXTENSION_AGREED = "extension_agreed", "More time agreed"
        EXTENSION_REFUSED = "extension_refused", "More time refused"
        GUIDANCE_SOUGHT = "guidance_sought", "Guidance sought"
        REASSIGNED = "reassigned", "Reassigned"
        RESPONDED = "responded", "Responded"
        DECLINED = "declined", "Declined"
        REMINDER = "reminder", "Reminder"
        ESCALATED = "escalated", "Escalated"
        ADVISED = "advised", "Chair and lead member advised"
        FLAGGED = "flagged", "Flagged to the Monitoring Officer"
        # The conversation on the enquiry.
        COUNCILLOR_MESSAGE = "councillor_message", "Message from the councillor"
        OFFICER_MESSAGE = "officer_message", "Message to the councillor"
        NOTE = "note", "Internal note"
        QUESTION = "question", "Question for the councillor"
        ANSWER = "answer", "The councillor's answer"
        COUNCILLOR_REMINDED = "councillor_reminded", "Councillor reminded of the question"
        CHASED = "chased", "Chased by the councillor"
        WITHDRAWN = "withdrawn", "Withdrawn by the councillor"
        CLOSED_NO_REPLY = "closed_no_reply", "Closed: no reply from the councillor"
        SHARED = "shared", "Shared with a ward colleague"
        UNSHARED = "unshared", "No longer shared with a ward colleague"
        LINKED = "linked", "Linked with enquiries about the same matter"
        UNLINKED = "unlinked", "No longer linked with other enquiries"
        FOLLOW_UP = "follow_up", "Follow-up from the councillor"
        URGENT = "urgent", "Marked urgent by the councillor"
        NOT_URGENT = "not_urgent", "No longer urgent"
        ALLOCATED = "allocated", "Allocated from the team queue"
        PICKED_UP = "picked_up", "Picked up from the team queue"

    LATE_HEADINGS = {Kind.ESCALATED: "Escalated late", Kind.REMINDER: "Reminder, sent late"}

    # Steps whose text people write about the case itself. Where the casework text may not be
    # read (democratic services, 004 §7.5) the step and its time show, not the text.
    CASEWORK_TEXT_KINDS = frozenset(
        {
            Kind.HOLDING_REPLY,
            Kind.EXTENSION_REQUESTED,
            Kind.EXTENSION_AGREED,
            Kind.EXTENSION_REFUSED,
            Kind.GUIDANCE_SOUGHT,
            Kind.REASSIGNED,
            Kind.RESPONDED,
            Kind.DECLINED,
            Kind.COUNCILLOR_MESSAGE,
            Kind.OFFICER_MESSAGE,
            Kind.NOTE,
            Kind.QUESTION,
            Kind.ANSWER,
            Kind.CHASED,
            Kind.WITHDRAWN,
            Kind.FOLLOW_UP,
            Kind.URGENT,
            Kind.NOT_URGENT,
        }
    )
    # What the councillor and the officers say to each other (the API's messages).
    MESSAGE_KINDS = frozenset(
        {
            Kind.COUNCILLOR_MESSAGE,
            Kind.OFFICER_MESSAGE,
            Kind.QUESTION,
            Kind.ANSWER,
            Kind.CHASED,
            Kind.FOLLOW_UP,
        }
    )

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    detail = models.TextField(blank=True)
    officer = models.ForeignKey(
        Officer, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    new_date = models.DateField(null=True, blank=True)
    # Exactly once per enquiry, deadline and rung: (enquiry, kind, cycle, rung) is unique for
    # reminders and escalations. For an escalation, `rung` is the position on the council's
    # ladder that was reached.
    cycle = models.PositiveSmallIntegerField(null=True, blank=True)
    rung = models.PositiveSmallIntegerField(null=True, blank=True)
    # An escalation: the rung reached (a registers.ladder.Rung value), and the rung whose moment
    # it was when that was a different one (passed over: vacant, conflicted or had it already).
    reached_rung = models.CharField(max_length=24, blank=True, default="", db_default="")
    stood_in_for = models.CharField(max_length=24, blank=True, default="", db_default="")
    # A reminder or escalation: the moment it was due (`at` is when the sweep took it).
    due_at = models.DateTimeField(null=True, blank=True)
    visible_to_councillor = models.BooleanField(default=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["enquiry", "kind", "cycle", "rung"],
                condition=Q(kind__in=["reminder", "escalated", "councillor_reminded"]),
                name="enquiry_step_once",
            )
        ]
        indexes = [
            models.Index(fields=["enquiry", "at"], name="enquiry_event_idx"),
            # The annual report's per-enquiry flags: holding replies and escalations by rung.
            models.Index(
                fields=["enquiry", "kind", "rung"],
                name="enquiry_event_flag_idx",
                condition=Q(kind__in=["holding_reply", "escalated"]),
            ),
            # An officer's steps of one kind (the escalations that reached them, the guidance
            # asked of them): the home page's counts and who may open an enquiry.
            models.Index(fields=["officer", "kind", "enquiry"], name="enquiry_event_officer_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.enquiry.reference} {self.get_kind_display()} {self.at:%Y-%m-%d %H:%M}"

    @property
    def heading(self) -> str:
        """A follow-up names the round of the enquiry it opened (the first round is 1)."""
        if self.kind == self.Kind.FOLLOW_UP and self.cycle:
            return f"{self.get_kind_display()}: reopened, round {self.cycle + 1}"
        return super().heading


class AdvisedMember(models.Model):
    """A committee chair or lead member told that a member was given factual information
    (004 §7.3): they may open the copy of the response."""

    enquiry = models.ForeignKey(Enquiry, on_delete=models.CASCADE, related_name="advised")
    councillor = models.ForeignKey(Councillor, on_delete=models.PROTECT, related_name="+")
    advised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enquiry", "councillor"], name="advised_once")
        ]

    def __str__(self) -> str:
        return f"{self.councillor} advised of {self.enquiry}"
