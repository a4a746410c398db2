"""Requests for advice and lobbying reports in the API, as the reader may see them."""

from __future__ import annotations

from rest_framework import serializers

from ..models import AdviceRequest, LobbyingReport


class AdviceRequestSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    topic = serializers.CharField(read_only=True)
    topic_label = serializers.CharField(source="get_topic_display", read_only=True)
    asker = serializers.CharField(source="asker.display_name", read_only=True)
    advised_by = serializers.CharField(
        source="advised_by.display_name", read_only=True, default=None
    )

    class Meta:
        model = AdviceRequest
        fields = [
            "id",
            "reference",
            "asker",
            "status",
            "status_label",
            "topic",
            "topic_label",
            "question",
            "created_at",
            "due_on",
            "advice",
            "advised_by",
            "advised_at",
        ]
        read_only_fields = fields


class LobbyingReportSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    member = serializers.CharField(source="member.display_name", read_only=True)
    officer = serializers.CharField(source="officer.user.display_name", read_only=True)

    class Meta:
        model = LobbyingReport
        fields = [
            "id",
            "reference",
            "member",
            "officer",
            "lobbied_on",
            "what",
            "status",
            "status_label",
            "action",
            "actioned_at",
            "created_at",
        ]
        read_only_fields = fields
