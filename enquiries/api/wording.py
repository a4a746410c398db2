"""The standard wording an officer may insert when writing on an enquiry: its service's wording
in use. Scoped like the pages: an enquiry outside the caller's reach is 404, and only those who
may work on it (the officers the respond page is for) may read it (403 otherwise)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from ..models import StandardWording
from ..permissions import can_work
from ..selectors import enquiry_for, wording_offered
from .conversation import NOT_FOUND, REFUSED


class StandardWordingSerializer(serializers.ModelSerializer):
    service = serializers.CharField(source="service.name", read_only=True)

    class Meta:
        model = StandardWording
        fields = ["id", "title", "text", "service"]


class EnquiryWordingView(APIView):
    @extend_schema(
        summary="Standard wording for an enquiry",
        description="The wording the enquiry's service keeps, for the officers who may work on "
        "it to insert and edit in a response or message; by title.",
        responses={200: StandardWordingSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk: int) -> Response:
        enquiry = enquiry_for(request.user, pk)
        if not can_work(request.user, enquiry):
            raise PermissionDenied("Standard wording is for the officers dealing with it.")
        wording = wording_offered(enquiry).select_related("service")
        return Response(StandardWordingSerializer(wording, many=True).data)
