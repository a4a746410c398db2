"""RPT-1: the annual report page and its download."""

import io
import zipfile
from datetime import date

import pytest
from django.urls import reverse

from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

URL = reverse("reports:annual")
DOWNLOAD = reverse("reports:annual_download")


def period(start: date, last: date) -> dict[str, str]:
    data = {}
    for name, day in (("start", start), ("last", last)):
        data |= {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}
    return data


@pytest.fixture
def enquiry(org):
    with clock_at(at(2026, 1, 12, 9, 0)):
        return casework(org)


@pytest.mark.parametrize("who", ["monitoring_officer", "democratic_services"])
@clock_at(at(2026, 6, 1, 9, 0))
def test_the_report_defaults_to_the_last_municipal_year(
    request, who, client_for, enquiry, django_assert_max_num_queries
):
    client = client_for(request.getfixturevalue(who))
    with django_assert_max_num_queries(19):  # a first view: the session is saved
        response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 May 2025 to 30 April 2026" in html
    assert "Members&#x27; enquiries by directorate and service, 1 May 2025" in html
    assert "Waste and Recycling" in html
    assert "Briefings and officer attendance by political group" in html
    assert 'media="print"' in html
    # The enquiry chart, with its text alternative naming each bar's figure.
    assert '<svg role="img" aria-labelledby="chart-enquiries-by-service' in html
    assert "Place and Environment Waste and Recycling:" in html


@clock_at(at(2026, 6, 1, 9, 0))
def test_a_chosen_period(client_for, monitoring_officer, enquiry):
    response = client_for(monitoring_officer).get(URL, period(date(2026, 2, 1), date(2026, 2, 28)))
    html = response.content.decode()
    assert "1 February 2026 to 28 February 2026" in html
    assert "Waste and Recycling" not in html


@clock_at(at(2026, 6, 1, 9, 0))
def test_a_wrong_period_is_explained_and_the_default_shown(client_for, monitoring_officer):
    response = client_for(monitoring_officer).get(URL, period(date(2026, 2, 1), date(2026, 1, 1)))
    html = response.content.decode()
    assert "There is a problem" in html
    assert "The last day must be the same as or after the first day" in html
    assert "1 May 2025 to 30 April 2026" in html


@clock_at(at(2026, 6, 1, 9, 0))
def test_the_download_is_one_csv_per_table(client_for, democratic_services, enquiry):
    response = client_for(democratic_services).get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert "annual-report-2025-05-01-to-2026-05-01.zip" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert "enquiries-by-service.csv" in names
    assert "briefings-by-group.csv" in names
    text = archive.read("enquiries-by-service.csv").decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("Directorate,Service,Received,Answered")
    assert lines[1].startswith("Place and Environment,Waste and Recycling,1,0,0,0,1,0,,")
    assert lines[-1].startswith("All,,1,")


@pytest.mark.parametrize("who", ["councillor", "officer", "director", "group_leader", "outsider"])
def test_no_one_else_sees_the_report(request, who, client_for):
    client = client_for(request.getfixturevalue(who))
    assert client.get(URL).status_code == 403
    assert client.get(DOWNLOAD).status_code == 403


def test_charts_are_drawn_with_a_text_alternative_beside_their_tables():
    from reports.tables import Table

    table = Table(
        "t",
        "Test",
        ["Service", "Received", "Share on time (%)"],
        [["Waste", 4, 50], ["Parks", 2, None], ["Libraries", 8, 100]],
        chart="Share on time (%)",
    )
    assert table.bars == [
        {"label": "Waste", "value": 50, "percent": 50},
        {"label": "Libraries", "value": 100, "percent": 100},
    ]
    counts = Table("c", "Test", ["Group", "Asked"], [["A", 3], ["B", 6]], chart="Asked")
    assert [bar["percent"] for bar in counts.bars] == [50, 100]
    assert Table("n", "Test", ["Group", "Asked"], [["A", 3]]).bars == []


@pytest.mark.parametrize(
    ("who", "linked"),
    [
        ("monitoring_officer", True),
        ("democratic_services", True),
        ("chief_executive", True),
        ("director", False),
        ("councillor", False),
    ],
)
def test_the_report_is_linked_from_home_and_the_navigation(request, who, linked, client_for):
    html = client_for(request.getfixturevalue(who)).get(reverse("home")).content.decode()
    nav = html.split('id="navigation"', 1)[1].split("</nav>", 1)[0]
    main = html.split('id="main-content"', 1)[1]
    assert (f'href="{URL}"' in nav) is linked
    assert (f'href="{URL}"' in main) is linked


def test_the_chief_executive_reads_the_report(client_for, chief_executive):
    assert client_for(chief_executive).get(URL).status_code == 200
