"""The filters the complaints' lists take: the list page, its CSV download and the API read the
same ones (django-filter, registers.list_filters), applied to what the viewer may see
(complaints.selectors), never to anything wider.

A complaint's service and directorate are those of the officer party to it: the officer it is
about, or the officer who raised it about a member (their post in the structure today). Its
councillor is the councillor party the same way. Each filter is a GET parameter, so a
filtered list is a link anyone in reach can share.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from registers.list_filters import DayFilter, FilterForm, ListFilter, OfficerFilter, TickFilter
from registers.models import Councillor, Directorate, Service

from .models import Complaint, ComplaintStage, Status
from .search import complaint_search

# A councillor's complaints are theirs, about officers: no councillor or directorate to choose.
OFFICER_ONLY = ("directorate", "councillor")
TICKS = ("overdue", "escalated")
STAGES = [(n, f"Stage {n}") for n in range(1, 5)]


def _officer_party(path: str, value) -> Q:
    """The complaints whose officer party's post has `path` = `value`."""
    return Q(**{f"subject_officer__post__{path}": value}) | Q(
        direction=Complaint.Direction.OFFICER_ABOUT_MEMBER,
        **{f"complainant__officer__post__{path}": value},
    )


def overdue_q(today: datetime.date) -> Q:
    """Open complaints whose current stage is past the day it should have been resolved by."""
    late = ComplaintStage.objects.filter(
        complaint=OuterRef("pk"), number=OuterRef("stage_number"), resolve_by__lt=today
    )
    return Q(status=Status.OPEN) & Q(Exists(late))


class FormWithNames(FilterForm):
    error_names = {"officer": "the officer it concerns"}


class ComplaintFilter(ListFilter):
    """What a list of complaints may be narrowed by."""

    q = django_filters.CharFilter(method="search_words", label="Search", max_length=200)
    service = django_filters.ModelChoiceFilter(
        queryset=Service.objects.order_by("name"), method="of_service", label="Service"
    )
    directorate = django_filters.ModelChoiceFilter(
        queryset=Directorate.objects.order_by("name"),
        method="of_directorate",
        label="Directorate",
    )
    officer = OfficerFilter(method="of_officer", label="Officer it concerns", empty_label="Any")
    councillor = django_filters.ModelChoiceFilter(
        queryset=Councillor.objects.select_related("user").order_by(
            "user__last_name", "user__first_name", "pk"
        ),
        method="of_councillor",
        label="Councillor it concerns",
    )
    direction = django_filters.MultipleChoiceFilter(
        choices=Complaint.Direction.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Who raised it",
    )
    state = django_filters.MultipleChoiceFilter(
        field_name="status",
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Where it stands",
    )
    stage = django_filters.MultipleChoiceFilter(
        field_name="stage_number",
        choices=STAGES,
        widget=forms.CheckboxSelectMultiple,
        label="Stage reached",
    )
    overdue = TickFilter(method="only_overdue", label="Overdue")
    escalated = TickFilter(method="only_escalated", label="Moved up a stage")
    received_from = DayFilter(method="received_on_or_after", label="Raised from")
    received_to = DayFilter(method="received_on_or_before", label="Raised to")

    class Meta:
        model = Complaint
        fields: list[str] = []
        form = FormWithNames

    officer_only = OFFICER_ONLY
    ticks = TICKS
    received_field = "created_at"

    def search_words(self, qs: QuerySet[Complaint], name, value: str) -> QuerySet[Complaint]:
        return complaint_search(qs, self.user, value)

    def of_service(self, qs, name, value: Service) -> QuerySet[Complaint]:
        return qs.filter(_officer_party("service", value))

    def of_directorate(self, qs, name, value: Directorate) -> QuerySet[Complaint]:
        return qs.filter(_officer_party("directorate", value))

    def of_officer(self, qs, name, value) -> QuerySet[Complaint]:
        return qs.filter(
            Q(subject_officer=value)
            | Q(direction=Complaint.Direction.OFFICER_ABOUT_MEMBER, complainant_id=value.user_id)
        )

    def of_councillor(self, qs, name, value: Councillor) -> QuerySet[Complaint]:
        return qs.filter(
            Q(subject_councillor=value)
            | Q(direction=Complaint.Direction.MEMBER_ABOUT_OFFICER, complainant_id=value.user_id)
        )

    def only_overdue(self, qs, name, value: bool) -> QuerySet[Complaint]:
        return self.ticked(qs, value, overdue_q(timezone.localdate()))

    def only_escalated(self, qs, name, value: bool) -> QuerySet[Complaint]:
        return self.ticked(qs, value, Q(stage_number__gt=1))


class ComplaintApiFilter(ComplaintFilter):
    """The API list's filters: the page's, by id and ISO date as well, and `status` (one exact
    status; `state` takes several). Every filter is offered to everyone: a filter that finds
    nothing in reach answers with nothing."""

    status = django_filters.ChoiceFilter(choices=Status.choices, label="Status")
    officer_only = ()
