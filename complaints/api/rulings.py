"""The Chief Executive's rulings on interpreting the protocol, for those who read them."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers

from ..models import InterpretationRuling
from ..top.selectors import rulings_visible_to


class RulingSerializer(serializers.ModelSerializer):
    interprets = serializers.CharField(read_only=True)
    made_by = serializers.CharField(source="made_by.display_name", read_only=True)

    class Meta:
        model = InterpretationRuling
        fields = [
            "id",
            "reference",
            "title",
            "ruling",
            "rule",
            "paragraph",
            "interprets",
            "ruled_on",
            "made_by",
        ]


@extend_schema_view(
    get=extend_schema(
        summary="The Chief Executive's rulings on the protocol",
        description="Group Leaders, the Chief Executive, the Monitoring Officer and democratic "
        "services; 403 for anyone else. Newest first, 50 a page.",
        responses={
            200: RulingSerializer(many=True),
            403: OpenApiResponse(description="Not signed in, or not one who reads them."),
        },
    ),
)
class RulingListView(generics.ListAPIView):
    serializer_class = RulingSerializer
    queryset = InterpretationRuling.objects.none()

    def get_queryset(self):
        return rulings_visible_to(self.request.user)
