"""Pages of a long list that never count more than they show.

A list of a million enquiries cannot count its rows on every page: the count alone reads every
row in reach. A capped paginator counts at most `cap` + 1 rows (stopping there), lists the first
`cap` in pages, and says "more than 1,000" beyond; filters narrow a long list, and its download
holds every row.

A ranked list (a search, `ranked=True`) has to read every match to order them: the same read
counts them, exactly, in the same query, and takes only the ids of its page's rows, from the
list's own table; then those rows are read with everything shown beside them. So the joins for
the page's names and services are made for its 25 rows, never for every match.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Count, Window
from django.utils.functional import cached_property

CAP = 1000


class CappedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, cap: int | None = None, ranked=False, **kw):
        super().__init__(object_list, per_page, **kw)
        self.cap = CAP if cap is None else cap
        self.ranked = ranked

    @cached_property
    def found(self) -> int:
        """How many rows there are, up to `cap` + 1 (without the list's order: a count needs
        none, and a ranked order would rank every row)."""
        return self.object_list.order_by().values("pk")[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self.found, self.cap)

    @property
    def capped(self) -> bool:
        """More rows than the pages hold."""
        return self.found > self.cap

    @property
    def cap_words(self) -> str:
        return f"{self.cap:,}"

    def validate_number(self, number) -> int:
        if not self.ranked or "found" in self.__dict__:
            return super().validate_number(number)
        try:
            whole = int(number)
        except (TypeError, ValueError):
            return super().validate_number(number)  # not a page number: says so
        if whole >= 1:
            # A ranked list counts with its page: read the page asked for first.
            bottom = (whole - 1) * self.per_page
            self._ranked_page = (bottom, self._ranked_ids(bottom, bottom + self.per_page))
            if not self._ranked_page[1] and whole == 1:
                self.__dict__.setdefault("found", 0)
            if "found" in self.__dict__ and whole <= self.num_pages:
                return whole
        return super().validate_number(whole)  # beyond the last page: counted as a list is

    def page(self, number) -> Page:
        if not self.ranked:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        read = getattr(self, "_ranked_page", None)
        if read is not None and read[0] == bottom:
            ids = read[1]
        else:
            ids = self._ranked_ids(bottom, bottom + self.per_page)
        by_id = {row.pk: row for row in self.object_list.order_by().filter(pk__in=ids)}
        return self._get_page([by_id[pk] for pk in ids if pk in by_id], number, self)

    def _ranked_ids(self, bottom: int, top: int) -> list[int]:
        """The ids of the rows from `bottom` to `top` in rank order, and (with them, from the
        same read) how many rows match."""
        rows = list(
            self.object_list.annotate(found=Window(Count("pk"))).values_list("pk", "found")[
                bottom:top
            ]
        )
        if rows:
            self.found = rows[0][1]
        return [pk for pk, _ in rows]
