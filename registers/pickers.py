"""Choosing an officer on a form, at any size of council.

Every form that picks an officer uses `OfficerField`. Which officers it may offer is an
`OfficerScope` (always the active ones the council's protocol counts as officers, narrowed by
the form: a directorate, senior tiers, people left out; an officer already chosen kept), and
`officers_in(scope)` is the one queryset for it: the field validates against it and the
search behind the enhanced field (`registers.views.pickers`) answers from it, given the scope
signed into the page, so the two never differ.

While the scope holds few officers the field is a <select>. Beyond that it is a GOV.UK text
input that works without JavaScript: a person types a name and submits; one match is taken,
several come back as radios to choose from, none is an error. With JavaScript the input
becomes an accessible autocomplete (static/js/officer-picker.js) that also posts the chosen
officer's id. An id, however it comes, is checked against the same scope.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from functools import cached_property

from django import forms
from django.core import signing
from django.db.models import (
    Case,
    CharField,
    Exists,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Upper
from django.urls import reverse

from protocol_site.forms import LARGEST_ID

from .models import Officer, Post

# Up to this many officers a <select> is quicker to use than a search; above it, the search.
SELECT_LIMIT = 200
# The most officers a search answers with (and the most offered as radios).
SEARCH_LIMIT = 20
TYPE_A_NAME = "Enter their name, or part of it"
_SALT = "registers.pickers.scope"
_WORD = re.compile(r"[\w'’-]+")
_ID = re.compile(r"[0-9]{1,19}")


@dataclass(frozen=True)
class OfficerScope:
    """Which officers a picker may offer: active officers, narrowed by what the form says."""

    directorate: int | None = None  # working there, in their own post or acting up
    tiers: tuple[int, ...] = ()  # holding a post of one of these tiers
    exclude: tuple[int, ...] = ()  # officer ids left out (for example, the one first asked)
    exclude_user: int | None = None  # the person filling in the form, where they may not pick
    keep: int | None = None  # the officer already chosen, offered even if no longer active

    def token(self) -> str:
        """The scope, signed, for the page to hand to the search."""
        return signing.dumps(asdict(self), salt=_SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> OfficerScope:
        """The scope a page was given; `signing.BadSignature` if it was tampered with."""
        data = signing.loads(token, salt=_SALT)
        known = {f.name for f in fields(cls)}
        if not isinstance(data, dict) or set(data) - known:
            raise signing.BadSignature("Not an officer scope")
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def officers_in(scope: OfficerScope | None = None) -> QuerySet[Officer]:
    """The officers `scope` offers, by surname, with what `describe` reads."""
    scope = scope or OfficerScope()
    chosen = Officer.objects.active().covered()
    if scope.directorate is not None:
        acting_there = Post.objects.filter(
            acting_holder=OuterRef("pk"), directorate_id=scope.directorate
        )
        chosen = chosen.filter(Q(post__directorate_id=scope.directorate) | Exists(acting_there))
    if scope.tiers:
        chosen = chosen.filter(post__tier__in=scope.tiers)
    if scope.exclude:
        chosen = chosen.exclude(pk__in=scope.exclude)
    if scope.exclude_user is not None:
        chosen = chosen.exclude(user_id=scope.exclude_user)
    if scope.keep is not None:
        chosen = chosen | Officer.objects.filter(pk=scope.keep)
    acting = Post.objects.select_related("service", "directorate")
    return (
        chosen.select_related("user", "post__service", "post__directorate")
        .prefetch_related(Prefetch("acting_posts", queryset=acting))
        .order_by("user__last_name", "user__first_name", "pk")
    )


def describe(officer: Officer) -> tuple[str, str]:
    """The officer's job title and service (or directorate) today, to tell namesakes apart."""
    post = officer.working_post
    if post is None:
        return "", ""
    where = post.service or post.directorate
    return post.title, str(where) if where else ""


def officer_label(officer: Officer) -> str:
    """'Jane Smith (Planning Officer, Development Management)'."""
    details = ", ".join(part for part in describe(officer) if part)
    return f"{officer} ({details})" if details else str(officer)


def name_words(text: str) -> list[str]:
    """The words of a typed name that a search matches (at most four, none overlong)."""
    return [word[:50] for word in _WORD.findall(text or "")][:4]


