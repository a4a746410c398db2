"""The shapes of the enquiries API: one enquiry out, one new enquiry in, the list's filters."""

from __future__ import annotations

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from protocol_site.api_shapes import day, moment, named, text
from registers.models import Councillor, Officer, Service, Ward
from registers.roles import Person, person_for

from ..models import Enquiry, EnquiryEvent, Status
from ..permissions import can_record
from ..selectors import may_read_casework, timeline_for
from ..services.followup import follow_up_deadline

Channel = Enquiry.Channel


class NamedRefSerializer(serializers.Serializer):
    """A record named by its id, with the name people read."""

    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)


class EventKindField(serializers.CharField):
    """A timeline step's kind, documented as its own enum (EventKindFieldSchema)."""


class EventKindFieldSchema(OpenApiSerializerFieldExtension):
    """`TimelineKindEnum` as a named component. Inline, it would share the property name `kind`
    with the enquiry's own kind, and drf-spectacular could not name either enum cleanly."""

    target_class = EventKindField

    def map_serializer_field(self, auto_schema, direction):
        name = "TimelineKindEnum"
        steps = "\n".join(f"* `{v}` - {label}" for v, label in EnquiryEvent.Kind.choices)
        component = ResolvedComponent(
            name=name,
            type=ResolvedComponent.SCHEMA,
            object=name,
            schema={"type": "string", "enum": list(EnquiryEvent.Kind.values), "description": steps},
        )
        auto_schema.registry.register_on_missing(component)
        return component.ref


# What get_kind_display says, without working out the choices again for every step.
KIND_LABELS = {value: str(label) for value, label in EnquiryEvent.Kind.choices}


class TimelineEventSerializer(serializers.Serializer):
    at = serializers.DateTimeField(read_only=True)
    kind = EventKindField(read_only=True)
    label = serializers.CharField(source="get_kind_display", read_only=True)
    actor = serializers.SerializerMethodField(
        help_text="Who took the step; null when the council's system did (a reminder or "
        "escalation)."
    )
    detail = serializers.SerializerMethodField(
        help_text="What happened, in words; null where the casework text is confidential to you."
    )
    officer = NamedRefSerializer(
        read_only=True, allow_null=True, help_text="The officer it went to, if any."
    )
    new_date = serializers.DateField(
        read_only=True, allow_null=True, help_text="A new deadline set by this step."
    )

    def get_actor(self, event: EnquiryEvent) -> str | None:
        return event.actor.display_name if event.actor_id else None

    def to_representation(self, event: EnquiryEvent) -> dict:
        """The declared fields, built by hand (protocol_site.api_shapes): a page holds
        hundreds of steps."""
        return {
            "at": moment(event.at),
            "kind": text(event.kind),
            "label": KIND_LABELS.get(event.kind, event.kind),
            "actor": self.get_actor(event),
            "detail": self.get_detail(event),
            "officer": named(event.officer) if event.officer_id else None,
            "new_date": day(event.new_date),
        }

    def get_detail(self, event: EnquiryEvent) -> str | None:
        if self.context.get("casework_hidden") and event.kind in EnquiryEvent.CASEWORK_TEXT_KINDS:
            return None
        return event.detail


