"""The conversation at each stage of a complaint in the API: the messages the caller may read,
and writing one.

Scoped exactly like the pages: a complaint outside the caller's reach is 404 (complaint_for,
asked before anything else), a message the caller may not write is 403 (the same can_<verb>
rules, in the service), bad input 400 with field errors. The person the complaint is about reads
only the messages the handler shared with them; those it is reported or copied to and the
managers above the handler read none (an empty list)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from protocol_site.api_responses import FIELD_ERRORS, NOT_SIGNED_IN

from ..models import ComplaintEvent
from ..selectors import complaint_for, messages_for
from ..services import complaint_message, complaint_record_view
from .serializers import ComplaintEventKindField

NOT_FOUND = OpenApiResponse(description="Not found, or not yours to see.")
REFUSED = OpenApiResponse(description="Not signed in, or not allowed to write on it now.")


class ComplaintMessageSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    at = serializers.DateTimeField(read_only=True)
    kind = ComplaintEventKindField(read_only=True)
    stage_number = serializers.IntegerField(read_only=True, help_text="The stage it was sent at.")
    author = serializers.SerializerMethodField(help_text="Who wrote it.")
    message = serializers.CharField(source="detail", read_only=True)
    shared_with_subject = serializers.BooleanField(
        read_only=True,
        help_text="The handler shared it with the person the complaint is about.",
    )

    def get_author(self, event: ComplaintEvent) -> str | None:
        return event.actor.display_name if event.actor else None


class ComplaintMessageInSerializer(serializers.Serializer):
    message = serializers.CharField(
        max_length=10000,
        help_text="The message; the other side is told by email.",
        error_messages={"required": "Enter your message", "blank": "Enter your message"},
    )
    share_with_subject = serializers.BooleanField(
        required=False,
        default=False,
        help_text="The handler only: also share it with the person the complaint is about, "
        "once they have been told of the complaint.",
    )


class ComplaintMessagesView(APIView):
    """Its JSON body is read by the site's parser, as every endpoint's is."""

    @extend_schema(
        summary="A complaint's messages",
        description="The messages between the complainant and the handlers of its stages that "
        "you may read, oldest first. Reading them is audited like opening the complaint.",
        responses={
            200: ComplaintMessageSerializer(many=True),
            403: NOT_SIGNED_IN,
            404: NOT_FOUND,
        },
    )
    def get(self, request, pk: int) -> Response:
        complaint = complaint_for(request.user, pk)
        complaint_record_view(actor=request.user, complaint=complaint)
        messages = messages_for(request.user, complaint)
        return Response(ComplaintMessageSerializer(messages, many=True).data)

    @extend_schema(
        summary="Write a message on a complaint",
        description="From the complainant to the handler of the open stage, or from the handler "
        "to the complainant; the other side is emailed once. Open stages only.",
        request=ComplaintMessageInSerializer,
        responses={
            201: ComplaintMessageSerializer,
            400: FIELD_ERRORS,
            403: REFUSED,
            404: NOT_FOUND,
        },
    )
    def post(self, request, pk: int) -> Response:
        complaint = complaint_for(request.user, pk)
        incoming = ComplaintMessageInSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        event = complaint_message(
            actor=request.user, complaint=complaint, **incoming.validated_data
        )
        body = ComplaintMessageSerializer(event).data
        return Response(body, status=status.HTTP_201_CREATED)
