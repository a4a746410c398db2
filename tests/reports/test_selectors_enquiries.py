"""RPT-1 enquiry figures against a small dataset worked out by hand.

Five enquiries to Waste and Recycling, received in the municipal year 2025/26, and one to Legal
and Democratic Services; one more received after the year ends, which must not count.

Received Monday 12 January 2026 (day 1 is Tuesday 13th, day 10 Monday 26th):
  A  holding reply on Monday 26 January: day 10, on time
  B  full response on Tuesday 27 January: day 11, late
  C  never answered: overdue since 26 January, counts against the share, escalated once
  D  declined the next day: no reply, so outside the share
Received Monday 2 March 2026:
  E  more time agreed, then answered on Wednesday 4 March: day 2, on time
Legal, received Monday 2 March 2026:
  G  answered on Tuesday 3 March: day 1, on time

Waste: received 5, answered 3, on time 2, late 1, open overdue 1, share 2 / 4 = 50%,
median of 2, 10, 11 = 10 working days.
"""

from datetime import date

import pytest

from enquiries.models import Enquiry, ExtensionRequest
from enquiries.services import (
    enquiry_decide_extension,
    enquiry_decline,
    enquiry_request_extension,
    enquiry_respond,
    enquiry_send_holding_reply,
)
from enquiries.services.clock import enquiry_advance
from reports.selectors import (
    Period,
    enquiries_by_month,
    enquiries_by_service,
    enquiries_total,
    escalations_by_rung,
    last_municipal_year,
)
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

YEAR = Period(date(2025, 5, 1), date(2026, 5, 1))
REPORTED = at(2026, 6, 1, 9, 0)


def _log(org, when, **kwargs) -> Enquiry:
    with clock_at(when):
        return casework(org, **kwargs)


def _at(when, service, **kwargs):
    with clock_at(when):
        return service(**kwargs)


@pytest.fixture
def dataset(org):
    officer = org.officers.officer.user
    jan, mar = at(2026, 1, 12, 9, 0), at(2026, 3, 2, 9, 0)
    a, b, c, d = (_log(org, jan, subject=f"Enquiry {x}") for x in "ABCD")
    e = _log(org, mar, subject="Enquiry E")
    g = _log(org, mar, subject="Enquiry G", service=org.legal_service, approached_officer=None)
    _log(org, at(2026, 5, 11, 9, 0), subject="Next year's")
    _at(
        at(2026, 1, 26, 15, 0),
        enquiry_send_holding_reply,
        actor=officer,
        enquiry=a,
        explanation="Waiting for the crew's report.",
        expected_date=date(2026, 2, 9),
    )
    _at(at(2026, 1, 27, 11, 0), enquiry_respond, actor=officer, enquiry=b, response="Done.")
    _at(
        at(2026, 1, 13, 11, 0),
        enquiry_decline,
        actor=org.officers.director.user,
        enquiry=d,
        reason=Enquiry.DeclineReason.CURIOSITY,
        explanation="Not about your ward.",
    )
    request = _at(
        at(2026, 3, 3, 9, 0),
        enquiry_request_extension,
        actor=officer,
        enquiry=e,
        reason="Needs a site visit.",
        proposed_date=date(2026, 3, 20),
    )
    _at(
        at(2026, 3, 3, 10, 0),
        enquiry_decide_extension,
        actor=org.officers.head_of_service.user,
        request=request,
        agree=True,
        note="Agreed.",
    )
    _at(at(2026, 3, 4, 11, 0), enquiry_respond, actor=officer, enquiry=e, response="Done.")
    _at(
        at(2026, 3, 3, 11, 0),
        enquiry_respond,
        actor=g.assigned_to.user,
        enquiry=g,
        response="Done.",
    )
    enquiry_advance(pk=c.pk, now=at(2026, 1, 27, 9, 0))  # the first escalation is due
    return {"A": a, "B": b, "C": c, "D": d, "E": e, "G": g}


def test_the_clock_columns_the_figures_are_built_on(dataset):
    days = {k: Enquiry.objects.get(pk=e.pk).first_reply_working_days for k, e in dataset.items()}
    assert days == {"A": 10, "B": 11, "C": None, "D": None, "E": 2, "G": 1}
    assert ExtensionRequest.objects.filter(outcome="agreed").count() == 1


@clock_at(REPORTED)
def test_enquiries_by_directorate_and_service(dataset):
    rows = enquiries_by_service(YEAR)
    assert [(r["service__directorate__name"], r["service__name"]) for r in rows] == [
        ("Place and Environment", "Waste and Recycling"),
        ("Resources", "Legal and Democratic Services"),
    ]
    waste, legal = rows
    assert waste["received"] == 5
    assert waste["answered"] == 3
    assert (waste["on_time"], waste["late"], waste["open_overdue"]) == (2, 1, 1)
    assert waste["share"] == pytest.approx(50.0)
    assert waste["median_days"] == 10
    assert waste["holding_replies"] == 1
    assert waste["extensions"] == 1
    assert waste["declined"] == 1
    assert waste["escalated"] == 1
    assert waste["rung_0"] == 1
    assert (legal["received"], legal["on_time"], legal["share"], legal["median_days"]) == (
        1,
        1,
        100.0,
        1,
    )


@clock_at(REPORTED)
def test_totals_and_a_directorate_on_its_own(dataset, org):
    total = enquiries_total(YEAR)
    assert (total["received"], total["on_time"], total["late"], total["open_overdue"]) == (
        6,
        3,
        1,
        1,
    )
    assert total["share"] == pytest.approx(60.0)
    assert total["median_days"] == 6  # of 1, 2, 10, 11
    place = enquiries_total(YEAR, directorate_id=org.directorate.pk)
    assert place["received"] == 5
    assert [
        r["service__name"] for r in enquiries_by_service(YEAR, directorate_id=org.resources.pk)
    ] == ["Legal and Democratic Services"]


@clock_at(REPORTED)
def test_trend_by_month(dataset):
    months = [
        (
            r["month"].date().replace(day=1),
            r["received"],
            r["on_time"],
            r["late"],
            r["open_overdue"],
        )
        for r in enquiries_by_month(YEAR)
    ]
    assert months == [(date(2026, 1, 1), 4, 1, 1, 1), (date(2026, 3, 1), 2, 2, 0, 0)]


@clock_at(REPORTED)
def test_escalations_by_rung(dataset):
    rows = escalations_by_rung(YEAR)
    assert [(r["rung"], r["escalations"], r["enquiries"], r["label"]) for r in rows] == [
        (0, 1, 1, "Line manager")
    ]


def test_an_enquiry_still_within_its_time_does_not_count_against_the_share(org):
    _log(org, at(2026, 4, 27, 9, 0))
    with clock_at(at(2026, 4, 30, 9, 0)):
        total = enquiries_total(YEAR)
    assert (total["received"], total["open_overdue"], total["share"]) == (1, 0, None)


def test_the_default_period_is_the_last_whole_municipal_year():
    assert last_municipal_year(date(2026, 6, 1)) == YEAR
    assert last_municipal_year(date(2026, 4, 30)) == Period(date(2024, 5, 1), date(2025, 5, 1))
    assert last_municipal_year(date(2026, 5, 1)) == YEAR
