"""/api/v1/member-meetings/: members' public meetings the caller can see, scoped exactly as
the pages are (the councillor, the officer told; democratic services and the Monitoring
Officer see them all). Included by protocol_site/api_urls.py."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import generics, serializers

from protocol_site.api_responses import NOT_SIGNED_IN

from .models import MemberMeeting
from .selectors import JOINS, member_meetings_visible_to


class MemberMeetingSerializer(serializers.ModelSerializer):
    councillor = serializers.CharField(source="councillor.__str__", read_only=True)
    service = serializers.CharField(source="service.name", read_only=True)
    officer = serializers.CharField(source="officer.__str__", read_only=True)

    class Meta:
        model = MemberMeeting
        fields = [
            "id",
            "subject",
            "meeting_at",
            "place",
            "service",
            "councillor",
            "officer",
            "told_at",
            "cancelled_at",
        ]


@extend_schema_view(
    get=extend_schema(
        summary="Members' public meetings you can see",
        description="The councillor arranging it and the officer told see a meeting; "
        "democratic services and the Monitoring Officer see them all. Latest first, 50 a page.",
        responses={
            200: MemberMeetingSerializer(many=True),
            403: NOT_SIGNED_IN,
        },
    ),
)
class MemberMeetingListView(generics.ListAPIView):
    serializer_class = MemberMeetingSerializer
    queryset = MemberMeeting.objects.none()

    def get_queryset(self) -> QuerySet[MemberMeeting]:
        return (
            member_meetings_visible_to(self.request.user)
            .select_related(*JOINS)
            .order_by("-meeting_at", "-pk")
        )


urlpatterns = [
    path("member-meetings/", MemberMeetingListView.as_view(), name="member-meeting-list"),
]
