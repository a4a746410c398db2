"""ORG-2: wards, councillors, their roles and their political groups."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords


class PoliticalGroupQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class CouncillorQuerySet(models.QuerySet):
    def serving(self, on=None):
        """Members in office on `on` (default today): the term has started and has not ended,
        and their account can sign in."""
        on = on or timezone.localdate()
        return self.filter(user__is_active=True, term_start__lte=on).filter(
            Q(term_end__isnull=True) | Q(term_end__gte=on)
        )


class CouncillorRoleQuerySet(models.QuerySet):
    def current(self, on=None):
        """Roles held on `on` (default today): started, and not ended."""
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))


class Ward(models.Model):
    """A ward or (in a county) an electoral division. A ward has several members."""

    name = models.CharField(max_length=150, unique=True)
    seats = models.PositiveSmallIntegerField(default=3)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class PoliticalGroup(models.Model):
    name = models.CharField(max_length=150, unique=True)
    short_name = models.CharField(max_length=30, blank=True)
    leader = models.OneToOneField(
        "Councillor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="leads_group",
        verbose_name="Group leader",
    )
    # 000 §5.3: the group member who leads on finding and resolving problems under the protocol.
    protocol_contact = models.ForeignKey(
        "Councillor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="protocol_contact_for",
        verbose_name="Contact for the protocol",
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    objects = PoliticalGroupQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def as_group(self) -> str:
        """The name with "group" after it, unless it already ends so ("the Labour Group")."""
        return self.name if self.name.lower().endswith("group") else f"{self.name} group"

    def clean(self):
        if self.leader_id and (self.pk is None or self.leader.group_id != self.pk):
            raise ValidationError({"leader": "The group leader must be a member of the group"})
        if self.protocol_contact_id and (
            self.pk is None or self.protocol_contact.group_id != self.pk
        ):
            raise ValidationError(
                {"protocol_contact": "The contact for the protocol must be a member of the group"}
            )


class Councillor(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="councillor"
    )
    ward = models.ForeignKey(
        Ward, null=True, blank=True, on_delete=models.PROTECT, related_name="councillors"
    )
    group = models.ForeignKey(
        PoliticalGroup,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        verbose_name="Political group",
    )
    term_start = models.DateField()
    term_end = models.DateField(null=True, blank=True)
    # 002 §1.2, 004 §1.2: co-opted members are members for the protocol's purposes.
    co_opted = models.BooleanField(default=False, verbose_name="Co-opted member")
    co_opted_to = models.CharField(
        max_length=150, blank=True, help_text="The committee the member is co-opted to."
    )
    history = HistoricalRecords()

    objects = CouncillorQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return f"Cllr {self.user.display_name}"

    def clean(self):
        if not self.co_opted and not self.ward_id:
            raise ValidationError({"ward": "Select the ward the councillor represents"})
        if self.co_opted and not self.co_opted_to:
            raise ValidationError({"co_opted_to": "Say which committee the member is co-opted to"})
        if self.term_end and self.term_start and self.term_end < self.term_start:
            raise ValidationError({"term_end": "The term must end after it starts"})
        if self.pk:
            led = PoliticalGroup.objects.filter(leader_id=self.pk)
            if self.group_id:
                led = led.exclude(pk=self.group_id)
            led = led.first()
            if led is not None:
                raise ValidationError(
                    {"group": f"This councillor leads {led}: choose a new leader of {led} first"}
                )
            contact_for = PoliticalGroup.objects.filter(protocol_contact_id=self.pk)
            if self.group_id:
                contact_for = contact_for.exclude(pk=self.group_id)
            contact_for = contact_for.first()
            if contact_for is not None:
                raise ValidationError(
                    {
                        "group": f"This councillor is the contact for the protocol of "
                        f"{contact_for}: choose a new contact first"
                    }
                )

    @property
    def in_office(self) -> bool:
        today = timezone.localdate()
        return self.term_start <= today and (self.term_end is None or self.term_end >= today)


class CouncillorRole(models.Model):
    """Leader, Cabinet/Lead Member with a portfolio, committee chair (001 §1.15, 004 §7.1).
    Group leaders are recorded on their political group."""

    class Kind(models.TextChoices):
        LEADER = "leader", "Leader of the Council"
        DEPUTY_LEADER = "deputy_leader", "Deputy Leader"
        CABINET_MEMBER = "cabinet_member", "Cabinet/Lead Member"
        COMMITTEE_CHAIR = "committee_chair", "Committee chair"
        MAYOR = "mayor", "Mayor/Chair of the Council"
        # Consulted by the Chief Executive before deciding on an upheld grievance against a
        # member.
        STANDARDS_CHAIR = "standards_chair", "Chair of the Standards Committee"

    councillor = models.ForeignKey(Councillor, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(max_length=30, choices=Kind.choices)
    portfolio = models.CharField(max_length=150, blank=True)
    committee = models.CharField(max_length=150, blank=True)
    starts_on = models.DateField(default=timezone.localdate)
    ends_on = models.DateField(null=True, blank=True)
    history = HistoricalRecords()

    objects = CouncillorRoleQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "councillor__user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(kind="leader", ends_on__isnull=True),
                name="one_current_leader",
            )
        ]

    def __str__(self) -> str:
        detail = self.portfolio or self.committee
        label = self.get_kind_display()
        return f"{label} ({detail})" if detail else label

    def clean(self):
        if self.kind == self.Kind.CABINET_MEMBER and not self.portfolio:
            raise ValidationError({"portfolio": "Enter the portfolio"})
        if self.kind == self.Kind.COMMITTEE_CHAIR and not self.committee:
            raise ValidationError({"committee": "Enter the committee"})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": "The role must end after it starts"})
        if self.kind == self.Kind.LEADER and self.ends_on is None:
            current = CouncillorRole.objects.filter(kind=self.Kind.LEADER, ends_on__isnull=True)
            if self.pk:
                current = current.exclude(pk=self.pk)
            leader = current.select_related("councillor__user").first()
            if leader is not None:
                raise ValidationError(
                    {
                        "kind": f"{leader.councillor} is the current Leader of the Council. "
                        "Give their role an end date first."
                    }
                )

    def is_current(self, on=None) -> bool:
        """The Python twin of `CouncillorRole.objects.current()`."""
        on = on or timezone.localdate()
        return self.starts_on <= on and (self.ends_on is None or self.ends_on >= on)
