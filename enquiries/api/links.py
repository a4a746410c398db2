"""Linked enquiries in the API: an officer who may act on an enquiry reads and adds its links,
unlinks it, and sends one response to it and every linked one. Scoped like the pages: another's
enquiry is 404, a councillor or an officer who may not act on it 403, bad input 400 by field."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from protocol_site.api_responses import FIELD_ERRORS
from protocol_site.cases import require

from .. import services
from ..permissions import can_link
from ..selectors import enquiries_visible_to, linked_for
from .conversation import NOT_FOUND, REFUSED, _OnEnquiry
from .files import FILES_IN


class LinkedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    status = serializers.CharField()
    in_reach = serializers.BooleanField(help_text="Whether you may open it.")


class LinkInSerializer(serializers.Serializer):
    enquiries = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        min_length=1,
        max_length=100,
        help_text="The ids of the enquiries about the same matter; you must be able to act "
        "on each.",
        error_messages={
            "required": "Give the enquiries to link",
            "min_length": "Give the enquiries to link",
        },
    )


class RespondLinkedInSerializer(serializers.Serializer):
    response = serializers.CharField(
        max_length=20000,
        help_text="The response every linked enquiry gets.",
        error_messages={"required": "Enter the response", "blank": "Enter the response"},
    )
    minor = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Minor information: the committee chair and lead member are not advised.",
    )
    files = FILES_IN()


class LeftOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    reason = serializers.CharField()


class RespondedSerializer(serializers.Serializer):
    responded = LinkedSerializer(many=True)
    left_out = LeftOutSerializer(many=True)


class _Linking(_OnEnquiry):
    def enquiry(self, request, pk: int):
        enquiry = super().enquiry(request, pk)
        require(can_link, request.user, enquiry)
        return enquiry

    def linked(self, request, enquiry) -> Response:
        return Response(LinkedSerializer(linked_for(request.user, enquiry), many=True).data)


class EnquiryLinksView(_Linking):
    @extend_schema(
        summary="The enquiries linked with an enquiry",
        description="For the officers who may act on it.",
        responses={200: LinkedSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk: int) -> Response:
        return self.linked(request, self.enquiry(request, pk))

    @extend_schema(
        summary="Link enquiries about the same matter",
        description="Links the given enquiries with this one. You must be able to act on each, "
        "and none may already be linked elsewhere.",
        request=LinkInSerializer,
        responses={
            200: LinkedSerializer(many=True),
            400: FIELD_ERRORS,
            403: REFUSED,
            404: NOT_FOUND,
        },
    )
    def post(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        ids = self.incoming(LinkInSerializer, request)["enquiries"]
        others = list(enquiries_visible_to(request.user).filter(pk__in=ids))
        missing = sorted(set(ids) - {other.pk for other in others})
        if missing:
            raise ValidationError({"enquiries": f"There is no enquiry {missing[0]} you can see"})
        services.enquiry_link(actor=request.user, enquiry=enquiry, others=others)
        return self.linked(request, enquiry)


class EnquiryUnlinkView(_Linking):
    @extend_schema(
        summary="Unlink an enquiry",
        description="Takes it out of its linked enquiries; the others stay linked.",
        request=None,
        responses={
            200: LinkedSerializer(many=True),
            400: FIELD_ERRORS,
            403: REFUSED,
            404: NOT_FOUND,
        },
    )
    def post(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        services.enquiry_unlink(actor=request.user, enquiry=enquiry)
        return self.linked(request, enquiry)


class EnquiryRespondLinkedView(_Linking):
    @extend_schema(
        summary="Respond to an enquiry and every one linked with it",
        description="Each open linked enquiry you may respond to closes with the response and "
        "its councillor is emailed once; the rest are listed as left out, with why. Sent "
        "again, nothing is open any more: 400, and nothing is sent.",
        request=RespondLinkedInSerializer,
        responses={200: RespondedSerializer, 400: FIELD_ERRORS, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        data = self.incoming(RespondLinkedInSerializer, request)
        result = services.enquiry_respond_linked(actor=request.user, enquiry=enquiry, **data)
        return Response(
            {
                "responded": [
                    {"id": e.pk, "reference": e.reference, "status": e.status, "in_reach": True}
                    for e in result.responded
                ],
                "left_out": [
                    {"id": e.pk, "reference": e.reference, "reason": why}
                    for e, why in result.left_out
                ],
            }
        )