class EnquirySerializer(serializers.ModelSerializer):
    """One enquiry as the asker may see it; the timeline is theirs (timeline_for)."""

    councillor = NamedRefSerializer(read_only=True)
    service = NamedRefSerializer(read_only=True)
    ward = NamedRefSerializer(read_only=True, allow_null=True)
    assigned_to = NamedRefSerializer(read_only=True)
    director = NamedRefSerializer(read_only=True, allow_null=True)
    escalated_to = NamedRefSerializer(read_only=True, allow_null=True)
    details = serializers.SerializerMethodField(
        help_text="Null where the casework is confidential to you."
    )
    due_date = serializers.DateField(
        read_only=True, help_text="The last working day for a reply (YYYY-MM-DD)."
    )
    target_date = serializers.DateField(
        read_only=True,
        help_text="The date reminders and escalation work from: the due date, moved by a "
        "holding reply or an agreed extension.",
    )
    overdue = serializers.SerializerMethodField()
    shared_with_you = serializers.SerializerMethodField(
        help_text="True where a ward colleague shared their enquiry with you: you may read "
        "it and write messages on it."
    )
    response = serializers.SerializerMethodField(
        help_text="The full response, once responded; otherwise null."
    )
    timeline = serializers.SerializerMethodField()
    waiting_since = serializers.DateTimeField(
        read_only=True,
        allow_null=True,
        help_text="When an officer asked the councillor a question still waiting for the "
        "answer: the clock stands still meanwhile. Null when nothing is waiting.",
    )
    paused_working_days = serializers.IntegerField(
        read_only=True,
        help_text="Working days the clock stood still waiting for the councillor's answers, "
        "over every round; the due date of the round each fell in moved on by them.",
    )
    in_pre_election_period = serializers.BooleanField(
        read_only=True,
        help_text="Received during a pre-election period the Monitoring Officer declared "
        ": handle with the period's guidance in mind.",
    )
    urgent = serializers.BooleanField(
        read_only=True,
        help_text="Marked urgent by the councillor: due on the shorter clock, first in queues.",
    )
    urgent_reason = serializers.SerializerMethodField(
        help_text="Why it is urgent; null when it is not, or the casework is confidential to you."
    )
    follow_ups = serializers.IntegerField(
        read_only=True, help_text="How many times the councillor's follow-up reopened it."
    )
    follow_up_until = serializers.SerializerMethodField(
        help_text="Once responded: the last day the councillor may follow up (YYYY-MM-DD); "
        "otherwise null."
    )

    class Meta:
        model = Enquiry
        fields = [
            "id",
            "reference",
            "status",
            "councillor",
            "service",
            "subject",
            "details",
            "kind",
            "channel",
            "ward",
            "received_at",
            "in_pre_election_period",
            "due_date",
            "target_date",
            "overdue",
            "shared_with_you",
            "assigned_to",
            "director",
            "escalated_to",
            "routing_reason",
            "due_explanation",
            "waiting_since",
            "paused_working_days",
            "urgent",
            "urgent_reason",
            "follow_ups",
            "follow_up_until",
            "response",
            "timeline",
        ]
        read_only_fields = fields

    def _readable(self, enquiry: Enquiry) -> bool:
        return may_read_casework(self.context["request"].user, enquiry)

    def to_representation(self, enquiry: Enquiry) -> dict:
        """The declared fields (Meta.fields), built by hand (protocol_site.api_shapes): DRF's
        field-by-field machinery cost more than the database on a page of fifty."""
        readable = self._readable(enquiry)
        return {**self._body(enquiry, readable), "timeline": self._timeline(enquiry, readable)}

    def _body(self, enquiry: Enquiry, readable: bool) -> dict:
        responded = enquiry.status == Status.RESPONDED
        return {
            "id": enquiry.pk,
            "reference": enquiry.reference,
            "status": text(enquiry.status),
            "councillor": named(enquiry.councillor),
            "service": named(enquiry.service),
            "subject": enquiry.subject,
            "details": enquiry.details if readable else None,
            "kind": text(enquiry.kind),
            "channel": text(enquiry.channel),
            "ward": named(enquiry.ward) if enquiry.ward_id else None,
            "received_at": moment(enquiry.received_at),
            "in_pre_election_period": enquiry.in_pre_election_period,
            "due_date": day(enquiry.due_date),
            "target_date": day(enquiry.target_date),
            "overdue": enquiry.is_overdue(),
            "shared_with_you": self.get_shared_with_you(enquiry),
            "assigned_to": named(enquiry.assigned_to) if enquiry.assigned_to_id else None,
            "director": named(enquiry.director) if enquiry.director_id else None,
            "escalated_to": named(enquiry.escalated_to) if enquiry.escalated_to_id else None,
            "routing_reason": enquiry.routing_reason,
            "due_explanation": enquiry.due_explanation,
            "waiting_since": moment(enquiry.waiting_since),
            "paused_working_days": enquiry.paused_working_days,
            "urgent": enquiry.urgent,
            "urgent_reason": enquiry.urgent_reason if enquiry.urgent and readable else None,
            "follow_ups": enquiry.follow_ups,
            "follow_up_until": day(follow_up_deadline(enquiry)),
            "response": enquiry.response if responded and readable else None,
        }

    def _timeline(self, enquiry: Enquiry, readable: bool) -> list[dict]:
        events = getattr(enquiry, "visible_timeline", None)
        if events is None:
            events = timeline_for(self.context["request"].user, enquiry)
        steps = TimelineEventSerializer(context={**self.context, "casework_hidden": not readable})
        return [steps.to_representation(event) for event in events]

    def get_details(self, enquiry: Enquiry) -> str | None:
        return enquiry.details if self._readable(enquiry) else None

    def get_urgent_reason(self, enquiry: Enquiry) -> str | None:
        if not enquiry.urgent or not self._readable(enquiry):
            return None
        return enquiry.urgent_reason

    @extend_schema_field(OpenApiTypes.DATE)
    def get_follow_up_until(self, enquiry: Enquiry):
        return follow_up_deadline(enquiry)

    def get_overdue(self, enquiry: Enquiry) -> bool:
        return enquiry.is_overdue()

    def get_shared_with_you(self, enquiry: Enquiry) -> bool:
        person = person_for(self.context["request"].user)
        if person.officer is not None or person.councillor is None:
            return False
        return enquiry.councillor_id != person.councillor.pk

    def get_response(self, enquiry: Enquiry) -> str | None:
        if enquiry.status != Status.RESPONDED or not self._readable(enquiry):
            return None
        return enquiry.response

    @extend_schema_field(TimelineEventSerializer(many=True))
    def get_timeline(self, enquiry: Enquiry) -> list[dict]:
        request = self.context["request"]
        # The list prefetches each page's timelines in one query (views.enquiry_queryset).
        events = getattr(enquiry, "visible_timeline", None)
        if events is None:
            events = timeline_for(request.user, enquiry)
        context = {**self.context, "casework_hidden": not self._readable(enquiry)}
        return TimelineEventSerializer(events, many=True, context=context).data


