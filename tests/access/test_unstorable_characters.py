"""A NUL in a search box, or in any other query parameter, is never a server error.

PostgreSQL cannot store or compare text holding NUL: a search that sent one to the database
would fail. Every URL of the access matrix is asked, by a role that may see it, with a NUL in
the search box and in each parameter the lists read; the answer is the page, searched without
it. Run it on PostgreSQL (DATABASE_URL) to see the database's side; SQLite stores NUL happily.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from enquiries.models import Enquiry

from .matrix import MATRIX, ROLES
from .test_access_matrix import client_as, quiet_refusals

# What the lists, searches and downloads read from the query string.
PARAMETERS = ("q", "page", "status", "sort", "tab", "year", "ward", "mine", "kind", "person")
NUL = "\x00"


def _seen_by(row) -> str | None:
    """A role that gets the page itself."""
    return next((role for role in ROLES if row.expected[role] == "200"), None)


SWEPT = {name: role for name, row in MATRIX.items() if (role := _seen_by(row))}


@pytest.mark.django_db
def test_the_sweep_reaches_every_search_and_download():
    assert {"enquiries:list", "enquiries:list_csv", "declarations:register_csv"} <= set(SWEPT)
    assert {"manage:officer_list", "complaints:list", "notices:list"} <= set(SWEPT)


@pytest.mark.django_db
@pytest.mark.parametrize("parameters", [("q",), PARAMETERS], ids=["search", "every-parameter"])
def test_a_nul_in_the_query_string_is_never_a_server_error(request, world, parameters):
    clients = {}
    failures = []
    with quiet_refusals():
        for name, role in SWEPT.items():
            client = clients.setdefault(role, client_as(request, role))
            url = reverse(name, kwargs=world[MATRIX[name].record])
            query = dict.fromkeys(parameters, f"ab{NUL}c")
            status = client.get(url, query).status_code
            if status >= 500:
                failures.append(f"{name:34} {url} as {role}: {status}")
    assert not failures, "A NUL in the query string failed:\n  " + "\n  ".join(failures)


@pytest.mark.django_db
def test_a_search_with_a_nul_searches_without_it(client_for, officer, world):
    enquiry = Enquiry.objects.get(pk=world["enquiry"]["pk"])
    client = client_for(officer)
    typed = enquiry.reference[:3] + NUL + enquiry.reference[3:]
    response = client.get(reverse("enquiries:list"), {"q": typed})
    assert response.status_code == 200
    assert enquiry.reference in response.content.decode()
    assert NUL not in response.content.decode()
