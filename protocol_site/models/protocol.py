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

    class DeclarationNotify(models.TextChoices):
        LINE_MANAGER = "line_manager", "The officer's line manager"
        HEAD_OF_SERVICE = "head_of_service", "The officer's Head of Service"

    title = models.CharField(max_length=200, blank=True)
    version = models.CharField(max_length=100, blank=True)
    url = models.URLField("Link to the protocol", blank=True)
    document = models.FileField("The protocol as a PDF", upload_to="protocol/", blank=True)
    preset = models.CharField(max_length=40, blank=True)
    # rule key (protocol_site.protocol_refs.RULES) -> this council's paragraph, e.g. "5.02".
    paragraphs = models.JSONField(default=dict, blank=True)
    # Per-council options; blank or unknown falls back to the environment's setting.
    complaint_about_chief_executive_goes_to = models.CharField(
        max_length=30, choices=ChiefExecutiveComplaints.choices, blank=True
    )
    group_briefing_equal_access = models.BooleanField(null=True, blank=True)
    election_guidance_to_all_officers = models.BooleanField(null=True, blank=True)
    declaration_notify_rung = models.CharField(
        max_length=30, choices=DeclarationNotify.choices, blank=True
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "council protocol"

    def __str__(self) -> str:
        return self.title or "The council's protocol"
