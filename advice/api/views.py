"""Thin list views: the selectors' scope, as on the pages. Listing is not audited."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics

from protocol_site.api_responses import NOT_SIGNED_IN

from ..models import AdviceRequest, LobbyingReport
from ..selectors import advice_visible_to, lobbying_visible_to
from .serializers import AdviceRequestSerializer, LobbyingReportSerializer


@extend_schema_view(
    get=extend_schema(
        summary="Requests for advice you can see",
        description="Scoped exactly like the pages: whoever asked, the Monitoring Officer and "
        "the Deputy, and the Chief Finance Officer on financial matters. Newest first, 50 a "
        "page.",
        responses={200: AdviceRequestSerializer(many=True), 403: NOT_SIGNED_IN},
    ),
)
class AdviceRequestListView(generics.ListAPIView):
    serializer_class = AdviceRequestSerializer
    queryset = AdviceRequest.objects.none()

    def get_queryset(self):
        return (
            advice_visible_to(self.request.user)
            .select_related("asker", "advised_by")
            .order_by("-created_at", "-pk")
        )


@extend_schema_view(
    get=extend_schema(
        summary="Reports of lobbying about employment you can see",
        description="The member who reported it, the Monitoring Officer and the Deputy. "
        "Newest first, 50 a page.",
        responses={200: LobbyingReportSerializer(many=True), 403: NOT_SIGNED_IN},
    ),
)
class LobbyingReportListView(generics.ListAPIView):
    serializer_class = LobbyingReportSerializer
    queryset = LobbyingReport.objects.none()

    def get_queryset(self):
        return (
            lobbying_visible_to(self.request.user)
            .select_related("member", "officer__user")
            .order_by("-created_at", "-pk")
        )
