"""ORG-1: directorates, services, posts and the officers who hold them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from protocol_site.council_rules import rule


class Tier(models.IntegerChoices):
    """Seniority of a post; a lower number is more senior."""

    CHIEF_EXECUTIVE = 1, "Chief Executive"
    EXECUTIVE_DIRECTOR = 2, "Executive/Strategic Director"
    DIRECTOR = 3, "Director"
    ASSISTANT_DIRECTOR = 4, "Assistant Director"
    HEAD_OF_SERVICE = 5, "Head of Service"
    MANAGER = 6, "Manager"
    OFFICER = 7, "Officer"


DIRECTOR_TIERS = (Tier.EXECUTIVE_DIRECTOR, Tier.DIRECTOR)


class ServiceQuerySet(models.QuerySet):
    def active(self):
        """Services still running, in a directorate still running."""
        return self.filter(is_active=True, directorate__is_active=True)


class PostQuerySet(models.QuerySet):
    def active(self):
        """Posts in the structure today (a vacant post is still active)."""
        return self.filter(is_active=True)


class EmploymentType(models.TextChoices):
    """How a person works for the council. Who of them the protocol covers is the council's
    rule (OFFICER_PROTOCOL_COVERS); a teacher in a school, or someone employed by a school's
    governing body, is never an officer under the protocol."""

    EMPLOYEE = "employee", "Employee"
    AGENCY = "agency", "Agency staff"
    CONTRACTOR = "contractor", "Contractor"
    VOLUNTEER = "volunteer", "Volunteer"
    TEACHER = "teacher", "Teacher in a school, or employed by a school's governing body"


# The error when someone the protocol does not count as an officer is chosen for an officer's
# part (an enquiry, a complaint).
NOT_COVERED = "Select an officer the council's protocol covers: school teachers are not"

# The types each choice of the OFFICER_PROTOCOL_COVERS rule takes in.
COVERED_TYPES = {
    "all_staff": (
        EmploymentType.EMPLOYEE,
        EmploymentType.AGENCY,
        EmploymentType.CONTRACTOR,
        EmploymentType.VOLUNTEER,
    ),
    "employees": (EmploymentType.EMPLOYEE,),
}


def covered_types() -> tuple[str, ...]:
    """The employment types the council's protocol counts as officers (no query)."""
    return COVERED_TYPES.get(rule("OFFICER_PROTOCOL_COVERS"), COVERED_TYPES["all_staff"])


class OfficerQuerySet(models.QuerySet):
    def active(self):
        """Officers in the council's employ who can sign in: both flags, since an account can
        be switched off on its own."""
        return self.filter(is_active=True, user__is_active=True)

    def covered(self):
        """Officers under the council's protocol: the employment types its rule takes in."""
        return self.filter(employment_type__in=covered_types())


class StatutoryRoleQuerySet(models.QuerySet):
    def in_post(self, on=None):
        """Statutory roles whose holder is an active officer and not recorded as away on `on`
        (default today)."""
        on = on or timezone.localdate()
        return self.filter(officer__is_active=True, officer__user__is_active=True).exclude(
            away_from__lte=on, away_until__gte=on
        )


