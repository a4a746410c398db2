"""The conversation on an enquiry in the API: messages both ways, internal notes (for those who
may see them), the question to the councillor and its answer, the chase and the withdrawal.

Scoped exactly like the pages: an enquiry outside the caller's reach is 404 (enquiry_for, asked
before anything else), a step the caller may not take is 403 (the same can_<verb> rules, in the
services), bad input 400 with field errors."""

from __future__ import annotations

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from protocol_site.api import JSONParser
from protocol_site.api_responses import FIELD_ERRORS, NOT_SIGNED_IN

from .. import services
from ..models import Enquiry, EnquiryEvent
from ..permissions import can_read_notes
from ..selectors import attachments_for, enquiry_for, may_read_casework, timeline_for
from .files import FILES_IN, ConversationEventSerializer
from .serializers import EnquirySerializer
from .views import one_enquiry

NOT_FOUND = OpenApiResponse(description="Not found, or not yours to see.")
REFUSED = OpenApiResponse(description="Not signed in, or not allowed to take this step.")


def _text(name: str, help_text: str, *, required: bool = True) -> serializers.CharField:
    return serializers.CharField(
        required=required,
        allow_blank=not required,
        max_length=10000,
        help_text=help_text,
        error_messages={"required": f"Enter the {name}", "blank": f"Enter the {name}"},
    )


class MessageInSerializer(serializers.Serializer):
    message = _text("message", "The message; the other side is told by email.")
    files = FILES_IN()


class NoteInSerializer(serializers.Serializer):
    note = _text("note", "The internal note; the councillor never sees it.")
    files = FILES_IN()


class QuestionInSerializer(serializers.Serializer):
    question = _text("question", "What the officer needs clarified, or the consent needed.")
    files = FILES_IN()


class AnswerInSerializer(serializers.Serializer):
    answer = _text("answer", "The councillor's answer; the clock restarts.")
    files = FILES_IN()


class ChaseInSerializer(serializers.Serializer):
    message = _text("message", "Anything to add (optional).", required=False)


class WithdrawInSerializer(serializers.Serializer):
    reason = _text("reason", "Why the councillor is withdrawing the enquiry.")


class FollowUpInSerializer(serializers.Serializer):
    message = _text("follow-up", "What is still needed; the enquiry reopens for a new round.")
    files = FILES_IN()


class UrgentInSerializer(serializers.Serializer):
    reason = _text("reason", "Why it is urgent, for example a risk to a person.")


class NotUrgentInSerializer(serializers.Serializer):
    reason = _text("reason", "Why it is no longer urgent (optional).", required=False)


def _with_files(request, enquiry: Enquiry, events):
    """Each step's files, those the caller may download, in one query."""
    files = attachments_for(request.user, enquiry)
    return events.prefetch_related(Prefetch("attachments", queryset=files, to_attr="files"))


def _events(request, enquiry: Enquiry, kinds) -> list:
    casework_hidden = not may_read_casework(request.user, enquiry)
    events = _with_files(request, enquiry, timeline_for(request.user, enquiry))
    return ConversationEventSerializer(
        events.filter(kind__in=kinds),
        many=True,
        context={"request": request, "casework_hidden": casework_hidden},
    ).data


def _one_event(request, enquiry: Enquiry, event: EnquiryEvent) -> dict:
    casework_hidden = not may_read_casework(request.user, enquiry)
    context = {"request": request, "casework_hidden": casework_hidden}
    event = _with_files(request, enquiry, EnquiryEvent.objects.filter(pk=event.pk)).get()
    return ConversationEventSerializer(event, context=context).data


def _enquiry_body(request, enquiry: Enquiry) -> dict:
    fresh = one_enquiry(request.user, enquiry.pk)
    return EnquirySerializer(fresh, context={"request": request}).data


class _OnEnquiry(APIView):
    """A step on one enquiry. Its JSON body is read by the site's parser, as every endpoint's
    is (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]); a step that takes files takes a multipart
    body as well, its files under `files`."""

    parser_classes = [JSONParser, MultiPartParser]

    def enquiry(self, request, pk: int) -> Enquiry:
        return enquiry_for(request.user, pk)

    def incoming(self, serializer_class, request) -> dict:
        data = serializer_class(data=request.data)
        data.is_valid(raise_exception=True)
        return data.validated_data