@extend_schema_field(OpenApiTypes.DATETIME)
class AwareDateTimeField(serializers.DateTimeField):
    """ISO 8601 with its UTC offset: a time without one is ambiguous around clock changes."""

    default_error_messages = {
        "naive": "Give the time with its UTC offset, for example 2026-12-23T10:00:00+00:00.",
        "unreal": "Give a real date and time, for example 2026-12-23T10:00:00+00:00: there is "
        "no such day, hour or UTC offset.",
    }

    def to_internal_value(self, value):
        if isinstance(value, str):
            try:
                parsed = parse_datetime(value.strip())
            except ValueError:  # well formed, but no such time: 31 February, 25:00, +99:00
                self.fail("unreal")
            if parsed is not None and timezone.is_naive(parsed):
                self.fail("naive")
        return super().to_internal_value(value)


class EnquiryListItemSerializer(EnquirySerializer):
    """An enquiry in a list: all of it but its timeline, which its own page (the detail)
    gives. A page of fifty without fifty timelines is quick at a million enquiries."""

    timeline = None

    class Meta(EnquirySerializer.Meta):
        fields = [name for name in EnquirySerializer.Meta.fields if name != "timeline"]
        read_only_fields = fields

    def to_representation(self, enquiry: Enquiry) -> dict:
        return self._body(enquiry, self._readable(enquiry))


class EnquiryCreateSerializer(serializers.Serializer):
    """A new enquiry. A councillor's own is received now; an officer or democratic services
    recording one received another way names the councillor, the channel and the time."""

    councillor = serializers.PrimaryKeyRelatedField(
        queryset=Councillor.objects.select_related("user", "ward"),
        required=False,
        allow_null=True,
        help_text="The councillor's id. Officers and democratic services must give it; a "
        "councillor may leave it out (or give their own).",
    )
    subject = serializers.CharField(max_length=200)
    details = serializers.CharField()
    kind = serializers.ChoiceField(choices=Enquiry.Kind.choices)
    service = serializers.PrimaryKeyRelatedField(queryset=Service.objects.all())
    ward = serializers.PrimaryKeyRelatedField(
        queryset=Ward.objects.all(),
        required=False,
        allow_null=True,
        help_text="Left out: the councillor's ward; null: not about a particular ward.",
    )
    approached_officer = serializers.PrimaryKeyRelatedField(
        queryset=Officer.objects.active().select_related("user", "post"),
        required=False,
        allow_null=True,
        help_text="The officer the councillor approached directly, if any.",
    )
    channel = serializers.ChoiceField(
        choices=Channel.choices,
        required=False,
        help_text="How it was received: required from an officer or democratic services "
        "(email, phone, letter or in_person); a councillor's own is `online`.",
    )
    received_at = AwareDateTimeField(
        required=False,
        allow_null=True,
        help_text="When it was received, ISO 8601 with offset. Required from an officer or "
        "democratic services; not accepted from a councillor (theirs is received now).",
    )
    urgent_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=10000,
        help_text="If it is urgent, why (for example a risk to a person): it is then due in "
        "ENQUIRY_URGENT_WORKING_DAYS working days. Leave out if it is not urgent.",
    )

    def validate(self, attrs: dict) -> dict:
        person: Person = self.context["person"]
        named = attrs.get("councillor")
        own = person.councillor
        if own is not None and (named is None or named.pk == own.pk):
            errors = {}
            if attrs.get("received_at") is not None:
                errors["received_at"] = "Leave this out: your own enquiry is received now."
            if attrs.get("channel") not in (None, Channel.ONLINE):
                errors["channel"] = "Leave this out: your own enquiry is logged online."
            if errors:
                raise serializers.ValidationError(errors)
            return {**attrs, "councillor": own, "channel": Channel.ONLINE, "received_at": None}
        if not can_record(person):
            raise serializers.ValidationError(
                {"councillor": "You can log only your own enquiries."}
            )
        errors = {}
        if named is None:
            errors["councillor"] = "Give the id of the councillor whose enquiry this is."
        if attrs.get("channel") in (None, Channel.ONLINE):
            errors["channel"] = "Say how it was received: email, phone, letter or in_person."
        if attrs.get("received_at") is None:
            errors["received_at"] = "Give when it was received, ISO 8601 with its UTC offset."
        if errors:
            raise serializers.ValidationError(errors)
        return attrs
