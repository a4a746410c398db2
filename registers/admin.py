"""The Django admin for the registers: a technical back office. Democratic services use
/organisation/ in the product; saves and deletes here go through the same services."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from protocol_site.admin import ReadOnlyAdmin
from protocol_site.models import ClosureDay

from . import services
from .models import (
    Absence,
    Councillor,
    CouncillorRole,
    Directorate,
    Officer,
    OfficerInterest,
    PoliticalGroup,
    Post,
    Service,
    StatutoryRole,
    TrainingAttendance,
    TrainingSession,
    Visit,
    Ward,
)


class RegisterAdmin(SimpleHistoryAdmin):
    """Saves and deletes through registers.services: permission check, audit event, history."""

    def save_model(self, request, obj, form, change):
        services.register_entry_save(actor=request.user, form=form)

    def delete_model(self, request, obj):
        services.register_entry_delete(actor=request.user, instance=obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            services.register_entry_delete(actor=request.user, instance=obj)


@admin.register(Directorate)
class DirectorateAdmin(RegisterAdmin):
    list_display = ["name", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name"]


@admin.register(Service)
class ServiceAdmin(RegisterAdmin):
    list_display = ["name", "directorate", "complaints_officer", "team_queue", "is_active"]
    list_filter = ["is_active", "team_queue", "directorate"]
    list_select_related = ["directorate", "complaints_officer__user"]
    search_fields = ["name", "directorate__name"]
    autocomplete_fields = ["complaints_officer", "queue_delegate"]


@admin.register(Post)
class PostAdmin(RegisterAdmin):
    list_display = ["title", "tier", "directorate", "service", "reports_to", "is_active"]
    list_filter = ["tier", "is_active", "politically_restricted", "directorate"]
    list_select_related = ["directorate", "service", "reports_to"]
    search_fields = ["title", "service__name", "directorate__name"]
    autocomplete_fields = ["reports_to", "acting_holder", "service"]


@admin.register(Officer)
class OfficerAdmin(RegisterAdmin):
    list_display = ["__str__", "user", "post", "employment_type", "is_active"]
    list_filter = ["is_active", "employment_type"]
    list_select_related = ["user", "post"]
    search_fields = ["user__first_name", "user__last_name", "user__username", "user__email"]
    autocomplete_fields = ["user", "post"]


@admin.register(StatutoryRole)
class StatutoryRoleAdmin(RegisterAdmin):
    list_display = ["kind", "officer", "since"]
    list_select_related = ["officer__user"]
    autocomplete_fields = ["officer"]


@admin.register(Ward)
class WardAdmin(RegisterAdmin):
    list_display = ["name", "seats"]
    search_fields = ["name"]


@admin.register(PoliticalGroup)
class PoliticalGroupAdmin(RegisterAdmin):
    list_display = ["name", "short_name", "leader", "is_active"]
    list_filter = ["is_active"]
    list_select_related = ["leader__user"]
    search_fields = ["name", "short_name"]
    autocomplete_fields = ["leader"]


@admin.register(Councillor)
class CouncillorAdmin(RegisterAdmin):
    list_display = ["__str__", "ward", "group", "co_opted", "term_start", "term_end"]
    list_filter = ["co_opted", "group", "ward"]
    list_select_related = ["user", "ward", "group"]
    search_fields = ["user__first_name", "user__last_name", "user__username", "user__email"]
    autocomplete_fields = ["user"]


@admin.register(CouncillorRole)
class CouncillorRoleAdmin(RegisterAdmin):
    list_display = ["__str__", "councillor", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    list_select_related = ["councillor__user"]
    search_fields = ["portfolio", "committee", "councillor__user__last_name"]
    autocomplete_fields = ["councillor"]


@admin.register(ClosureDay)
class ClosureDayAdmin(RegisterAdmin):
    """ORG-4 closure days (a protocol_site model) are democratic services' register."""

    list_display = ["date", "reason"]
    date_hierarchy = "date"
    search_fields = ["reason"]


@admin.register(OfficerInterest)
class OfficerInterestAdmin(RegisterAdmin):
    list_display = ["officer", "kind", "starts_on", "ends_on"]
    list_filter = ["kind"]
    list_select_related = ["officer__user"]
    search_fields = ["officer__user__first_name", "officer__user__last_name", "description"]
    autocomplete_fields = ["officer"]


@admin.register(TrainingSession)
class TrainingSessionAdmin(RegisterAdmin):
    list_display = ["title", "kind", "held_on", "provider"]
    list_filter = ["kind"]
    search_fields = ["title", "provider"]
    date_hierarchy = "held_on"


@admin.register(TrainingAttendance)
class TrainingAttendanceAdmin(RegisterAdmin):
    list_display = ["councillor", "session", "attended"]
    list_filter = ["attended"]
    list_select_related = ["councillor__user", "session"]
    search_fields = ["councillor__user__last_name", "session__title"]
    autocomplete_fields = ["councillor", "session"]


@admin.register(Visit)
class VisitAdmin(ReadOnlyAdmin):
    """Visits move only through registers.services.visits (the status is protected)."""

    list_display = ["starts_at", "premises", "school", "councillor", "service", "status"]
    list_filter = ["status", "directorate", "headteacher_agreed"]
    list_select_related = ["councillor__user", "service"]
    search_fields = ["premises", "school", "purpose", "councillor__user__last_name"]
    date_hierarchy = "starts_at"


@admin.register(Absence)
class AbsenceAdmin(ReadOnlyAdmin):
    """Absences are recorded and ended only through registers.services.absences (the /cover/
    pages), so each is checked for overlaps and audited."""

    list_display = ["officer", "starts_on", "ends_on", "cover", "recorded_by"]
    list_select_related = ["officer__user", "cover__user", "recorded_by"]
    search_fields = ["officer__user__last_name", "cover__user__last_name"]
    date_hierarchy = "starts_on"
