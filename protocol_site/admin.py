"""The Django admin for the kernel: users, and read-only views of the audit trail and the
email outbox. Closure days are registered in registers/admin.py, next to the service that
writes them (imports run registers -> protocol_site, never back)."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from simple_history.admin import SimpleHistoryAdmin

from .audit_words import audit_words
from .models import AuditEvent, CouncilProtocol, EmailPreference, OutboxEmail, User
from .security import user_sessions_end


@admin.register(User)
class CouncilUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_staff"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            user_sessions_end(user=obj)  # a deactivated account is signed out everywhere


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    """A case's timeline rows on its admin page: shown, never added, changed or deleted."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class AuditEventWordsFilter(admin.SimpleListFilter):
    """Filter by event, offered in words (the URL keeps the stored code)."""

    title = "event"
    parameter_name = "action"

    def lookups(self, request, model_admin):
        codes = AuditEvent.objects.order_by().values_list("action", flat=True).distinct()
        return sorted(((code, audit_words(code)) for code in codes), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "event", "object_repr"]
    list_filter = [AuditEventWordsFilter]
    list_select_related = ["actor"]
    search_fields = ["object_repr", "summary"]
    date_hierarchy = "at"
    fields = [
        "at",
        "actor",
        "event",
        "object_type",
        "object_id",
        "object_repr",
        "summary",
        "before",
        "after",
        "prev_hash",
        "hash",
    ]
    readonly_fields = ["event"]

    @admin.display(description="Event", ordering="action")
    def event(self, obj: AuditEvent) -> str:
        return obj.words


@admin.register(OutboxEmail)
class OutboxEmailAdmin(ReadOnlyAdmin):
    """Every email, and why one was not delivered (`last_error`); democratic services see the
    undelivered ones on /organisation/emails-not-delivered/."""

    list_display = [
        "created_at",
        "to_address",
        "kind",
        "subject",
        "status",
        "attempts",
        "sent_at",
        "failed_at",
        "last_error",
    ]
    list_filter = ["status", "kind", "delivery_status"]
    search_fields = ["to_address", "subject", "last_error"]
    date_hierarchy = "created_at"


@admin.register(EmailPreference)
class EmailPreferenceAdmin(ReadOnlyAdmin):
    """Read here; each person chooses on /account/email/ (a service, audited)."""

    list_display = ["user", "for_information", "updated_at"]
    list_filter = ["for_information"]
    search_fields = ["user__username", "user__email"]


@admin.register(CouncilProtocol)
class CouncilProtocolAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    """Read here; democratic services change it on /organisation/protocol/ (a service)."""

    list_display = ["__str__", "version", "preset"]
