"""Emails received, for the site's administrators: read-only (democratic services deal with
them on the triage pages, through the services)."""

from django.contrib import admin

from .models import InboundEmail


@admin.register(InboundEmail)
class InboundEmailAdmin(admin.ModelAdmin):
    list_display = ("received_at", "from_address", "subject", "status", "source", "enquiry")
    list_filter = ("status", "source")
    search_fields = ("from_address", "subject", "message_id")
    date_hierarchy = "received_at"
    exclude = ("raw",)
    readonly_fields = [f.name for f in InboundEmail._meta.fields if f.name != "raw"]
    list_select_related = ("enquiry",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
