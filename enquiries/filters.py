"""The filters every list of enquiries takes: the officers' and councillors' lists, their CSV
download, saved views and the API read the same ones (django-filter), applied to what the
viewer may see (the selectors), never to anything wider.

Each filter is a GET parameter, so a filtered list is a link anyone in reach can share:
`?service=3&ward=7&urgent=on&received_from=1/11/2026&q=flooding`. A bad value (an unknown
service, 31/02/2026) is an error on its field, in GOV.UK words, never a server error.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from registers.list_filters import DayFilter, FilterForm, ListFilter, OfficerFilter, TickFilter
from registers.models import Councillor, Directorate, Service, Ward

from .models import OPEN_STATUSES, Enquiry, Status, overdue_q
from .search import enquiry_search

# Filters only officers (and democratic services) are offered: a councillor's list is theirs.
OFFICER_ONLY = ("directorate", "councillor", "officer", "escalated")
# The "Show only" tick boxes, in the order the panel shows them.
TICKS = ("urgent", "overdue", "escalated", "waiting")


class EnquiryFilter(ListFilter):
    """What a list of enquiries may be narrowed by. Built with the request, so that each
    viewer is offered only the filters that mean something to them."""

    q = django_filters.CharFilter(method="search_words", label="Search", max_length=200)
    service = django_filters.ModelChoiceFilter(
        queryset=Service.objects.select_related("directorate").order_by("name"), label="Service"
    )
    directorate = django_filters.ModelChoiceFilter(
        field_name="service__directorate",
        queryset=Directorate.objects.order_by("name"),
        label="Directorate",
    )
    ward = django_filters.ModelChoiceFilter(queryset=Ward.objects.order_by("name"), label="Ward")
    councillor = django_filters.ModelChoiceFilter(
        queryset=Councillor.objects.select_related("user").order_by(
            "user__last_name", "user__first_name", "pk"
        ),
        label="Councillor",
    )
    officer = OfficerFilter(
        field_name="assigned_to",
        label="Officer it is with",
        empty_label="Any",
    )
    stage = django_filters.MultipleChoiceFilter(
        field_name="status",
        choices=Status.choices,
        widget=forms.CheckboxSelectMultiple,
        label="Step reached",
    )
    urgent = TickFilter(method="only_urgent", label="Urgent")
    overdue = TickFilter(method="only_overdue", label="Overdue")
    escalated = TickFilter(method="only_escalated", label="Escalated")
    waiting = TickFilter(method="only_waiting", label="Waiting on the councillor")
    received_from = DayFilter(method="received_on_or_after", label="Received from")
    received_to = DayFilter(method="received_on_or_before", label="Received to")
    due_from = DayFilter(field_name="target_date", lookup_expr="gte", label="Due from")
    due_to = DayFilter(field_name="target_date", lookup_expr="lte", label="Due to")

    class Meta:
        model = Enquiry
        fields: list[str] = []
        form = FilterForm

    officer_only = OFFICER_ONLY
    ticks = TICKS

    # Each filter's query. Unticked (None) or ticked off in the API (False) for a tick box.
    def search_words(self, qs: QuerySet[Enquiry], name, value: str) -> QuerySet[Enquiry]:
        return enquiry_search(qs, self.user, value)

    def only_urgent(self, qs, name, value: bool) -> QuerySet[Enquiry]:
        return self.ticked(qs, value, Q(urgent=True))

    def only_overdue(self, qs, name, value: bool) -> QuerySet[Enquiry]:
        return self.ticked(qs, value, overdue_q(timezone.localdate()))

    def only_escalated(self, qs, name, value: bool) -> QuerySet[Enquiry]:
        return self.ticked(qs, value, Q(escalated_to__isnull=False))

    def only_waiting(self, qs, name, value: bool) -> QuerySet[Enquiry]:
        return self.ticked(qs, value, Q(waiting_since__isnull=False, status__in=OPEN_STATUSES))


class EnquiryApiFilter(EnquiryFilter):
    """The API list's filters: the page's, by id and ISO date as well, and `status` (one exact
    status, as the API has always taken it). Every filter is offered to everyone: a filter
    that finds nothing in reach answers with nothing."""

    status = django_filters.ChoiceFilter(choices=Status.choices, label="Status")
    officer_only = ()