def same_name(officer: Officer, text: str) -> bool:
    """Whether `text` is the officer's whole name, give or take case and spacing."""
    typed = [word.casefold() for word in name_words(text)]
    return bool(typed) and typed == [word.casefold() for word in name_words(str(officer))]


class FullName(Func):
    """An officer's first and last names in capitals, written exactly as protocol_site's
    trigram index on people's names is (migration 0003), so PostgreSQL searches the index."""

    template = "UPPER(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = CharField()

    def __init__(self):
        super().__init__("user__first_name", "user__last_name")


def officers_named(
    officers: QuerySet[Officer], text: str, *, limit: int = SEARCH_LIMIT
) -> tuple[list[Officer], bool]:
    """Up to `limit` of `officers` whose name contains every word of `text` (in any case),
    the exact name first, then names with a word starting with the first word typed; and
    whether there were more. One query, and one for acting posts, however large the council.
    The database puts both sides in capitals, so its own rules for letters apply to both."""
    words = name_words(text)
    if not words:
        return [], False
    match = Q()
    for word in words:
        match &= Q(_name__contains=Upper(Value(word)))
    starts = Q(_name__startswith=Upper(Value(words[0]))) | Q(
        _name__contains=Upper(Value(f" {words[0]}"))
    )
    found = list(
        officers.annotate(_name=FullName())
        .filter(match)
        .annotate(
            _rank=Case(
                When(_name=Upper(Value(" ".join(words))), then=0),
                When(starts, then=1),
                default=2,
                output_field=IntegerField(),
            )
        )
        .order_by("_rank", "user__last_name", "user__first_name", "pk")[: limit + 1]
    )
    return found[:limit], len(found) > limit


@dataclass(frozen=True)
class Picked:
    """What a picker posts: the typed name (or an id, from a select or a script), the id the
    name stands for (remembered by the page or set by the autocomplete), and a radio picked
    from a list of namesakes."""

    text: str = ""
    officer_id: str = ""
    match: str = ""


def _posted(data, key: str) -> str:
    values = data.getlist(key) if hasattr(data, "getlist") else [data.get(key)]
    for value in values:
        for item in value if isinstance(value, list | tuple) else [value]:
            if isinstance(item, str) and item.strip():
                return item.strip()
    return ""


class OfficerPicker(forms.Widget):
    """Rendered by templates/forms/_officer_picker.html through the form's field template."""

    template_name = "django/forms/widgets/text.html"
    input_type = "text"

    def value_from_datadict(self, data, files, name):
        return Picked(
            text=_posted(data, name)[:200],
            officer_id=_posted(data, f"{name}_id"),
            match=_posted(data, f"{name}_match"),
        )

    def value_omitted_from_data(self, data, files, name):
        return not any(key in data for key in (name, f"{name}_id", f"{name}_match"))

    def format_value(self, value):
        if isinstance(value, Picked):
            return value.text
        return super().format_value(value)


