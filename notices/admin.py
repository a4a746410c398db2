"""The Django admin for notices: read-only. Every change goes through notices.services, so it
is audited and the people who must be told are emailed."""

from django.contrib import admin

from protocol_site.admin import ReadOnlyAdmin

from .models import (
    ElectionPeriod,
    MemberMeeting,
    ProtocolReading,
    ProtocolVersion,
    WardNotice,
)


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


@admin.register(ProtocolVersion)
class ProtocolVersionAdmin(ReadOnlyAdmin):
    list_display = ["version", "published_at", "published_by", "reminders_sent"]
    list_select_related = ["published_by"]
    search_fields = ["version", "text"]
    date_hierarchy = "published_at"


@admin.register(ProtocolReading)
class ProtocolReadingAdmin(ReadOnlyAdmin):
    list_display = ["user", "version", "confirmed_at"]
    list_filter = ["version"]
    list_select_related = ["user", "version"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]


@admin.register(MemberMeeting)
class MemberMeetingAdmin(ReadOnlyAdmin):
    list_display = ["subject", "meeting_at", "councillor", "service", "officer", "cancelled_at"]
    list_select_related = ["councillor__user", "service", "officer__user"]
    search_fields = ["subject", "place"]
    date_hierarchy = "meeting_at"
