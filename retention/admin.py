"""The Django admin for retention: the schedule with its field history, and read-only views of
holds, anonymisations and erasures (every change goes through the pages' services, audited)."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from protocol_site.admin import ReadOnlyAdmin

from .models import Anonymisation, Erasure, LegalHold, RetentionRule


@admin.register(RetentionRule)
class RetentionRuleAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = ["kind", "keep_years", "changed_at", "changed_by"]
    readonly_fields = ["kind", "keep_years", "changed_at", "changed_by"]


@admin.register(LegalHold)
class LegalHoldAdmin(ReadOnlyAdmin):
    list_display = ["reference", "kind", "set_at", "set_by", "lifted_at"]
    list_filter = ["kind"]
    search_fields = ["reference"]


@admin.register(Anonymisation)
class AnonymisationAdmin(ReadOnlyAdmin):
    list_display = ["reference", "kind", "why", "at", "files_removed", "audit_events_redacted"]
    list_filter = ["kind", "why"]
    search_fields = ["reference"]


@admin.register(Erasure)
class ErasureAdmin(ReadOnlyAdmin):
    list_display = ["at", "by", "subject", "cases_anonymised"]
