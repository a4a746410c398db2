"""The top of the council: the Chief Executive's decision on an officer's upheld complaint about
a member, and the Chief Executive's rulings on interpreting the protocol."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_fsm import FSMField, transition

from protocol_site.fsm import ProtectedStateMixin
from protocol_site.protocol_rules import RULES


class ChiefExecutiveDecision(ProtectedStateMixin, models.Model):
    """An officer's complaint about a member, upheld, goes to the Chief Executive, who decides
    the course of action having told the Leader of the Council and the member's Group Leader
    and consulted the chair of the Standards Committee. One per complaint."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the Chief Executive"
        DECIDED = "decided", "Decided"

    complaint = models.OneToOneField(
        "complaints.Complaint", on_delete=models.CASCADE, related_name="chief_executive_decision"
    )
    status = FSMField(default=Status.PENDING, choices=Status.choices, protected=True)
    leader_told = models.BooleanField(default=False)
    leader = models.ForeignKey(
        "registers.Councillor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    group_leader_told = models.BooleanField(default=False)
    group_leader = models.ForeignKey(
        "registers.Councillor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    standards_chair_consulted = models.BooleanField(default=False)
    standards_chair = models.ForeignKey(
        "registers.Councillor", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decision = models.TextField(blank=True)
    referred_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-referred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.complaint.reference}: the Chief Executive's decision"

    @transition(field=status, source=Status.PENDING, target=Status.DECIDED)
    def decide(self):
        pass


class InterpretationRuling(models.Model):
    """The Chief Executive's ruling on how the protocol is to be read, after consulting the
    Monitoring Officer: the rule it interprets (so its paragraph in the council's protocol),
    the paragraph as it was numbered that day, and when."""

    reference = models.CharField(max_length=20, unique=True)
    title = models.CharField("What the ruling is about", max_length=200)
    ruling = models.TextField()
    # A rule key (protocol_site.protocol_rules.RULES), checked by the service: no choices here,
    # so a rule added to the product needs no migration of this table.
    rule = models.CharField("the part of the protocol it interprets", max_length=60)
    # The council's paragraph for the rule when the ruling was made ("" where none was set).
    paragraph = models.CharField(max_length=30, blank=True)
    ruled_on = models.DateField(default=timezone.localdate)
    monitoring_officer_consulted = models.BooleanField(default=False)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-ruled_on", "-id"]
        indexes = [models.Index(fields=["-ruled_on", "-id"], name="ruling_newest_idx")]

    def __str__(self) -> str:
        return f"{self.reference}: {self.title}"

    @property
    def interprets(self) -> str:
        """What it interprets, in the council's words: the rule, and its paragraph then."""
        label = RULES.get(self.rule, self.rule)
        return f"{label} (paragraph {self.paragraph})" if self.paragraph else label
