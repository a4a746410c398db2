"""The Django admin for requests for advice and lobbying reports: read-only, with field
history. Every change goes through advice.services (the state is protected)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from protocol_site.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import AdviceRequest, AdviceStep, LobbyingReport


class AdviceStepInline(ReadOnlyInline):
    model = AdviceStep
    fields = ["at", "kind", "actor", "due_at", "detail"]
    readonly_fields = fields


@admin.register(AdviceRequest)
class AdviceRequestAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["reference", "asker", "asker_side", "topic", "status", "due_on", "created_at"]
    list_filter = ["status", "topic", "asker_side"]
    list_select_related = ["asker"]
    search_fields = ["reference", "asker__first_name", "asker__last_name"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in AdviceRequest._meta.concrete_fields]
    inlines = [AdviceStepInline]


@admin.register(LobbyingReport)
class LobbyingReportAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["reference", "member", "officer", "lobbied_on", "status", "created_at"]
    list_filter = ["status"]
    list_select_related = ["member", "officer__user"]
    search_fields = ["reference", "member__last_name", "officer__user__last_name"]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in LobbyingReport._meta.concrete_fields]
