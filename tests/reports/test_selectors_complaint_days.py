"""RPT-1 complaints: median working days from a complaint being made to its closing, per
direction, counted on the council's calendar (no bank holidays in November 2026).

Member about officer:
  A  made Monday 2 November, resolved Friday 6 November: 4 working days
  B  made Saturday 7 November (counts from Monday 9th), resolved Wednesday 11th: 2
  C  made Tuesday 3 November, resolved Tuesday 17 November: 10
  D  made Monday 2 November, still open: not counted
Officer about member:
  E  made Thursday 12 November, referred Monday 16 November: 2
Member about officer median of 2, 4, 10 = 4; officer about member 2.
"""

from datetime import date

import pytest

from complaints.models import Complaint, Outcome, Referral
from complaints.services import complaint_stage_refer, complaint_stage_resolve
from reports.selectors import Period, complaint_median_days
from reports.tables import complaint_tables
from tests.clock import at, clock_at
from tests.complaints.helpers import about_member, about_officer

pytestmark = pytest.mark.django_db

NOVEMBER = Period(date(2026, 11, 1), date(2026, 12, 1))
MAO, OAM = Complaint.Direction.MEMBER_ABOUT_OFFICER, Complaint.Direction.OFFICER_ABOUT_MEMBER


def _made(when, make, org, **kwargs) -> Complaint:
    with clock_at(when):
        return make(org, **kwargs)


def _resolve(when, complaint):
    with clock_at(when):
        complaint_stage_resolve(
            actor=complaint.current_handler,
            complaint=complaint,
            outcome=Outcome.UPHELD,
            note="Apology given.",
        )


@pytest.fixture
def closed(org):
    a = _made(at(2026, 11, 2, 9, 0), about_officer, org, summary="A")
    b = _made(at(2026, 11, 7, 10, 0), about_officer, org, summary="B")
    c = _made(at(2026, 11, 3, 9, 0), about_officer, org, summary="C")
    _made(at(2026, 11, 2, 9, 0), about_officer, org, summary="D")
    e = _made(at(2026, 11, 12, 9, 0), about_member, org)
    _resolve(at(2026, 11, 6, 16, 0), a)
    _resolve(at(2026, 11, 11, 16, 0), b)
    _resolve(at(2026, 11, 17, 16, 0), c)
    with clock_at(at(2026, 11, 16, 12, 0)):
        complaint_stage_refer(
            actor=org.officers.monitoring_officer.user,
            complaint=e,
            referral=Referral.STANDARDS_COMMITTEE,
            note="A Code of Conduct matter.",
        )


def test_median_working_days_to_close_per_direction(closed, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        medians = complaint_median_days(NOVEMBER)
    assert medians == {MAO: 4, OAM: 2}
    assert complaint_median_days(Period(date(2026, 12, 1), date(2027, 1, 1))) == {}


def test_the_complaints_table_shows_the_median(closed):
    table = complaint_tables(NOVEMBER)[0]
    assert table.columns[-1] == "Median working days to close"
    assert {row[0]: row[-1] for row in table.rows} == {MAO.label: 4, OAM.label: 2}