def _shorten(text: str, most: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= most else text[: most - 1] + "…"


class OfficerBoundField(forms.BoundField):
    @cached_property
    def picker(self) -> dict:
        """What templates/forms/_officer_picker.html shows: a select while the scope is small,
        else the text input, with the namesakes to choose from after an ambiguous name."""
        field: OfficerField = self.field
        value = self.value()
        chosen = None
        if self.form.is_bound and not self.errors:
            chosen = self.form.cleaned_data.get(self.name)
        officers = field.queryset
        if not field.always_typed and officers.count() <= SELECT_LIMIT:
            return {"select": True, "options": self._options(officers, value, chosen)}
        if isinstance(value, Picked):
            text, officer_id = value.text, ""
        else:
            text, officer_id = "", str(value or "")
        if chosen is not None:
            text, officer_id = str(chosen), str(chosen.pk)
        elif _ID.fullmatch(officer_id):
            known = officers.filter(pk=officer_id).first()
            text, officer_id = (str(known), officer_id) if known else ("", "")
        help_text = str(field.help_text).strip().rstrip(".")
        return {
            "select": False,
            "hint": f"{help_text}. {TYPE_A_NAME}" if help_text else TYPE_A_NAME,
            "text": text,
            "officer_id": officer_id,
            "search_url": f"{reverse('officer_search')}?scope={field.scope.token()}",
            "matches": [
                {"id": o.pk, "name": str(o), "where": ", ".join(p for p in describe(o) if p)}
                for o in field.matches
            ],
            "more": field.more,
            "typed": _shorten(text),
        }

    def _options(self, officers, value, chosen) -> list[dict]:
        if chosen is not None:
            selected = str(chosen.pk)
        elif isinstance(value, Picked):
            selected = value.match or value.officer_id or value.text
        else:
            selected = str(value or "")
        options = []
        if self.field.empty_label is not None:
            options.append({"value": "", "label": self.field.empty_label, "selected": False})
        for officer in officers:
            key = str(officer.pk)
            options.append(
                {"value": key, "label": officer_label(officer), "selected": key == selected}
            )
        return options


class OfficerField(forms.ModelChoiceField):
    """An officer, from the officers `scope` offers. Forms narrow it with `scope_to`."""

    widget = OfficerPicker
    # A field that is always the text input (and never counts the officers to choose), where
    # a page's queries are counted closely: a list's filters.
    always_typed = False
    default_error_messages = {
        "invalid_choice": "Select an officer from the list",
        "not_found": "No officer found called %(name)s. Check the spelling or enter another name.",
        "namesakes": "More than one officer is called %(name)s. Select the one you mean",
        "several": "%(count)s officers match %(name)s. Select one, or enter more of their name",
        "many": "More than %(count)s officers match %(name)s. Enter more of their name, or "
        "select one",
    }

    def __init__(self, *, scope: OfficerScope | None = None, **kwargs):
        kwargs.setdefault("empty_label", "Choose an officer")
        self.scope = scope or OfficerScope()
        # Built when first read, not when a form class is defined: which officers are offered
        # hangs on the council's rules (who counts as an officer), read per request.
        super().__init__(queryset=None, **kwargs)
        self.matches: list[Officer] = []
        self.more = False

    @property
    def queryset(self):
        if self._queryset is None:
            self.queryset = officers_in(self.scope)
        return self._queryset

    @queryset.setter
    def queryset(self, queryset):
        self._queryset = None if queryset is None else queryset.all()
        if queryset is not None:
            self.widget.choices = self.choices

    def scope_to(self, **narrowing) -> None:
        """Narrow the officers offered, here and in the search, by `OfficerScope`'s terms."""
        self.scope = OfficerScope(**narrowing)
        self.queryset = officers_in(self.scope)

    def get_bound_field(self, form, field_name):
        return OfficerBoundField(form, self, field_name)

    def label_from_instance(self, obj: Officer) -> str:
        return officer_label(obj)

    def has_changed(self, initial, data):
        if isinstance(data, Picked):
            data = data.match or data.officer_id or data.text
        return str(self.prepare_value(initial) or "") != str(data or "")

    def clean(self, value):
        officer = self._resolve(value if isinstance(value, Picked) else Picked(str(value or "")))
        self.run_validators(officer)
        return officer

    def _resolve(self, picked: Picked) -> Officer | None:
        self.matches, self.more = [], False
        if picked.match:
            return self._by_id(picked.match)
        text = picked.text
        if _ID.fullmatch(text):
            return self._by_id(text)
        if picked.officer_id:
            officer = self._by_id(picked.officer_id)
            if not text or same_name(officer, text):
                return officer
        if not text:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return None
        found, more = officers_named(self.queryset, text)
        exact = [officer for officer in found if same_name(officer, text)]
        if len(exact) == 1:
            return exact[0]
        if len(found) == 1 and not more:
            return found[0]
        name = _shorten(text)
        if not found:
            raise forms.ValidationError(
                self.error_messages["not_found"], code="not_found", params={"name": name}
            )
        self.matches = exact or found
        self.more = more and not exact
        code = "namesakes" if exact else "many" if more else "several"
        count = SEARCH_LIMIT if more else len(found)
        raise forms.ValidationError(
            self.error_messages[code], code=code, params={"name": name, "count": count}
        )

    def _by_id(self, value: str) -> Officer:
        if _ID.fullmatch(value) and int(value) <= LARGEST_ID:
            officer = self.queryset.filter(pk=int(value)).first()
            if officer is not None:
                return officer
        raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
