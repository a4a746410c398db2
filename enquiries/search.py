"""Searching enquiries: the reference, subject, details, what was said on it (messages,
questions and answers, responses) and the constituent's name and address.

On PostgreSQL each enquiry keeps a search vector (`Enquiry.search_vector`, GIN-indexed), written
by the services that change what it is made of (`search_index`, called in their transaction):
the reference and subject weighted A, the casework text B, the constituent's details C (all
read as English, as the query is). A search is web-search syntax (`flooding -drain "Mill
Lane" or potholes`), ranked. The weights let one index answer for every viewer: a match only
counts in what the viewer may read (democratic services do not read the casework; only the
councillor and those who may work on it see the constituent's details), so a search never
tells anyone what a text they cannot read says.

On SQLite (the local run) the same fields are searched with a case-insensitive "contains".
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.db.models import (
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Coalesce

from protocol_site.search import CONFIG, reindex, search_words, uses_vectors, vector_search
from registers.roles import Role, person_for

from .models import ConstituentDetails, Enquiry, EnquiryEvent

# What was said on the enquiry that its councillor can read (never internal notes).
SEARCHED_KINDS = sorted(
    EnquiryEvent.MESSAGE_KINDS | {EnquiryEvent.Kind.RESPONDED, EnquiryEvent.Kind.HOLDING_REPLY}
)


def _said(outer: str = "pk") -> QuerySet[EnquiryEvent]:
    return EnquiryEvent.objects.filter(
        enquiry=OuterRef(outer), kind__in=SEARCHED_KINDS, visible_to_councillor=True
    )


def search_vector():
    """The expression each enquiry's vector is worked out from, in the database."""
    said = (
        _said()
        .order_by()
        .values("enquiry")
        .annotate(text=StringAgg("detail", delimiter=" ", output_field=TextField()))
        .values("text")
    )
    constituent = ConstituentDetails.objects.filter(enquiry=OuterRef("pk"))
    return (
        SearchVector("reference", "subject", weight="A", config=CONFIG)
        + SearchVector(
            "details",
            Coalesce(Subquery(said), Value(""), output_field=TextField()),
            weight="B",
            config=CONFIG,
        )
        + SearchVector(
            Coalesce(Subquery(constituent.values("name")[:1]), Value(""), output_field=TextField()),
            Coalesce(
                Subquery(constituent.values("address")[:1]), Value(""), output_field=TextField()
            ),
            weight="C",
            config=CONFIG,  # as the query is read, so a name matches as typed
        )
    )


def search_index(enquiries: Enquiry | Iterable[int] | QuerySet[Enquiry]) -> None:
    """Work out the search vector again for these enquiries (one UPDATE), after a service has
    changed what it is made of. Nothing to do on SQLite, which searches the fields directly."""
    reindex(Enquiry, enquiries, search_vector())


def _works_on(officer) -> Q:
    return Q(assigned_to=officer) | Q(director=officer) | Q(escalated_to=officer)


def casework_readable(user) -> Q:
    """Where `user` may read the casework text of an enquiry they can see: everywhere, except
    democratic services, who read general enquiries and those they work on themselves."""
    person = person_for(user)
    if not person.has(Role.DEMOCRATIC_SERVICES):
        return Q(pk__isnull=False)
    readable = ~Q(kind=Enquiry.Kind.CASEWORK)
    return readable | _works_on(person.officer) if person.officer is not None else readable


def constituent_readable(user) -> Q:
    """Where `user` may see the constituent's details: the councillor's own casework, and the
    casework they work on (the line management above may open them on the page, but a search
    keeps to the people named on it)."""
    person = person_for(user)
    mine = Q(pk__in=[])
    if person.councillor is not None:
        mine |= Q(councillor=person.councillor)
    if person.officer is not None:
        mine |= _works_on(person.officer)
    return Q(kind=Enquiry.Kind.CASEWORK) & mine


def enquiry_search(qs: QuerySet[Enquiry], user, words: str) -> QuerySet[Enquiry]:
    """The enquiries of `qs` (already the viewer's) that match `words`, each with its `rank`
    (higher is better; 0 on SQLite)."""
    words = search_words(words)
    if not words:
        return qs
    casework, constituent = casework_readable(user), constituent_readable(user)
    if uses_vectors():
        return vector_search(qs, words, [(constituent, None), (casework, "ab")], "a")
    said = Exists(_said().filter(detail__icontains=words))
    match = (
        Q(reference__icontains=words)
        | Q(subject__icontains=words)
        | (casework & (Q(details__icontains=words) | Q(said)))
        | (
            constituent
            & (Q(constituent__name__icontains=words) | Q(constituent__address__icontains=words))
        )
    )
    return qs.filter(match).annotate(rank=Value(0.0))
