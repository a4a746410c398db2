"""The Django admin for relationship declarations: a read-mostly back office with each
declaration's field history. Every change goes through declarations.services (the state is
protected), so nothing here can add, change or delete a declaration or its steps."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from protocol_site.admin import ReadOnlyAdmin, ReadOnlyInline

from .models import CaseReached, Declaration, DeclarationStep, Panel


class DeclarationStepInline(ReadOnlyInline):
    model = DeclarationStep
    fields = ["at", "kind", "cycle", "actor", "recipient", "detail"]
    readonly_fields = fields


class CaseReachedInline(ReadOnlyInline):
    """The open cases a declaration moved or flagged (declarations.reach)."""

    model = CaseReached
    fields = ["at", "case_type", "reference", "outcome", "summary"]
    readonly_fields = fields


@admin.register(Declaration)
class DeclarationAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    list_display = [
        "reference",
        "declarer",
        "declarer_side",
        "other_party",
        "relationship",
        "status",
        "confirm_by",
        "created_at",
    ]
    list_filter = ["status", "relationship", "declarer_side"]
    list_select_related = ["declarer", "other_party"]
    search_fields = [
        "reference",
        "declarer__first_name",
        "declarer__last_name",
        "other_party__first_name",
        "other_party__last_name",
    ]
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in Declaration._meta.concrete_fields]
    inlines = [DeclarationStepInline, CaseReachedInline]  # viewing only: services change it


@admin.register(DeclarationStep)
class DeclarationStepAdmin(ReadOnlyAdmin):
    list_display = ["at", "declaration", "kind", "cycle", "actor", "recipient"]
    list_filter = ["kind"]
    list_select_related = ["declaration", "actor", "recipient"]
    search_fields = ["declaration__reference", "detail"]
    date_hierarchy = "at"


@admin.register(CaseReached)
class CaseReachedAdmin(ReadOnlyAdmin):
    list_display = ["at", "declaration", "case_type", "reference", "outcome"]
    list_filter = ["outcome", "case_type"]
    list_select_related = ["declaration"]
    search_fields = ["declaration__reference", "reference"]
    date_hierarchy = "at"


@admin.register(Panel)
class PanelAdmin(SimpleHistoryAdmin, ReadOnlyAdmin):
    """Read-only: a panel is saved through declarations.panels.services, which refuses a member
    with a declared relationship and audits the change."""

    list_display = ["meets_on", "purpose", "post", "officer", "candidate_name"]
    list_filter = ["purpose"]
    list_select_related = ["post", "officer__user"]
    search_fields = ["post__title", "candidate_name", "officer__user__last_name"]
    date_hierarchy = "meets_on"