class Directorate(models.Model):
    name = models.CharField(max_length=150, unique=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    directorate = models.ForeignKey(Directorate, on_delete=models.PROTECT, related_name="services")
    name = models.CharField(max_length=150)
    # 000 §5.3: each service names an officer to whom members may direct complaints.
    complaints_officer = models.ForeignKey(
        "Officer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="complaints_services",
        help_text="The officer to whom members may direct complaints about this service.",
    )
    # 004 §7.3: told when factual information about the service is given to a member.
    lead_member = models.ForeignKey(
        "registers.Councillor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="lead_member_for",
        help_text="The Cabinet/Lead Member whose portfolio covers this service.",
    )
    committee_chair = models.ForeignKey(
        "registers.Councillor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chair_for",
        help_text="The chair of the committee that oversees this service.",
    )
    # Team queue: new casework nobody was approached about waits unallocated in the service's
    # queue, for its head of service (or the delegate they name) to allocate, or an officer
    # of the service to pick up.
    team_queue = models.BooleanField(
        "New casework goes to the team queue",
        default=False,
        help_text="Casework sent to the service without a named officer waits in the team "
        "queue instead of going to the head of service.",
    )
    queue_delegate = models.ForeignKey(
        "Officer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="queue_delegate_for",
        verbose_name="Allocates the team queue",
        help_text="An officer the head of service names to allocate the team queue with them.",
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["directorate__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["directorate", "name"], name="service_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Post(models.Model):
    """A job in the structure. Line management runs post to post, so a vacancy is a gap the
    escalation ladder steps over, and an acting holder fills it for a time."""

    title = models.CharField(max_length=150)
    tier = models.PositiveSmallIntegerField(choices=Tier.choices)
    directorate = models.ForeignKey(
        Directorate, null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    reports_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="direct_reports",
        verbose_name="Line manager's post",
    )
    acting_holder = models.ForeignKey(
        "Officer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acting_posts",
        help_text="An officer acting up into this post while it is vacant or its holder is away.",
    )
    acting_until = models.DateField(null=True, blank=True)
    # 000 §8.2: politically restricted posts.
    politically_restricted = models.BooleanField(default=False)
    restriction_reason = models.CharField(max_length=250, blank=True)
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["tier", "title"]
        indexes = [models.Index(fields=["tier"], name="post_tier_idx")]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if (
            self.service_id
            and self.directorate_id
            and self.service.directorate_id != self.directorate_id
        ):
            raise ValidationError({"service": "Select a service in the post's directorate"})
        if self.service_id and not self.directorate_id:
            self.directorate_id = self.service.directorate_id
        if self.politically_restricted and not self.restriction_reason:
            raise ValidationError(
                {"restriction_reason": "Say why the post is politically restricted"}
            )
        if self.acting_until and not self.acting_holder_id:
            raise ValidationError({"acting_until": "Select the acting officer first"})
        if self.reports_to_id:
            if self.pk and self.reports_to_id == self.pk:
                raise ValidationError({"reports_to": "A post cannot report to itself"})
            seen = {self.pk}
            above = self.reports_to
            while above is not None:
                if above.pk in seen:
                    raise ValidationError(
                        {"reports_to": "That line manager's post reports, in turn, to this post"}
                    )
                seen.add(above.pk)
                above = above.reports_to

    def acting_in_force(self, on=None) -> bool:
        """Whether an acting arrangement (if any) still runs on `on` (default today)."""
        return self.acting_until is None or self.acting_until >= (on or timezone.localdate())

    def acting_holder_now(self):
        if self.acting_holder_id and self.acting_in_force():
            return self.acting_holder
        return None

    def occupant(self):
        """Who does this job today: an acting holder first, then the substantive holder."""
        acting = self.acting_holder_now()
        if acting is not None:
            return acting
        return getattr(self, "holder", None)


class Officer(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="officer"
    )
    post = models.OneToOneField(
        Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="holder"
    )
    phone = models.CharField(max_length=40, blank=True)
    employment_type = models.CharField(
        max_length=20,
        choices=EmploymentType.choices,
        default=EmploymentType.EMPLOYEE,
        db_default=EmploymentType.EMPLOYEE,
        help_text="Teachers in schools are not officers under the protocol; whether agency "
        "staff, contractors and volunteers are is the council's rule.",
    )
    is_active = models.BooleanField(default=True)
    history = HistoricalRecords()

    objects = OfficerQuerySet.as_manager()

    class Meta:
        ordering = ["user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return self.user.display_name

    @property
    def is_covered(self) -> bool:
        """Whether the council's protocol counts this person as an officer (no query)."""
        return self.employment_type in covered_types()

    @property
    def working_post(self):
        """The post the officer works in today: an acting-up post first."""
        today = timezone.localdate()
        for post in self.acting_posts.all():
            if post.acting_in_force(today):
                return post
        return self.post


class StatutoryRole(models.Model):
    """002 §2.7.1: the statutory officers. One holder of each role at a time."""

    class Kind(models.TextChoices):
        HEAD_OF_PAID_SERVICE = "head_of_paid_service", "Head of Paid Service"
        MONITORING_OFFICER = "monitoring_officer", "Monitoring Officer"
        DEPUTY_MONITORING_OFFICER = "deputy_monitoring_officer", "Deputy Monitoring Officer"
        CHIEF_FINANCE_OFFICER = "chief_finance_officer", "Chief Finance Officer (s151)"
        # Not statutory, but named here as the others are: with the Monitoring Officer, takes
        # a councillor's complaint about the Chief Executive where the council's rule says so.
        SENIOR_HR_MANAGER = "senior_hr_manager", "Senior Human Resources Manager"

    kind = models.CharField(max_length=40, choices=Kind.choices, unique=True)
    officer = models.ForeignKey(Officer, on_delete=models.PROTECT, related_name="statutory_roles")
    since = models.DateField(default=timezone.localdate)
    # Leave or sickness: while the holder is away the role is treated as vacant, so the
    # Deputy Monitoring Officer acts for an absent Monitoring Officer.
    away_from = models.DateField(
        null=True, blank=True, help_text="The first day the holder is away, if they will be."
    )
    away_until = models.DateField(
        null=True, blank=True, help_text="The last day the holder is away."
    )
    history = HistoricalRecords()

    objects = StatutoryRoleQuerySet.as_manager()

    class Meta:
        ordering = ["kind"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.officer}"

    def clean(self):
        if bool(self.away_from) != bool(self.away_until):
            missing = "away_until" if self.away_from else "away_from"
            raise ValidationError(
                {missing: "Enter both the first and the last day the holder is away."}
            )
        if self.away_from and self.away_until < self.away_from:
            raise ValidationError(
                {"away_until": "The last day away must be the same as or after the first day."}
            )

    def is_away(self, on=None) -> bool:
        """Whether the holder is recorded as away on `on` (default today)."""
        on = on or timezone.localdate()
        return bool(self.away_from and self.away_from <= on <= self.away_until)

    def is_away_later(self) -> bool:
        """Whether an absence is recorded that has not begun yet."""
        return bool(self.away_from and self.away_from > timezone.localdate())
