"""The filters every list of enquiries takes: the officers' and councillors' lists, their CSV
download, saved views and the API read the same ones (django-filter), applied to what the
viewer may see (the selectors), never to anything wider.

Each filter is a GET parameter, so a filtered list is a link anyone in reach can share:
`?service=3&ward=7&urgent=on&received_from=1/11/2026&q=flooding`. A bad value (an unknown
service, 31/02/2026) is an error on its field, in GOV.UK words, never a server error.
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone

from protocol_site.form_errors import blank_options, plain_words
from protocol_site.unstorable import refuse_unstorable
from registers.models import Councillor, Directorate, Service, Ward
from registers.pickers import OfficerField
from registers.roles import person_for

from .models import OPEN_STATUSES, Enquiry, Status, overdue_q
from .search import enquiry_search

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d %m %Y", "%d.%m.%Y"]
DATE_HINT = "For example, 27/3/2026"
# Filters only officers (and democratic services) are offered: a councillor's list is theirs.
OFFICER_ONLY = ("directorate", "councillor", "officer", "escalated")
# The "Show only" tick boxes, in the order the panel shows them.
TICKS = ("urgent", "overdue", "escalated", "waiting")
DATES = ("received_from", "received_to", "due_from", "due_to")


class FilterDateField(forms.DateField):
    """A date typed in one box (27/3/2026 or 2026-03-27): a filter, not a form to fill in."""

    input_formats = DATE_FORMATS

    def __init__(self, **kwargs):
        kwargs.setdefault("help_text", DATE_HINT)
        kwargs.setdefault("widget", forms.TextInput(attrs={"class": "govuk-input--width-10"}))
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.date):
            return f"{value.day}/{value.month}/{value.year}"
        return value


class TickBox(forms.CheckboxInput):
    """Unticked sends nothing, which is no filter (not "false", as Django's tick box reads it)."""

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class TickField(forms.NullBooleanField):
    """A tick box on the page ("on"), true or false in the API; unticked is no filter."""

    widget = TickBox

    def to_python(self, value):
        if value in (True, "on", "true", "True", "1", "yes"):
            return True
        if value in (False, "false", "False", "0", "no"):
            return False
        return None


class FilterForm(forms.Form):
    """The filters' form: GOV.UK messages naming each field, no "---------"."""

    error_names = {"officer": "the officer it is with"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            blank_options(field)
            refuse_unstorable(name, field)
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = "Any"

    def full_clean(self):
        for name, field in self.fields.items():
            plain_words(name, field, self.error_names)
        super().full_clean()

    def clean(self):
        data = super().clean()
        for start, end, name in (
            ("received_from", "received_to", "Received to"),
            ("due_from", "due_to", "Due to"),
        ):
            first, last = data.get(start), data.get(end)
            if first and last and last < first:
                self.add_error(
                    end, f"{name} must be the same as or after {start.replace('_', ' ')}"
                )
        return data


class TickFilter(django_filters.Filter):
    field_class = TickField


class TypedOfficerField(OfficerField):
    always_typed = True


class OfficerFilter(django_filters.Filter):
    field_class = TypedOfficerField


class DayFilter(django_filters.DateFilter):
    field_class = FilterDateField


def _in_london(day: datetime.date, *, end: bool) -> datetime.datetime:
    """The start of `day` (or of the day after it) in the council's time: an index range."""
    day = day + datetime.timedelta(days=1) if end else day
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


class EnquiryFilter(django_filters.FilterSet):
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

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.user = request.user if request is not None else None
        person = person_for(self.user) if self.user is not None else None
        self.for_officers = person is not None and (
            person.officer is not None or person.councillor is None
        )
        if not self.for_officers:
            for name in self.officer_only:
                self.filters.pop(name, None)

    # Each filter's query. Unticked (None) or ticked off in the API (False) for a tick box.
    def search_words(self, qs: QuerySet[Enquiry], name, value: str) -> QuerySet[Enquiry]:
        return enquiry_search(qs, self.user, value)

    def only_urgent(self, qs, name, value: bool) -> QuerySet[Enquiry]:
        if value is None:
            return qs
        return qs.filter(urgent=value)

    def only_overdue(self, qs, name, value: bool) -> QuerySet[Enquiry]:
        if value is None:
            return qs
        overdue = overdue_q(timezone.localdate())
        return qs.filter(overdue) if value else qs.exclude(overdue)

    def only_escalated(self, qs, name, value: bool) -> QuerySet[Enquiry]:
        if value is None:
            return qs
        escalated = Q(escalated_to__isnull=False)
        return qs.filter(escalated) if value else qs.exclude(escalated)

    def only_waiting(self, qs, name, value: bool) -> QuerySet[Enquiry]:
        if value is None:
            return qs
        waiting = Q(waiting_since__isnull=False, status__in=OPEN_STATUSES)
        return qs.filter(waiting) if value else qs.exclude(waiting)

    def received_on_or_after(self, qs, name, value: datetime.date) -> QuerySet[Enquiry]:
        return qs.filter(received_at__gte=_in_london(value, end=False))

    def received_on_or_before(self, qs, name, value: datetime.date) -> QuerySet[Enquiry]:
        return qs.filter(received_at__lt=_in_london(value, end=True))

    # What the page shows: the panel's fields, and the filters in use (MoJ "filter a list").
    def panel(self) -> dict:
        form = self.form
        return {
            "search": form["q"],
            "ticks": [form[name] for name in TICKS if name in form.fields],
            "fields": [form[name] for name in form.fields if name not in (*TICKS, "q")],
        }

    def chosen(self) -> list[dict]:
        """Each filter in use: its heading and, for each value, the words and the query string
        of the page without it (so each can be removed on its own, without JavaScript)."""
        if not self.is_bound or not self.form.is_valid():
            return []
        chosen = []
        for name, field in self.form.fields.items():
            if name == "q":
                continue
            value = self.form.cleaned_data.get(name)
            if value in (None, "", [], ()) or (name in TICKS and value is not True):
                continue
            if name == "stage":
                labels = dict(Status.choices)
                items = [(labels[v], self._without(name, v)) for v in value]
            elif name in TICKS:
                items = [(str(field.label), self._without(name))]
            elif name in DATES:
                items = [(f"{value.day} {value:%b %Y}", self._without(name))]
            else:
                items = [(str(value), self._without(name))]
            chosen.append({"heading": str(field.label), "items": items})
        return chosen

    def _without(self, name: str, value: str | None = None) -> str:
        params = self.data.copy()
        params.pop("page", None)
        if value is None:
            for key in (name, f"{name}_id", f"{name}_match"):
                params.pop(key, None)
        else:
            params.setlist(name, [v for v in params.getlist(name) if v != value])
        return params.urlencode()


class EnquiryApiFilter(EnquiryFilter):
    """The API list's filters: the page's, by id and ISO date as well, and `status` (one exact
    status, as the API has always taken it). Every filter is offered to everyone: a filter
    that finds nothing in reach answers with nothing."""

    status = django_filters.ChoiceFilter(choices=Status.choices, label="Status")
    officer_only = ()
