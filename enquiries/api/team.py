"""/api/v1/team-queue/: the enquiries waiting in the team queues a person may see, as on the
team queue page (their own service's, and those they allocate). Thin: a selector, a filter,
a serializer. A bad filter value answers 400 with field errors."""

from __future__ import annotations

import django_filters
from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.exceptions import PermissionDenied

from protocol_site.api_responses import FIELD_ERRORS
from registers.models import Service
from registers.roles import person_for

from ..models import Enquiry
from ..permissions import queue_service_ids
from ..selectors import team_queue_for
from .serializers import NamedRefSerializer


class QueuedEnquirySerializer(serializers.ModelSerializer):
    service = NamedRefSerializer(read_only=True)
    councillor = NamedRefSerializer(read_only=True)
    may_allocate = serializers.SerializerMethodField(
        help_text="Whether you allocate this service's queue (as its head, or their delegate)."
    )

    class Meta:
        model = Enquiry
        fields = [
            "id",
            "reference",
            "subject",
            "service",
            "councillor",
            "urgent",
            "received_at",
            "target_date",
            "may_allocate",
        ]

    def get_may_allocate(self, enquiry: Enquiry) -> bool:
        return enquiry.service_id in self.context["allocates"]


class TeamQueueFilter(django_filters.FilterSet):
    service = django_filters.ModelChoiceFilter(
        queryset=Service.objects.all(), help_text="One service's queue (its id)."
    )
    urgent = django_filters.BooleanFilter(help_text="true: only the urgent ones.")

    class Meta:
        model = Enquiry
        fields: list[str] = []


@extend_schema_view(
    get=extend_schema(
        summary="Enquiries waiting in your team queues",
        description="As on the team queue page: the open enquiries waiting unallocated in "
        "your own service's queue and in those you allocate; urgent first, then the soonest "
        "due, 50 a page. Only officers have team queues (403 for anyone else).",
        responses={
            200: QueuedEnquirySerializer(many=True),
            400: FIELD_ERRORS,
            403: OpenApiResponse(description="Not signed in, or not an officer."),
        },
    ),
)
class TeamQueueView(generics.ListAPIView):
    serializer_class = QueuedEnquirySerializer
    queryset = Enquiry.objects.none()  # the real one is the asker's: get_queryset
    filter_backends = [DjangoFilterBackend]
    filterset_class = TeamQueueFilter

    def get_queryset(self) -> QuerySet[Enquiry]:
        if person_for(self.request.user).officer is None:
            raise PermissionDenied("Only officers have team queues.")
        return team_queue_for(self.request.user)

    def get_serializer_context(self) -> dict:
        context = super().get_serializer_context()
        context["allocates"] = queue_service_ids(self.request.user)
        return context
