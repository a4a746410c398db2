"""The annual report's counts for the top of the council."""

from datetime import date

import pytest

from complaints.models import Outcome
from complaints.services import (
    complaint_chief_executive_decide,
    complaint_stage_resolve,
    complaint_to_standards_committee,
    ruling_record,
)
from reports.selectors import Period
from reports.tables import report_tables
from tests.clock import clock_at
from tests.complaints.helpers import about_member
from tests.groups.helpers import NOW

pytestmark = pytest.mark.django_db

NOVEMBER = Period(date(2026, 11, 1), date(2026, 12, 1))


def test_the_report_counts_each_route_and_the_rulings(org, django_assert_max_num_queries):
    from reports.top_figures import complaints_at_the_top

    ce = org.officers.chief_executive.user
    with clock_at(NOW):
        for _ in range(2):
            upheld = complaint_stage_resolve(
                actor=org.officers.line_manager.user,
                complaint=about_member(org),
                outcome=Outcome.UPHELD,
                note="Upheld.",
            )
        complaint_chief_executive_decide(
            actor=ce,
            complaint=upheld,
            decision="An apology.",
            leader_told=True,
            group_leader_told=True,
            standards_chair_consulted=True,
        )
        complaint_to_standards_committee(
            actor=org.officers.officer.user, complaint=about_member(org), reason="Code."
        )
        ruling_record(
            actor=ce,
            title="A ruling",
            ruling="Read so.",
            rule="briefing_members_only",
            ruled_on=date(2026, 11, 2),
            monitoring_officer_consulted=True,
        )
    with django_assert_max_num_queries(2):
        counts = complaints_at_the_top(NOVEMBER)
    assert counts == {
        "joint": 0,
        "to_chief_executive": 2,
        "decided": 1,
        "straight_to_standards_committee": 1,
        "rulings": 1,
    }
    assert complaints_at_the_top(Period(date(2026, 10, 1), date(2026, 11, 1)))["rulings"] == 0
    tables = {t.slug: t for _, section in report_tables(NOVEMBER) for t in section}
    rows = tables["complaints-at-the-top"].rows
    assert [row[1] for row in rows] == [0, 2, 1, 1, 1]
