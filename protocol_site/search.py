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

from django.contrib.postgres.search import (
    SearchQuery,
    SearchQueryField,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import BooleanField, Case, F, Func, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Cast
from django.db.models.lookups import Exact

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


def weights_only(weights: str) -> Func:
    """The case's vector with only the `weights` ("ab") kept."""
    kept = ",".join(weights)
    return Func(
        F("search_vector"),
        function="ts_filter",
        template=f"ts_filter(%(expressions)s, '{{{kept}}}')",
        output_field=SearchVectorField(),
    )


# Each word of a query (a quoted lexeme in its text form, quotes in it doubled), and the same
# word with weights: `'mill' <-> 'lane'` becomes `'mill':AB <-> 'lane':AB`.
_WORD = r"'((?:[^']|'')*)'"


def query_in(query: SearchQuery, weights: str | None):
    """`query`, matching only the words of the vector that have `weights` ("ab"; None: all
    of them). Matched against the whole vector, it says what `query` says of those parts."""
    if weights is None:
        return query
    weighted = Func(
        Cast(query, TextField()),
        Value(_WORD),
        Value(rf"'\1':{weights.upper()}"),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )
    return Cast(weighted, SearchQueryField())


class _Matches(Func):
    template = "(%(expressions)s)"
    arg_joiner = " @@ "
    output_field = BooleanField()


def _candidates(query: SearchQuery) -> Q:
    """Where the index finds the rows a search may match: those with the words it asks for,
    leaving out what it asks to be without (`-drain`), which the index cannot look for and
    which only the parts a viewer may read can decide. A search asking only for what is not
    there (`-drain`) has every row as a candidate."""
    tree = Func(query, function="querytree", output_field=TextField())
    return Q(Exact(tree, Value("T"))) | Q(
        _Matches(F("search_vector"), Cast(tree, SearchQueryField()))
    )


def vector_search(qs: QuerySet, words: str, readable: list[tuple[Q, str | None]], default: str):
    """The rows of `qs` whose vector matches `words` in what the viewer may read, each with
    its `rank`. `readable` is a list of (where, weights): where `where` holds, the viewer reads
    those weights ("ab"; None: all of them); elsewhere they read `default`. A reference typed
    exactly always matches.

    Each candidate the index finds is matched once, against the query in the weights its
    viewer reads (no part of its vector is built for that); only the rows that match are
    ranked, on the parts of their vectors the viewer reads."""
    query = SearchQuery(words, search_type="websearch", config=CONFIG)
    asked = Case(
        *[When(where, then=query_in(query, weights)) for where, weights in readable],
        default=query_in(query, default),
        output_field=SearchQueryField(),
    )
    read = Case(
        *[
            When(where, then=F("search_vector") if weights is None else weights_only(weights))
            for where, weights in readable
        ],
        default=weights_only(default),
        output_field=SearchVectorField(),
    )
    return (
        qs.filter(_candidates(query))
        .filter(_Matches(F("search_vector"), asked) | Q(reference__iexact=words))
        .annotate(rank=SearchRank(read, query))
    )
