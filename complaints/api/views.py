"""Thin views: call a selector, render. Out of scope is 404; every detail view is audited."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics

from registers.roles import Role, person_for

from ..models import Complaint, ComplaintEvent, ComplaintStage
from ..selectors import (
    complaint_for,
    complaints_visible_to,
    is_party,
    may_see_management_note,
    stages_for,
    timeline_for,
)
from ..services import complaint_record_view
from .serializers import ComplaintSerializer

NOT_SIGNED_IN = OpenApiResponse(description="No valid session or token.")


def complaint_queryset(base: QuerySet[Complaint]) -> QuerySet[Complaint]:
    """Everything the list's bodies need, for any number of complaints, in three queries."""
    return base.select_related("subject_officer", "subject_councillor").prefetch_related(
        Prefetch(
            "stages",
            queryset=ComplaintStage.objects.select_related("handler").order_by("number"),
            to_attr="all_stages",
        ),
        Prefetch(
            "events",
            queryset=ComplaintEvent.objects.select_related("actor"),
            to_attr="all_events",
        ),
    )


def shape_for_list(user, complaint: Complaint, is_mo: bool) -> Complaint:
    """The selectors' rules (is_party, may_see_management_note, stages_for, timeline_for)
    applied to the prefetched rows, so a page of complaints costs no extra queries."""
    party = is_party(user, complaint)
    complaint.api_is_party = party
    complaint.api_note_visible = not party and (
        is_mo or any(stage.handler_id == user.pk for stage in complaint.all_stages)
    )
    complaint.api_stages = complaint.all_stages
    events = complaint.all_events
    if party:
        events = [e for e in events if e.visible_to_complainant]
    complaint.api_timeline = events
    return complaint


@extend_schema_view(
    get=extend_schema(
        summary="Complaints you can see",
        description="Scoped exactly like the pages (CMP-5): the complainant, the handlers of "
        "its stages, the Monitoring Officer, and its subject once told; nobody else. "
        "Newest first, 50 a page. Listing is not audited; opening one is.",
        responses={200: ComplaintSerializer(many=True), 403: NOT_SIGNED_IN},
    ),
)
class ComplaintListView(generics.ListAPIView):
    serializer_class = ComplaintSerializer
    queryset = Complaint.objects.none()  # the real one is the asker's: get_queryset

    def get_queryset(self) -> QuerySet[Complaint]:
        qs = complaints_visible_to(self.request.user)
        return complaint_queryset(qs).order_by("-created_at", "-pk")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        rows = list(queryset) if page is None else page
        user = self.request.user
        is_mo = person_for(user).has(Role.MONITORING_OFFICER)
        return [shape_for_list(user, complaint, is_mo) for complaint in rows]


@extend_schema(
    summary="One complaint",
    description="404 if it does not exist or is not yours to see. Every view is audited.",
    responses={
        200: ComplaintSerializer,
        403: NOT_SIGNED_IN,
        404: OpenApiResponse(description="Not found, or not yours to see."),
    },
)
class ComplaintDetailView(generics.RetrieveAPIView):
    serializer_class = ComplaintSerializer
    queryset = Complaint.objects.none()

    def get_object(self) -> Complaint:
        user = self.request.user
        complaint = complaint_for(user, self.kwargs["pk"])
        self.check_object_permissions(self.request, complaint)
        complaint_record_view(actor=user, complaint=complaint)
        complaint.api_is_party = is_party(user, complaint)
        complaint.api_note_visible = may_see_management_note(user, complaint)
        complaint.api_stages = stages_for(user, complaint)
        complaint.api_timeline = list(timeline_for(user, complaint))
        return complaint
