"""/api/v1/absences/: the absences a person may see, as on /cover/. Thin: a selector, filters,
a serializer. Bad filter values answer 400 with field errors."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import generics, serializers
from rest_framework.exceptions import PermissionDenied

from protocol_site.api_responses import FIELD_ERRORS

from ..cover.rules import absences_visible_to
from ..models import Absence, Officer
from ..roles import person_for


class NamedOfficerSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(source="__str__", read_only=True)


class AbsenceSerializer(serializers.ModelSerializer):
    officer = NamedOfficerSerializer(read_only=True)
    cover = NamedOfficerSerializer(
        read_only=True, allow_null=True, help_text="Null: new work goes to the team queue."
    )

    class Meta:
        model = Absence
        fields = ["id", "officer", "starts_on", "ends_on", "cover", "recorded_at"]


class AbsenceFilter(django_filters.FilterSet):
    officer = django_filters.ModelChoiceFilter(
        queryset=Officer.objects.all(), help_text="The officer who is away (their id)."
    )
    cover = django_filters.ModelChoiceFilter(
        queryset=Officer.objects.all(), help_text="The officer covering (their id)."
    )
    on = django_filters.DateFilter(
        method="away_on", help_text="Only absences that include this day (YYYY-MM-DD)."
    )
    mine = django_filters.BooleanFilter(
        method="only_mine", help_text="true: only yours, and those you cover."
    )

    class Meta:
        model = Absence
        fields: list[str] = []

    def away_on(self, qs, name, value):
        return qs.filter(starts_on__lte=value, ends_on__gte=value)

    def only_mine(self, qs, name, value):
        if value is None:
            return qs
        me = person_for(self.request.user).officer
        mine = Q(officer=me) | Q(cover=me) if me is not None else Q(pk__in=[])
        return qs.filter(mine) if value else qs.exclude(mine)


@extend_schema_view(
    get=extend_schema(
        summary="Absences and cover you can see",
        description="As on the cover pages: your own, those you cover, your staff's (at any "
        "depth below you), and every one for democratic services; current and future only, "
        "soonest first, 50 a page. Councillors have none (403).",
        responses={
            200: AbsenceSerializer(many=True),
            400: FIELD_ERRORS,
            403: OpenApiResponse(description="Not signed in, or not an officer."),
        },
    ),
)
class AbsenceListView(generics.ListAPIView):
    serializer_class = AbsenceSerializer
    queryset = Absence.objects.none()  # the real one is the asker's: get_queryset
    filter_backends = [DjangoFilterBackend]
    filterset_class = AbsenceFilter

    def get_queryset(self) -> QuerySet[Absence]:
        person = person_for(self.request.user)
        if person.officer is None and not person.can_manage_organisation:
            raise PermissionDenied("Only officers and democratic services see absences.")
        return absences_visible_to(self.request.user).order_by("starts_on", "pk")
