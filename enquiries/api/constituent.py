"""The constituent's details on a casework enquiry in the API: personal data, only for those
who may see them (the councillor, the officer dealing with it and their managers; 403 for
anyone else who sees the enquiry, 404 outside their reach). The councillor records, changes
or (all blank) removes them with POST."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from protocol_site.api_responses import FIELD_ERRORS

from .. import services
from ..models import Enquiry
from ..permissions import can_see_constituent
from ..selectors import constituent_of, enquiry_for
from ..services.constituent import LIMITS
from .conversation import NOT_FOUND, REFUSED


def _text(limit: int, help_text: str) -> serializers.CharField:
    return serializers.CharField(
        required=False, allow_blank=True, max_length=limit, help_text=help_text
    )


class ConstituentSerializer(serializers.Serializer):
    name = _text(LIMITS["name"], "The constituent's name.")
    address = _text(LIMITS["address"], "Their address or postcode.")
    phone = _text(LIMITS["phone"], "Their phone number.")
    email = serializers.EmailField(
        required=False, allow_blank=True, max_length=LIMITS["email"], help_text="Their email."
    )
    consented = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Whether they consented to the councillor sharing their details: required "
        "when any detail is given; null when none is recorded.",
    )


EMPTY = {"name": "", "address": "", "phone": "", "email": "", "consented": None}


def _body(enquiry: Enquiry) -> dict:
    details = constituent_of(enquiry)
    if details is None:
        return dict(EMPTY)
    return ConstituentSerializer(details).data


class EnquiryConstituentView(APIView):
    def enquiry(self, request, pk: int) -> Enquiry:
        enquiry = enquiry_for(request.user, pk)
        if not can_see_constituent(request.user, enquiry):
            raise PermissionDenied(can_see_constituent.denied)
        return enquiry

    @extend_schema(
        summary="The constituent's details on a casework enquiry",
        description="Personal data: for the councillor, the officer dealing with it and their "
        "managers. Blank, with `consented` null, when none are recorded.",
        responses={200: ConstituentSerializer, 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk: int) -> Response:
        return Response(_body(self.enquiry(request, pk)))

    @extend_schema(
        summary="Record or change the constituent's details",
        description="The councillor whose casework it is. All blank removes them.",
        request=ConstituentSerializer,
        responses={200: ConstituentSerializer, 400: FIELD_ERRORS, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        incoming = ConstituentSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        kept = services.constituent_details_save(
            actor=request.user, enquiry=enquiry, **incoming.validated_data
        )
        return Response(ConstituentSerializer(kept).data if kept else dict(EMPTY))
