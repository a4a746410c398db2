"""Files on the conversation in the API: each step's files with their download links, the list
of every file the caller may download, the download itself, and the `files` a step takes in a
multipart body. Scoped like the pages (enquiries.selectors.attachments_for)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView

from protocol_site.api_responses import NOT_SIGNED_IN

from ..models import EnquiryAttachment
from ..selectors import attachments_for, enquiry_for
from ..views.files import attachment_download
from .serializers import EventKindField, TimelineEventSerializer

NOT_FOUND = OpenApiResponse(description="Not found, or not yours to see.")


def FILES_IN() -> serializers.ListField:  # noqa: N802 - a field, declared like one
    """The files a step takes, in a multipart body; the service checks each one."""
    return serializers.ListField(
        child=serializers.FileField(allow_empty_file=True, use_url=False),
        required=False,
        help_text="Files to attach (multipart/form-data only, one `files` part each): PDF, "
        "Word, Excel, OpenDocument text, JPG, PNG or text, each within the size limit.",
    )


class AttachmentSerializer(serializers.ModelSerializer):
    kind = EventKindField(
        source="event.kind", read_only=True, help_text="The step the file came with."
    )
    download = serializers.SerializerMethodField(help_text="Where to download the file.")

    class Meta:
        model = EnquiryAttachment
        fields = ["id", "name", "size", "uploaded_at", "kind", "download"]
        extra_kwargs = {"size": {"help_text": "In bytes."}}

    def get_download(self, attachment: EnquiryAttachment) -> str:
        return reverse(
            "api:enquiry-attachment",
            args=[attachment.enquiry_id, attachment.pk],
            request=self.context.get("request"),
        )


class StepFileSerializer(AttachmentSerializer):
    class Meta(AttachmentSerializer.Meta):
        fields = ["id", "name", "size", "download"]


class ConversationEventSerializer(TimelineEventSerializer):
    """A step of the conversation with its files (prefetched as `files`)."""

    files = serializers.SerializerMethodField(
        help_text="The files with this step that you may download."
    )

    @extend_schema_field(StepFileSerializer(many=True))
    def get_files(self, event) -> list[dict]:
        return StepFileSerializer(getattr(event, "files", []), many=True, context=self.context).data

    def to_representation(self, event) -> dict:
        return {**super().to_representation(event), "files": self.get_files(event)}


class EnquiryAttachmentsView(APIView):
    @extend_schema(
        summary="An enquiry's files",
        description="Every file on the messages, responses and notes you may read, oldest "
        "first, with its download link. None where the casework is confidential to you; an "
        "internal note's files never for the councillor.",
        responses={200: AttachmentSerializer(many=True), 403: NOT_SIGNED_IN, 404: NOT_FOUND},
    )
    def get(self, request, pk: int) -> Response:
        enquiry = enquiry_for(request.user, pk)
        files = attachments_for(request.user, enquiry).select_related("event")
        return Response(AttachmentSerializer(files, many=True, context={"request": request}).data)


class EnquiryAttachmentView(APIView):
    @extend_schema(
        summary="Download a file",
        description="The file itself, as an attachment. Downloads of confidential casework "
        "are audited.",
        responses={
            (200, "application/octet-stream"): OpenApiTypes.BINARY,
            403: NOT_SIGNED_IN,
            404: NOT_FOUND,
        },
    )
    def get(self, request, pk: int, file_pk: int):
        return attachment_download(request.user, pk, file_pk)
