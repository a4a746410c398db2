"""GET /api/v1/council-rules/: the council's rules as they stand, for anyone signed in (they
are the council's published working days and who things go to). Democratic services change them
on /organisation/rules/."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from .council_rules import SPECS, council_rules


class CouncilRuleOut(serializers.Serializer):
    name = serializers.CharField(help_text="The rule, named as its setting")
    question = serializers.CharField(help_text="What the rule decides, in the council's words")
    value = serializers.JSONField(
        help_text="A whole number of days or months, true or false, a choice, or a list: the "
        "escalation ladder as rung:working days, or the people told"
    )


class CouncilRulesView(APIView):
    @extend_schema(responses=CouncilRuleOut(many=True), summary="The council's rules")
    def get(self, request):
        values = council_rules()
        rows = [{"name": s.name, "question": s.label, "value": values[s.name]} for s in SPECS]
        return Response(CouncilRuleOut(rows, many=True).data)
