"""The Django admin for the Chief Executive's decisions and rulings: read-only. Every change
goes through complaints.services (audited, emailed once), so nothing here can add or change."""

from django.contrib import admin

from protocol_site.admin import ReadOnlyAdmin

from .models import ChiefExecutiveDecision, InterpretationRuling


@admin.register(ChiefExecutiveDecision)
class ChiefExecutiveDecisionAdmin(ReadOnlyAdmin):
    list_display = ["complaint", "status", "referred_at", "decided_at", "decided_by"]
    list_filter = ["status"]
    search_fields = ["complaint__reference"]
    list_select_related = ["complaint", "decided_by"]


@admin.register(InterpretationRuling)
class InterpretationRulingAdmin(ReadOnlyAdmin):
    list_display = ["reference", "title", "rule", "paragraph", "ruled_on", "made_by"]
    list_filter = ["rule"]
    search_fields = ["reference", "title", "ruling"]
    date_hierarchy = "ruled_on"
    list_select_related = ["made_by"]
