"""RPT-1 for Directors: their directorate's enquiry figures on the home page and on a page of
their own, live for the municipal year so far."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

URL = reverse("reports:directorate")
HOME = reverse("home")
TODAY = at(2026, 9, 15, 9, 0)


def _log(org, when, **kwargs):
    with clock_at(when):
        return casework(org, **kwargs)


def _legal(org, when):
    return _log(org, when, service=org.legal_service, approached_officer=None)


@pytest.fixture
def enquiries(org):
    """Two to the Director's Waste and Recycling, overdue; three to Legal, in Resources; one
    to Waste before the municipal year began."""
    for _ in range(2):
        _log(org, at(2026, 6, 1, 9, 0))
    for _ in range(3):
        _legal(org, at(2026, 6, 1, 9, 0))
    _log(org, at(2026, 4, 1, 9, 0))


def _figure(html: str, key: str, value) -> bool:
    return (
        f'<dt class="govuk-summary-list__key">{key}</dt>'
        f'<dd class="govuk-summary-list__value">{value}</dd>'
    ) in html


@clock_at(TODAY)
def test_the_director_sees_their_directorate_on_the_home_page(client_for, director, enquiries):
    html = client_for(director).get(HOME).content.decode()
    assert "Enquiries to your directorate this municipal year" in html
    assert "1 May 2026 to 15 September 2026" in html
    assert _figure(html, "Received", 2)
    assert _figure(html, "Open and overdue", 2)
    assert _figure(html, "Answered on time", "0%")
    assert URL in html


@clock_at(TODAY)
def test_the_directorate_page_shows_only_their_directorate(client_for, director, enquiries):
    response = client_for(director).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Members&#x27; enquiries by directorate and service, 1 May 2026" in html
    assert "Waste and Recycling" in html
    assert "Legal and Democratic Services" not in html
    (title, tables), *_ = response.context["sections"]
    by_service = tables[0]
    assert title == "Place and Environment"
    assert [row[:3] for row in by_service.rows] == [
        ["Place and Environment", "Waste and Recycling", 2]
    ]
    assert by_service.total[2] == 2


@pytest.mark.parametrize("who", ["officer", "councillor", "head_of_service", "outsider"])
def test_no_one_else_sees_the_directorate_page_or_panel(request, who, client_for):
    client = client_for(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert "Enquiries to your directorate" not in client.get(HOME).content.decode()


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


@clock_at(TODAY)
def test_query_counts_do_not_grow_with_rows(client_for, director, org):
    client = client_for(director)
    _log(org, at(2026, 6, 1, 9, 0))
    for url in (URL, HOME):  # the first request fills the banner's cache: not a row's cost
        _queries(client, url)
    few = {url: _queries(client, url) for url in (URL, HOME)}
    for month in (6, 7, 8, 9):
        for _ in range(3):
            _log(org, at(2026, month, 1, 9, 0))
        _legal(org, at(2026, month, 2, 9, 0))
    assert {url: _queries(client, url) for url in (URL, HOME)} == few
