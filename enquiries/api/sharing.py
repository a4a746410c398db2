"""Sharing an enquiry with ward colleagues in the API: the councillor who made it reads and
sets who it is shared with. Scoped like the page: another's enquiry is 404, anyone but its
councillor 403, an id that is not a ward colleague's a 400 naming the field."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from protocol_site.api_responses import FIELD_ERRORS
from protocol_site.cases import require

from .. import services
from ..permissions import can_share
from ..selectors import sharing_for
from .conversation import NOT_FOUND, REFUSED, _OnEnquiry


class ShareSerializer(serializers.Serializer):
    councillor = serializers.SerializerMethodField()
    shared_at = serializers.DateTimeField()
    in_reach = serializers.BooleanField(
        help_text="False once the colleague no longer serves the ward: they cannot see it."
    )

    def get_councillor(self, share) -> dict:
        return {"id": share.councillor_id, "name": str(share.councillor)}


class SharingInSerializer(serializers.Serializer):
    councillors = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        allow_empty=True,
        max_length=100,
        help_text="The ids of the ward colleagues to share it with; everyone else loses it.",
        error_messages={"required": "Choose the councillors to share it with, or none"},
    )


class EnquirySharingView(_OnEnquiry):
    def enquiry(self, request, pk: int):
        enquiry = super().enquiry(request, pk)
        require(can_share, request.user, enquiry)
        return enquiry

    @extend_schema(
        summary="Who an enquiry is shared with",
        description="For the councillor who made it: the ward colleagues it is shared with.",
        responses={200: ShareSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        return Response(ShareSerializer(sharing_for(enquiry), many=True).data)

    @extend_schema(
        summary="Share an enquiry with ward colleagues",
        description="The councillor who made it chooses exactly which of the other members "
        "serving their ward may read it and write messages on it; each one newly added is "
        "emailed once, and anyone left out loses it. An empty list stops sharing it.",
        request=SharingInSerializer,
        responses={
            200: ShareSerializer(many=True),
            400: FIELD_ERRORS,
            403: REFUSED,
            404: NOT_FOUND,
        },
    )
    def post(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        data = self.incoming(SharingInSerializer, request)
        services.enquiry_share(actor=request.user, enquiry=enquiry, **data)
        enquiry.refresh_from_db()
        return Response(ShareSerializer(sharing_for(enquiry), many=True).data)
