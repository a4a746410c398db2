"""Full-text search of cases, shared by every kind that has it (enquiries, complaints).

On PostgreSQL each case keeps a search vector (a `search_vector` column, GIN-indexed), written by
the services that change what it is made of, in their transaction. Its parts are weighted by who
may read them (A for everyone who sees the case, then B, C for narrower readers), so one index
answers for every viewer: the index finds the candidates, then each is matched again against the
part of its vector the viewer may read (`readable`), so a search never tells anyone what a text
they cannot read says. A search is web-search syntax (`flooding -drain "Mill Lane" or
potholes`), ranked.

On SQLite (the local run) each kind searches its fields with a case-insensitive "contains".
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Case, F, Func, Q, QuerySet, When

CONFIG = "english"
MOST_CHARACTERS = 200


def uses_vectors() -> bool:
    return connection.vendor == "postgresql"


def reindex(model, rows, vector) -> None:
    """Work out the search vector again (`vector`, the kind's expression) for `rows`: one
    instance, a queryset or ids, in one UPDATE. Nothing to do on SQLite."""
    if not uses_vectors():
        return
    if isinstance(rows, model):
        rows = model.objects.filter(pk=rows.pk)
    elif not isinstance(rows, QuerySet):
        rows = model.objects.filter(pk__in=list(rows))
    rows.update(search_vector=vector)


def search_words(words: str | None) -> str:
    """The words searched for: spaces tidied, at most MOST_CHARACTERS."""
    return " ".join((words or "").split())[:MOST_CHARACTERS]


def weights_only(template: str) -> Func:
    """The case's vector with only the weights in `template` ("{a,b}") kept."""
    return Func(
        F("search_vector"),
        function="ts_filter",
        template=f"ts_filter(%(expressions)s, '{template}')",
        output_field=SearchVectorField(),
    )


def vector_search(qs: QuerySet, words: str, readable: list[tuple[Q, str | None]], default: str):
    """The rows of `qs` whose vector matches `words` in what the viewer may read, each with
    its `rank`. `readable` is a list of (where, weights): where `where` holds, the viewer reads
    those weights (None: all of them); elsewhere they read `default`. A reference typed
    exactly always matches."""
    query = SearchQuery(words, search_type="websearch", config=CONFIG)
    whens = [
        When(where, then=F("search_vector") if weights is None else weights_only(weights))
        for where, weights in readable
    ]
    vector = Case(*whens, default=weights_only(default), output_field=SearchVectorField())
    return (
        qs.filter(search_vector=query)  # the index finds the candidates
        .annotate(readable_vector=vector)
        .filter(Q(readable_vector=query) | Q(reference__iexact=words))
        .annotate(rank=SearchRank(F("readable_vector"), query))
    )
