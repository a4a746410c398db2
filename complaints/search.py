"""Searching complaints: the reference, summary, the names of the complainant and of the person
it is about, the details, and the messages between the complainant and the handler.

On PostgreSQL each complaint keeps a search vector (`Complaint.search_vector`, GIN-indexed,
protocol_site.search), written by the services that change what it is made of (`search_index`,
called in their transaction): the reference, summary and names weighted A and the details B
(read by everyone who sees the complaint), the messages C (read only by the complainant and
the internal side: the stages' handlers and the Monitoring Officer). The subject, the managers
above the handler and those it is copied to never find a complaint by its messages.

On SQLite (the local run) the same fields are searched with a case-insensitive "contains".
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat

from protocol_site.search import CONFIG, reindex, search_words, uses_vectors, vector_search
from registers.roles import Role, person_for

from .models import Complaint, ComplaintEvent, ComplaintStage


def _said(outer: str = "pk") -> QuerySet[ComplaintEvent]:
    return ComplaintEvent.objects.filter(
        complaint=OuterRef(outer), kind__in=ComplaintEvent.MESSAGE_KINDS
    )


def _name(**where) -> Coalesce:
    users = get_user_model().objects.filter(**where)
    full = Concat("first_name", Value(" "), "last_name", output_field=TextField())
    return Coalesce(
        Subquery(users.annotate(full=full).values("full")[:1]),
        Value(""),
        output_field=TextField(),
    )


def search_vector():
    """The expression each complaint's vector is worked out from, in the database."""
    said = (
        _said()
        .order_by()
        .values("complaint")
        .annotate(text=StringAgg("detail", delimiter=" ", output_field=TextField()))
        .values("text")
    )
    return (
        SearchVector(
            "reference",
            "summary",
            _name(pk=OuterRef("complainant_id")),
            _name(officer__pk=OuterRef("subject_officer_id")),
            _name(councillor__pk=OuterRef("subject_councillor_id")),
            weight="A",
            config=CONFIG,
        )
        + SearchVector("details", weight="B", config=CONFIG)
        + SearchVector(
            Coalesce(Subquery(said), Value(""), output_field=TextField()),
            weight="C",
            config=CONFIG,
        )
    )


def search_index(complaints: Complaint | Iterable[int] | QuerySet[Complaint]) -> None:
    """Work out the search vector again for these complaints (one UPDATE), after a service has
    changed what it is made of. Nothing to do on SQLite, which searches the fields directly."""
    reindex(Complaint, complaints, search_vector())


def messages_readable(user) -> Q:
    """Where `user` may read the messages of a complaint they can see: as its complainant, a
    handler of one of its stages, or the Monitoring Officer (never one of its parties)."""
    handled = ComplaintStage.objects.filter(complaint=OuterRef("pk"), handler=user)
    readable = Q(complainant=user) | Q(Exists(handled))
    if person_for(user).has(Role.MONITORING_OFFICER):
        party = Q(subject_officer__user=user) | Q(subject_councillor__user=user)
        readable |= ~Q(complainant=user) & ~party
    return readable


def complaint_search(qs: QuerySet[Complaint], user, words: str) -> QuerySet[Complaint]:
    """The complaints of `qs` (already the viewer's) that match `words`, each with its `rank`
    (higher is better; 0 on SQLite)."""
    words = search_words(words)
    if not words:
        return qs
    messages = messages_readable(user)
    if uses_vectors():
        return vector_search(qs, words, [(messages, None)], "ab")
    said = Exists(_said().filter(detail__icontains=words))
    match = (
        Q(reference__icontains=words)
        | Q(summary__icontains=words)
        | Q(details__icontains=words)
        | (messages & Q(said))
    )
    for word in words.split()[:3]:
        for person in ("complainant", "subject_officer__user", "subject_councillor__user"):
            match |= Q(**{f"{person}__last_name__icontains": word})
            match |= Q(**{f"{person}__first_name__icontains": word})
    return qs.filter(match).annotate(rank=Value(0.0))
