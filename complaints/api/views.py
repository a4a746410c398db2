"""Thin views: call a selector, render. Out of scope is 404; every detail view is audited."""

from __future__ import annotations

from datetime import datetime

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics

from protocol_site.api_pagination import FilteredKeysetList, Key
from protocol_site.api_responses import FIELD_ERRORS, NOT_SIGNED_IN

from ..filters import ComplaintApiFilter
from ..models import Complaint
from ..selectors import complaint_for, complaints_with_history, shape
from ..services import complaint_record_view
from .serializers import ComplaintSerializer


def shaped(user, complaint: Complaint) -> Complaint:
    complaint.shaped = shape(user, complaint)
    return complaint


@extend_schema_view(
    get=extend_schema(
        summary="Complaints you can see",
        description="Scoped exactly like the pages: the complainant, the handlers of "
        "its stages, the Monitoring Officer, and its subject once told; nobody else. "
        "Narrowed by the list page's filters (by id and ISO date) and search (`q`); a filter "
        "that finds nothing you can see answers with nothing, a bad value with a 400 naming "
        "it. Newest first (for a search, the best match first), 50 a page: follow `next` for "
        "the next page (null on the last); there is no total. Listing is not audited; "
        "opening one is.",
        responses={
            200: ComplaintSerializer(many=True),
            400: FIELD_ERRORS,
            403: NOT_SIGNED_IN,
        },
    ),
)
class ComplaintListView(FilteredKeysetList, generics.ListAPIView):
    serializer_class = ComplaintSerializer
    queryset = Complaint.objects.none()  # the real one is the asker's: get_queryset

    # The list page's filters and search (complaints.filters), applied to what the asker sees.
    filterset_class = ComplaintApiFilter

    def keyset(self, request) -> tuple[Key, ...]:
        """The best match to a search, then the newest (KeysetPagination orders by these,
        descending); unsearched, from an index on both (complaint_created_idx)."""
        return (*self.best_match(request), Key("created_at", datetime), Key("pk"))

    def get_queryset(self) -> QuerySet[Complaint]:
        return complaints_with_history(self.request.user)

    def paginate_queryset(self, queryset):
        user = self.request.user
        return [shaped(user, complaint) for complaint in super().paginate_queryset(queryset)]


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
