"""What every filtered list is built from (django-filter): the enquiries' lists, the complaints'
lists, their CSV downloads and the APIs. A list's FilterSet subclasses `ListFilter`, declares its
filters, and the page shows them in the MoJ "filter a list" panel
(templates/includes/_filter_panel.html) from `panel()` and `chosen()`.

Each filter is a GET parameter, so a filtered list is a link anyone in reach can share. A bad
value (an unknown service, 31/02/2026) is an error on its field, in GOV.UK words, never a server
error. Dates come in pairs, `<name>_from` and `<name>_to`: the second may not come before the
first.

In the API's OpenAPI document a filter that picks one record takes its id (`ListFilterSchema`).
"""

from __future__ import annotations

import datetime

import django_filters
from django import forms
from django.utils import timezone
from drf_spectacular.contrib.django_filters import DjangoFilterExtension
from drf_spectacular.plumbing import build_basic_type, build_parameter_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from protocol_site.form_errors import blank_options, plain_words
from protocol_site.register_cache import SECONDS, generation
from protocol_site.unstorable import refuse_unstorable

from .pickers import OfficerField
from .roles import person_for

DATE_FORMATS = ["%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d %m %Y", "%d.%m.%Y"]
DATE_HINT = "For example, 27/3/2026"


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
                # The same options for everyone offered them: kept between page views.
                field.choices_key = f"{type(self).__name__}:{name}"

    def full_clean(self):
        for name, field in self.fields.items():
            plain_words(name, field, self.error_names)
        super().full_clean()

    def clean(self):
        data = super().clean()
        for start in self.fields:
            if not start.endswith("_from"):
                continue
            end = start[: -len("_from")] + "_to"
            if end not in self.fields:
                continue
            first, last = data.get(start), data.get(end)
            if first and last and last < first:
                label = self.fields[end].label
                self.add_error(
                    end, f"{label} must be the same as or after {start.replace('_', ' ')}"
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


class ListFilterSchema(DjangoFilterExtension):
    """The lists' filters in the API's OpenAPI document (drf-spectacular): a filter that picks
    one record (a service, a councillor, an officer) takes its id, whether it filters a field
    or hands the record to a method (whose value, typed as a model, drf-spectacular would
    otherwise document as a string). It is described as drf-spectacular describes any filter:
    its help text, or its label on the page."""

    priority = 1  # before drf-spectacular's own

    def resolve_filter_field(self, auto_schema, model, filterset_class, field_name, filter_field):
        by_id = isinstance(filter_field, django_filters.ModelChoiceFilter | OfficerFilter)
        if not by_id or filter_field.extra.get("to_field_name"):
            return super().resolve_filter_field(
                auto_schema, model, filterset_class, field_name, filter_field
            )
        return [
            build_parameter_type(
                name=field_name,
                required=filter_field.extra["required"],
                location=OpenApiParameter.QUERY,
                description=self._get_field_description(filter_field, None),
                schema=build_basic_type(OpenApiTypes.INT),
            )
        ]


def day_starts(day: datetime.date, *, end: bool) -> datetime.datetime:
    """The start of `day` (or of the day after it) in the council's time: an index range."""
    day = day + datetime.timedelta(days=1) if end else day
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def is_officer_side(user) -> bool:
    """Whether `user` reads a list as an officer (or democratic services) rather than as a
    councillor, whose list is their own."""
    if user is None:
        return False
    person = person_for(user)
    return person.officer is not None or person.councillor is None


class ListFilter(django_filters.FilterSet):
    """A list's filters, built with the request, so that each viewer is offered only the
    filters that mean something to them: `officer_only` are dropped for a councillor. `ticks`
    are the "Show only" tick boxes, in the order the panel shows them; `q` is the search."""

    ticks: tuple[str, ...] = ()
    officer_only: tuple[str, ...] = ()
    # The moment a record came in: `received_from` and `received_to` filter it by London day.
    received_field = "received_at"

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.user = request.user if request is not None else None
        self.for_officers = is_officer_side(self.user)
        if not self.for_officers:
            for name in self.officer_only:
                self.filters.pop(name, None)

    @staticmethod
    def ticked(qs, value: bool | None, where):
        """A tick box's filter: unticked (None) is none; true keeps `where`, false the rest."""
        if value is None:
            return qs
        return qs.filter(where) if value else qs.exclude(where)

    def received_on_or_after(self, qs, name, value: datetime.date):
        return qs.filter(**{f"{self.received_field}__gte": day_starts(value, end=False)})

    def received_on_or_before(self, qs, name, value: datetime.date):
        return qs.filter(**{f"{self.received_field}__lt": day_starts(value, end=True)})

    # How long a drawn panel is kept at most: as long as anything else the registers say.
    panel_seconds = SECONDS

    def panel_key(self) -> str:
        """What the panel is drawn from, for the cache of it (the list templates'
        `{% cache %}`): the registers as they stand, which filters the viewer is offered, and
        the values asked for (not the page number, which the panel does not show)."""
        data = self.data.lists() if hasattr(self.data, "lists") else (self.data or {}).items()
        asked = sorted((name, list(values)) for name, values in data if name != "page")
        return f"{generation()}:{type(self).__name__}:{self.for_officers}:{asked}"

    def panel(self) -> dict:
        """The panel's fields: the search, the tick boxes, and the rest in order."""
        form = self.form
        return {
            "search": form["q"],
            "ticks": [form[name] for name in self.ticks if name in form.fields],
            "fields": [form[name] for name in form.fields if name not in (*self.ticks, "q")],
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
            if value in (None, "", [], ()) or (name in self.ticks and value is not True):
                continue
            if isinstance(field, forms.MultipleChoiceField):
                labels = {str(key): label for key, label in field.choices}
                items = [(str(labels.get(v, v)), self._without(name, v)) for v in value]
            elif name in self.ticks:
                items = [(str(field.label), self._without(name))]
            elif isinstance(value, datetime.date):
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
