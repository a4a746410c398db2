"""The shape of one complaint in the API, as the reader may see it.

The views hand over each complaint as the selectors shaped it for the reader
(`complaints.selectors.Shaped`): its stages and timeline, and whether the reader sees the
internal side (handlers' names, the management note) or the public side only.
"""

from __future__ import annotations

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from protocol_site.api_shapes import day, moment, text

from ..models import Complaint, ComplaintEvent, ComplaintStage


class ComplaintEventKindField(serializers.CharField):
    """A timeline step's kind, documented as its own enum (ComplaintEventKindFieldSchema)."""


class ComplaintEventKindFieldSchema(OpenApiSerializerFieldExtension):
    """`ComplaintTimelineKindEnum` as a named component, so it does not collide with the
    enquiries' `TimelineKindEnum` under the shared property name `kind`."""

    target_class = ComplaintEventKindField

    def map_serializer_field(self, auto_schema, direction):
        name = "ComplaintTimelineKindEnum"
        steps = "\n".join(f"* `{v}` - {label}" for v, label in ComplaintEvent.Kind.choices)
        component = ResolvedComponent(
            name=name,
            type=ResolvedComponent.SCHEMA,
            object=name,
            schema={
                "type": "string",
                "enum": list(ComplaintEvent.Kind.values),
                "description": steps,
            },
        )
        auto_schema.registry.register_on_missing(component)
        return component.ref


class ComplaintTimelineEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField(read_only=True)
    kind = ComplaintEventKindField(read_only=True)
    detail = serializers.CharField(read_only=True)

    def to_representation(self, event: ComplaintEvent) -> dict:
        return {"at": moment(event.at), "kind": text(event.kind), "detail": text(event.detail)}


class ComplaintStageSerializer(serializers.Serializer):
    number = serializers.IntegerField(read_only=True)
    handler_role = serializers.CharField(read_only=True)
    handler = serializers.SerializerMethodField(
        help_text="The handler's name; null for those who see the public side only (the "
        "complainant, the subject, and those it is reported or copied to), as on the page."
    )
    opened_at = serializers.DateTimeField(read_only=True)
    acknowledge_by = serializers.DateField(read_only=True)
    resolve_by = serializers.DateField(read_only=True)
    closed_at = serializers.DateTimeField(read_only=True, allow_null=True)
    outcome = serializers.CharField(read_only=True, help_text="Blank until the stage is decided.")
    management_note = serializers.SerializerMethodField(
        help_text="Confidential: null unless you are a handler or the Monitoring "
        "Officer, and never for the complainant or the subject."
    )

    def get_handler(self, stage: ComplaintStage) -> str | None:
        if not self.context.get("internal", False):
            return None
        return stage.handler.display_name

    def get_management_note(self, stage: ComplaintStage) -> str | None:
        if not self.context.get("internal", False):
            return None
        return stage.management_note

    def to_representation(self, stage: ComplaintStage) -> dict:
        """The declared fields, built by hand (protocol_site.api_shapes)."""
        return {
            "number": stage.number,
            "handler_role": text(stage.handler_role),
            "handler": self.get_handler(stage),
            "opened_at": moment(stage.opened_at),
            "acknowledge_by": day(stage.acknowledge_by),
            "resolve_by": day(stage.resolve_by),
            "closed_at": moment(stage.closed_at),
            "outcome": text(stage.outcome),
            "management_note": self.get_management_note(stage),
        }


class ComplaintSerializer(serializers.ModelSerializer):
    """One complaint as the reader may see it (CMP-5): give it a `Shaped`'s complaint."""

    stages = serializers.SerializerMethodField()
    timeline = serializers.SerializerMethodField()

    class Meta:
        model = Complaint
        fields = [
            "id",
            "reference",
            "direction",
            "status",
            "summary",
            "created_at",
            "stage_number",
            "stages",
            "timeline",
        ]
        read_only_fields = fields

    def to_representation(self, complaint: Complaint) -> dict:
        """The declared fields (Meta.fields), built by hand (protocol_site.api_shapes)."""
        shaped = complaint.shaped
        stages = ComplaintStageSerializer(context={**self.context, "internal": shaped.internal})
        steps = ComplaintTimelineEventSerializer(context=self.context)
        return {
            "id": complaint.pk,
            "reference": complaint.reference,
            "direction": text(complaint.direction),
            "status": text(complaint.status),
            "summary": complaint.summary,
            "created_at": moment(complaint.created_at),
            "stage_number": complaint.stage_number,
            "stages": [stages.to_representation(stage) for stage in shaped.stages],
            "timeline": [steps.to_representation(event) for event in shaped.timeline],
        }

    @extend_schema_field(ComplaintStageSerializer(many=True))
    def get_stages(self, complaint: Complaint) -> list[dict]:
        shaped = complaint.shaped
        context = {**self.context, "internal": shaped.internal}
        return ComplaintStageSerializer(shaped.stages, many=True, context=context).data

    @extend_schema_field(ComplaintTimelineEventSerializer(many=True))
    def get_timeline(self, complaint: Complaint) -> list[dict]:
        return ComplaintTimelineEventSerializer(
            complaint.shaped.timeline, many=True, context=self.context
        ).data
