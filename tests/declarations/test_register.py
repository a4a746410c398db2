"""The whole register for the Monitoring Officer and democratic services: status filter, name
search, pages, and a CSV export that opens safely in a spreadsheet."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from declarations.models import Declaration
from declarations.services import declaration_review
from protocol_site.models import AuditEvent
from protocol_site.spreadsheet import csv_cell as safe_cell

from .helpers import councillor_declares, declare, new_councillor, officer_declares

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("made_on_a_monday")]

REGISTER = reverse("declarations:register")
CSV = reverse("declarations:register_csv")


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


@pytest.mark.parametrize("who", ["monitoring_officer", "democratic_services"])
def test_the_register_lists_everything_for_its_keepers(client_for, request, org, who):
    mine = officer_declares(org)
    theirs = councillor_declares(org)
    html = client_for(request.getfixturevalue(who)).get(REGISTER).content.decode()
    assert mine.reference in html and theirs.reference in html
    assert "Download as CSV" in html


def test_the_register_filters_searches_and_pages(client_for, monitoring_officer, officer, org):
    reviewed = councillor_declares(org)
    declaration_review(actor=monitoring_officer, declaration=reviewed, advice="Fine.")
    for n in range(30):
        declare(officer, new_councillor(org, n))
    client = client_for(monitoring_officer)
    html = client.get(REGISTER, {"status": "reviewed"}).content.decode()
    assert reviewed.reference in html and "Showing 1 to 1 of 1" in html
    html = client.get(REGISTER, {"q": "Number17"}).content.decode()
    assert "Showing 1 to 1 of 1" in html and "Councillor Number17" in html
    html = client.get(REGISTER).content.decode()
    assert "Showing 1 to 25 of 31" in html and 'aria-label="Pagination"' in html
    html = client.get(REGISTER, {"page": 2}).content.decode()
    assert "Showing 26 to 31 of 31" in html
    assert "No declarations match" in client.get(REGISTER, {"q": "zzz"}).content.decode()


def test_register_query_counts_do_not_grow(client_for, monitoring_officer, officer, org):
    client = client_for(monitoring_officer)
    client.get(REGISTER)  # the first view fills the banner's cache

    def count(n):
        while Declaration.objects.count() < n:
            declare(officer, new_councillor(org, Declaration.objects.count()))
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(REGISTER).status_code == 200
        return len(ctx.captured_queries)

    assert count(3) == count(20)


@pytest.mark.parametrize("who", ["officer", "councillor", "line_manager"])
def test_the_register_and_its_export_are_403_for_others(client_for, request, org, who):
    client = client_for(request.getfixturevalue(who))
    assert client.get(REGISTER).status_code == 403
    assert client.get(CSV).status_code == 403


def test_the_register_is_403_for_an_outsider(client_for, outsider):
    assert client_for(outsider).get(REGISTER).status_code == 403
    assert client_for(outsider).get(CSV).status_code == 403


def test_the_csv_export_has_one_header_row_and_every_declaration(
    client_for, monitoring_officer, org
):
    declaration = officer_declares(org)
    declaration_review(
        actor=monitoring_officer,
        declaration=declaration,
        advice="Step back from the ward’s casework.",
        action="",
    )
    response = client_for(monitoring_officer).get(CSV)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="relationship-declarations-2026-11-02.csv"'
    )
    header, *rows = rows_of(response)
    assert header[:6] == [
        "Reference",
        "Declared by",
        "Declarer's side",
        "Relationship with",
        "Relationship",
        "Details",
    ]
    assert rows == [
        [
            declaration.reference,
            "Oliver Hughes",
            "Officer",
            "Chris Baker",
            "Close friendship",
            declaration.details,
            "2019-04-01",
            "",
            "Reviewed",
            "2026-11-02",
            "2026-11-02",
            "2027-11-02",
            "No",
            "Maya Patel",
            "Margaret Lewis",
            "2026-11-02",
            "Step back from the ward’s casework.",
            "",
        ]
    ]
    event = AuditEvent.objects.get(action="declarations.register.exported")
    assert event.actor == monitoring_officer and event.after["count"] == 1


def test_the_csv_export_follows_the_filters(client_for, democratic_services, org):
    officer_declares(org)
    response = client_for(democratic_services).get(CSV, {"status": "reviewed"})
    assert len(rows_of(response)) == 1  # the header only


def test_cells_that_a_spreadsheet_would_run_are_neutralised(client_for, monitoring_officer, org):
    officer_declares(org, details='=HYPERLINK("http://evil.example","click")')
    rows = rows_of(client_for(monitoring_officer).get(CSV))
    assert rows[1][5] == '\'=HYPERLINK("http://evil.example","click")'


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Plain text", "Plain text"),
        ("a=b", "a=b"),
        (None, ""),
    ],
)
def test_safe_cell(value, expected):
    assert safe_cell(value) == expected
