"""REG-4: every register in the registry downloads as a CSV spreadsheet: UTF-8 with a BOM, a
header row, formulas defused, the list's search applied, streamed, democratic services only."""

import csv
import io

import pytest
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from protocol_site.models import AuditEvent
from protocol_site.spreadsheet import csv_cell as csv_text
from registers.manage.registry import BY_KEY, REGISTERS
from tests.registers.factories import OfficerInterestFactory

from .test_manage_views import NO_ACCESS, _any_pk, _thirty

pytestmark = pytest.mark.django_db

KEYS = [register.key for register in REGISTERS]


def download(client, key, **params):
    response = client.get(reverse(f"manage:{key}_export"), params)
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    body = b"".join(response.streaming_content)
    return response, body


def rows_of(body: bytes) -> list[list[str]]:
    assert body.startswith("\ufeff".encode())  # the BOM, so Excel reads it as UTF-8
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.mark.parametrize("key", KEYS)
def test_every_register_downloads_with_a_header_row(client_for, democratic_services, org, key):
    _any_pk(key, org)
    response, body = download(client_for(democratic_services), key)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Cache-Control"] == "no-store"
    register = BY_KEY[key]
    assert response["Content-Disposition"].startswith(f'attachment; filename="{register.path}-')
    rows = rows_of(body)
    assert rows[0] == [column.label for column in register.csv_columns]
    assert len(rows) >= 2
    assert all(len(row) == len(rows[0]) for row in rows)


def test_the_officers_register_has_the_details_and_the_list_columns(
    client_for, democratic_services, org
):
    rows = rows_of(download(client_for(democratic_services), "officer")[1])
    header = rows[0]
    assert header[:6] == ["Name", "Username", "Email address", "Phone number", "Post", "Active"]
    assert "Service" in header  # from the list, not the record's details
    maya = next(row for row in rows if row[0] == "Maya Patel")
    assert maya[1] == "line.manager" and maya[4] == "Collections Manager" and maya[5] == "Yes"
    assert maya[header.index("Service")] == "Waste and Recycling"


def test_values_are_plain_for_a_spreadsheet(client_for, democratic_services, org):
    OfficerInterestFactory(officer=org.officers.officer, description="Ölgärten “Ltd”, Cardiff")
    rows = rows_of(download(client_for(democratic_services), "officerinterest")[1])
    assert rows[0] == ["Officer", "Kind of interest", "Description", "From", "To"]
    assert rows[1] == [
        "Oliver Hughes",
        "Outside employment",
        "Ölgärten “Ltd”, Cardiff",
        "2024-04-01",
        "",  # no end date: an empty cell, not "None"
    ]


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 20", "'+44 20"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTAB", "'\tTAB"),
        ("A = B", "A = B"),
        ("Plain", "Plain"),
    ],
)
def test_formulas_are_defused(text, cell):
    assert csv_text(text) == cell


def test_a_formula_in_a_register_arrives_as_text(client_for, democratic_services, org):
    OfficerInterestFactory(officer=org.officers.officer, description='=cmd|"/c calc"!A1')
    rows = rows_of(download(client_for(democratic_services), "officerinterest")[1])
    assert rows[1][2] == '\'=cmd|"/c calc"!A1'


def test_the_download_respects_the_search(client_for, democratic_services, org):
    client = client_for(democratic_services)
    rows = rows_of(download(client, "officer", q="patel")[1])
    assert [row[0] for row in rows[1:]] == ["Maya Patel"]
    html = client.get(reverse("manage:officer_list"), {"q": "patel"}).content.decode()
    assert 'href="/organisation/officers/csv/?q=patel"' in html
    assert "Download the 1 result as CSV" in html
    html = client.get(reverse("manage:officer_list")).content.decode()
    assert 'href="/organisation/officers/csv/"' in html and "Download all officers as CSV" in html


def test_a_download_is_recorded_in_the_audit_trail(client_for, democratic_services, org):
    download(client_for(democratic_services), "officer", q="patel")
    event = AuditEvent.objects.get(action="registers.register.exported")
    assert event.actor == democratic_services
    assert event.summary == "Exported officers matching “patel” as CSV."


@pytest.mark.parametrize("who", NO_ACCESS)
def test_only_democratic_services_download(request, client_for, org, who):
    client = client_for(request.getfixturevalue(who))
    for key in KEYS:
        assert client.get(reverse(f"manage:{key}_export")).status_code == 403, key
    assert not AuditEvent.objects.filter(action="registers.register.exported").exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get(reverse("manage:officer_export"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("key", KEYS)
def test_download_queries_do_not_grow_with_rows(
    client_for, democratic_services, org, key, django_assert_max_num_queries
):
    client = client_for(democratic_services)
    _any_pk(key, org)
    download(client, key)  # warm the content-type cache
    with CaptureQueriesContext(connection) as few:
        download(client, key)
    budget = len(few)  # before the next request empties the connection's log
    _thirty(key, org)
    download(client, key)  # who the viewer is, read again after the registers changed
    with django_assert_max_num_queries(budget):
        rows = rows_of(download(client, key)[1])
    assert len(rows) > 30 or key == "statutoryrole"
