"""Thin views: call a selector, render. Out of scope is 404; every detail view is audited."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics

from ..models import Complaint
from ..selectors import complaint_for, complaints_with_history, shape
from ..services import complaint_record_view
from .serializers import ComplaintSerializer

NOT_SIGNED_IN = OpenApiResponse(description="No valid session or token.")


def shaped(user, complaint: Complaint) -> Complaint:
    complaint.shaped = shape(user, complaint)
    return complaint


@extend_schema_view(
    get=extend_schema(
        summary="Complaints you can see",
        description="Scoped exactly like the pages: the complainant, the handlers of "
        "its stages, the Monitoring Officer, and its subject once told; nobody else. "
        "Newest first, 50 a page. Listing is not audited; opening one is.",
        responses={200: ComplaintSerializer(many=True), 403: NOT_SIGNED_IN},
    ),
)
class ComplaintListView(generics.ListAPIView):
    serializer_class = ComplaintSerializer
    queryset = Complaint.objects.none()  # the real one is the asker's: get_queryset

    def get_queryset(self) -> QuerySet[Complaint]:
        return complaints_with_history(self.request.user).order_by("-created_at", "-pk")

    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        rows = list(queryset) if page is None else page
        user = self.request.user
        return [shaped(user, complaint) for complaint in rows]


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
        complaint = complaint_for(user, self.kwargs["pk"], with_history=True)
        self.check_object_permissions(self.request, complaint)
        complaint_record_view(actor=user, complaint=complaint)
        return shaped(user, complaint)
