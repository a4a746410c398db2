"""The Django admin for enquiries: a read-only back office. Every change goes through
enquiries.services (the state is protected), so nothing here can add, change or delete."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from protocol_site.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import (
    Enquiry,
    EnquiryAttachment,
    EnquiryEvent,
    EnquiryPause,
    EnquiryShare,
    ExtensionRequest,
    StandardWording,
)


class EnquiryEventInline(ReadOnlyInline):
    model = EnquiryEvent
    fields = ["at", "kind", "actor", "officer", "new_date", "detail", "visible_to_councillor"]
    readonly_fields = fields
    show_change_link = True


class EnquiryPauseInline(ReadOnlyInline):
    """The clock's pauses: each question to the councillor and the working days it waited."""

    model = EnquiryPause
    fields = ["number", "asked_by", "asked_at", "resumed_at", "working_days", "reminded_at"]
    readonly_fields = fields


class EnquiryShareInline(ReadOnlyInline):
    """The ward colleagues the councillor shared the enquiry with."""

    model = EnquiryShare
    fields = ["councillor", "shared_by", "shared_at"]
    readonly_fields = fields


class EnquiryAttachmentInline(ReadOnlyInline):
    """The files on its steps, by name and size: no link, as files download only through the
    enquiry's page, for those who may read the step, audited."""

    model = EnquiryAttachment
    fields = ["name", "size", "event", "uploaded_by", "uploaded_at"]
    readonly_fields = fields


@admin.register(Enquiry)
class EnquiryAdmin(ReadOnlyAdmin):
    list_display = [
        "reference",
        "subject",
        "councillor",
        "service",
        "assigned_to",
        "status",
        "received_at",
        "target_date",
        "urgent",
        "follow_ups",
    ]
    list_filter = [
        "status",
        "urgent",
        "kind",
        "channel",
        "service__directorate",
        "policy_flagged",
    ]
    list_select_related = ["councillor__user", "service", "assigned_to__user"]
    search_fields = ["reference", "subject"]
    date_hierarchy = "received_at"
    inlines = [EnquiryPauseInline, EnquiryShareInline, EnquiryEventInline, EnquiryAttachmentInline]


@admin.register(EnquiryEvent)
class EnquiryEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "enquiry", "kind", "actor", "officer", "cycle", "rung"]
    list_filter = ["kind", "visible_to_councillor"]
    list_select_related = ["enquiry", "actor", "officer__user"]
    search_fields = ["enquiry__reference", "detail"]
    date_hierarchy = "at"


@admin.register(ExtensionRequest)
class ExtensionRequestAdmin(ReadOnlyAdmin):
    list_display = ["enquiry", "requested_by", "requested_at", "proposed_date", "outcome"]
    list_filter = ["outcome"]
    list_select_related = ["enquiry", "requested_by__user"]
    search_fields = ["enquiry__reference", "reason"]
    date_hierarchy = "requested_at"


@admin.register(StandardWording)
class StandardWordingAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    """Kept on the standard wording pages, through enquiries.services (audited); here to read,
    with each change's history."""

    list_display = ["title", "service", "retired_at"]
    list_filter = ["service"]
    search_fields = ["title", "text"]
