from django.db import models
from simple_history.models import HistoricalRecords


class CouncilProtocol(models.Model):
    """The council's own Protocol on Member/Officer Relations: its title, version and text, the
    paragraph of it behind each rule the product enforces, and the per-council options it sets.

    One row at most (no row: the neutral default, no references and the environment's options).
    Democratic services keep it through protocol_site.protocol_refs, with history.
    """

    class ChiefExecutiveComplaints(models.TextChoices):
        MONITORING_OFFICER = "monitoring_officer", "The Monitoring Officer"
        LEADER = "leader", "The Leader of the Council"
        MONITORING_OFFICER_AND_HR = (
            "monitoring_officer_and_hr",
            "The Monitoring Officer and the Senior Human Resources Manager together",
        )

    class DeclarationNotify(models.TextChoices):
        LINE_MANAGER = "line_manager", "The officer's line manager"
        HEAD_OF_SERVICE = "head_of_service", "The officer's Head of Service"

    class OfficerCoverage(models.TextChoices):
        ALL_STAFF = "all_staff", "Employees, agency staff, contractors and volunteers"
        EMPLOYEES = "employees", "Employees only"

    title = models.CharField(max_length=200, blank=True)
    version = models.CharField(max_length=100, blank=True)
    url = models.URLField("Link to the protocol", blank=True)
    document = models.FileField("The protocol as a PDF", upload_to="protocol/", blank=True)
    preset = models.CharField(max_length=40, blank=True)
    # rule key (protocol_site.protocol_refs.RULES) -> this council's paragraph, e.g. "5.02".
    paragraphs = models.JSONField(default=dict, blank=True)
    # Per-council options; blank or unknown falls back to the environment's setting.
    complaint_about_chief_executive_goes_to = models.CharField(
        "who a complaint about the Chief Executive goes to",
        max_length=30,
        choices=ChiefExecutiveComplaints.choices,
        blank=True,
    )
    group_briefing_equal_access = models.BooleanField(
        "advice to one group offered to the others", null=True, blank=True
    )
    election_guidance_to_all_officers = models.BooleanField(
        "pre-election guidance to every officer", null=True, blank=True
    )
    declaration_notify_rung = models.CharField(
        "who is told of a declared relationship",
        max_length=30,
        choices=DeclarationNotify.choices,
        blank=True,
    )
    # The council's rules (protocol_site.council_rules): null until set, when the environment's
    # first value applies; the row is seeded with every one of them when it is first created.
    enquiry_working_days = models.PositiveSmallIntegerField(
        "working days to respond to an enquiry", null=True, blank=True
    )
    enquiry_reminder_working_days_before = models.PositiveSmallIntegerField(
        "working days before the deadline an officer is reminded", null=True, blank=True
    )
    enquiry_escalation_ladder = models.JSONField(
        "who an overdue enquiry goes to", null=True, blank=True
    )  # ["rung:days", ...]
    enquiry_advise_chair_and_lead_member = models.BooleanField(
        "chair and lead member told of information given", null=True, blank=True
    )
    enquiry_waiting_reminder_working_days = models.PositiveSmallIntegerField(
        "working days before a councillor is reminded of a question", null=True, blank=True
    )
    enquiry_waiting_close_working_days = models.PositiveSmallIntegerField(
        "working days before an unanswered question closes an enquiry", null=True, blank=True
    )
    enquiry_follow_up_working_days = models.PositiveSmallIntegerField(
        "working days to follow up a response", null=True, blank=True
    )
    enquiry_urgent_working_days = models.PositiveSmallIntegerField(
        "working days to respond to an urgent enquiry", null=True, blank=True
    )
    complaint_acknowledge_working_days = models.PositiveSmallIntegerField(
        "working days to acknowledge a complaint", null=True, blank=True
    )
    complaint_resolve_working_days = models.PositiveSmallIntegerField(
        "working days to resolve a complaint", null=True, blank=True
    )
    complaint_copy_monitoring_officer = models.BooleanField(
        "Monitoring Officer copied into complaints", null=True, blank=True
    )
    complaint_escalation_ladder = models.JSONField(
        "who a complaint about an officer goes to", null=True, blank=True
    )  # ["rung", ...]
    complaint_about_member_reported_to = models.JSONField(
        "who is told of a complaint about a councillor", null=True, blank=True
    )
    complaint_officer_to_standards_committee = models.BooleanField(
        "officers may take a complaint about a councillor straight to the Standards Committee",
        null=True,
        blank=True,
    )
    visit_notice_working_days = models.PositiveSmallIntegerField(
        "working days' notice of a visit", null=True, blank=True
    )
    declaration_confirm_months = models.PositiveSmallIntegerField(
        "months before a declaration is confirmed again", null=True, blank=True
    )
    declaration_reminder_days = models.PositiveSmallIntegerField(
        "days before then a declarer is reminded", null=True, blank=True
    )
    advice_working_days = models.PositiveSmallIntegerField(
        "working days to give advice asked of the Monitoring Officer", null=True, blank=True
    )
    officer_protocol_covers = models.CharField(
        "who counts as an officer",
        max_length=20,
        choices=OfficerCoverage.choices,
        blank=True,
    )
    visit_schools_through_headteacher = models.BooleanField(
        "school visits arranged through the Headteacher", null=True, blank=True
    )
    visit_unannounced_allowed = models.BooleanField(
        "unannounced visits in special circumstances", null=True, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "council protocol"

    def __str__(self) -> str:
        return self.title or "The council's protocol"