class EnquiryMessagesView(_OnEnquiry):
    @extend_schema(
        summary="An enquiry's messages",
        description="Messages both ways, the officers' questions, the councillor's answers and "
        "chases, oldest first. The text is null where the casework is confidential to you.",
        responses={200: ConversationEventSerializer(many=True), 403: NOT_SIGNED_IN, 404: NOT_FOUND},
    )
    def get(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        return Response(_events(request, enquiry, EnquiryEvent.MESSAGE_KINDS))

    @extend_schema(
        summary="Write a message on an enquiry",
        description="From the councillor to the officers dealing with it, or from one of them "
        "to the councillor; the other side is emailed once. Open enquiries only.",
        request=MessageInSerializer,
        responses={
            201: ConversationEventSerializer,
            400: FIELD_ERRORS,
            403: REFUSED,
            404: NOT_FOUND,
        },
    )
    def post(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        data = self.incoming(MessageInSerializer, request)
        event = services.enquiry_message(actor=request.user, enquiry=enquiry, **data)
        return Response(_one_event(request, enquiry, event), status=status.HTTP_201_CREATED)


class EnquiryNotesView(_OnEnquiry):
    def enquiry(self, request, pk: int) -> Enquiry:
        enquiry = super().enquiry(request, pk)
        if not can_read_notes(request.user, enquiry):
            raise PermissionDenied("Internal notes are for officers only.")
        return enquiry

    @extend_schema(
        summary="An enquiry's internal notes",
        description="For the officers who may see the enquiry; never the councillor (403).",
        responses={200: ConversationEventSerializer(many=True), 403: REFUSED, 404: NOT_FOUND},
    )
    def get(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        return Response(_events(request, enquiry, [EnquiryEvent.Kind.NOTE]))

    @extend_schema(
        summary="Add an internal note",
        description="The officers dealing with it and their managers. No one is emailed.",
        request=NoteInSerializer,
        responses={
            201: ConversationEventSerializer,
            400: FIELD_ERRORS,
            403: REFUSED,
            404: NOT_FOUND,
        },
    )
    def post(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        data = self.incoming(NoteInSerializer, request)
        event = services.enquiry_add_note(actor=request.user, enquiry=enquiry, **data)
        return Response(_one_event(request, enquiry, event), status=status.HTTP_201_CREATED)


def _step(summary: str, description: str, incoming, perform):
    """A POST-only step on an enquiry: its input, the service, the enquiry as it is after."""

    @extend_schema(
        summary=summary,
        description=description,
        request=incoming,
        responses={200: EnquirySerializer, 400: FIELD_ERRORS, 403: REFUSED, 404: NOT_FOUND},
    )
    def post(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        perform(actor=request.user, enquiry=enquiry, **self.incoming(incoming, request))
        return Response(_enquiry_body(request, enquiry))

    return type(
        f"{incoming.__name__.removesuffix('InSerializer')}StepView", (_OnEnquiry,), {"post": post}
    )


EnquiryAskView = _step(
    "Ask the councillor a question",
    "An officer who may work on it asks for clarification or consent: the enquiry waits with "
    "the councillor and its working days stop until the answer.",
    QuestionInSerializer,
    services.enquiry_ask_councillor,
)
EnquiryAnswerView = _step(
    "Answer the officer's question",
    "The councillor answers: the clock restarts and the due date moves on by the working "
    "days it waited.",
    AnswerInSerializer,
    services.enquiry_answer,
)
EnquiryChaseView = _step(
    "Chase an enquiry",
    "The councillor chases: the officer is told, and whoever it has been escalated to if it "
    "is overdue.",
    ChaseInSerializer,
    services.enquiry_chase,
)
EnquiryWithdrawView = _step(
    "Withdraw an enquiry",
    "The councillor withdraws an open enquiry, with a reason; it closes.",
    WithdrawInSerializer,
    services.enquiry_withdraw,
)
EnquiryFollowUpView = _step(
    "Follow up a response",
    "The councillor follows up a response within ENQUIRY_FOLLOW_UP_WORKING_DAYS working days "
    "of it: the enquiry reopens with a new due date and its own reminders and escalation, and "
    "the officer who responded is emailed once. After that the follow-up is refused (400).",
    FollowUpInSerializer,
    services.enquiry_follow_up,
)
_UrgentStepView = _step(
    "Mark an enquiry urgent",
    "The councillor marks an open enquiry urgent with a reason: it is due "
    "ENQUIRY_URGENT_WORKING_DAYS working days after receipt and comes first in queues; the "
    "officer it is with is emailed once.",
    UrgentInSerializer,
    services.enquiry_mark_urgent,
)


class EnquiryUrgentView(_UrgentStepView):
    @extend_schema(
        summary="Say an enquiry is no longer urgent",
        description="The councillor who made it says an open urgent enquiry is no longer "
        "urgent (why, optionally): it is due on the ordinary clock again, counted from receipt "
        "(or the follow-up that opened this round) and moved on by any pause; the officer it "
        "is with is emailed once. 400 if it is not urgent.",
        request=NotUrgentInSerializer,
        responses={200: EnquirySerializer, 400: FIELD_ERRORS, 403: REFUSED, 404: NOT_FOUND},
    )
    def delete(self, request, pk: int) -> Response:
        enquiry = self.enquiry(request, pk)
        data = self.incoming(NotUrgentInSerializer, request)
        services.enquiry_unmark_urgent(actor=request.user, enquiry=enquiry, **data)
        return Response(_enquiry_body(request, enquiry))
