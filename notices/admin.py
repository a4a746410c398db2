"""The Django admin for notices: read-only. Every change goes through notices.services, so it
is audited and the people who must be told are emailed."""

from django.contrib import admin

from protocol_site.admin import ReadOnlyAdmin

from .models import ElectionPeriod, WardNotice


@admin.register(WardNotice)
class WardNoticeAdmin(ReadOnlyAdmin):
    list_display = ["title", "kind", "meeting_at", "consultation_closes_on", "recorded_at"]
    list_filter = ["kind", "wards"]
    list_select_related = ["recorded_by"]
    search_fields = ["title", "details"]
    date_hierarchy = "recorded_at"


@admin.register(ElectionPeriod)
class ElectionPeriodAdmin(ReadOnlyAdmin):
    list_display = ["name", "starts_on", "polling_day", "last_day", "ended_at"]
    search_fields = ["name"]
    date_hierarchy = "starts_on"
