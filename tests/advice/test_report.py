"""The annual report counts requests for advice by topic and lobbying reports."""

from datetime import date

import pytest

from advice.models import Topic
from advice.services import advice_give, advice_sweep, advice_withdraw, lobbying_record_action
from reports.advice_figures import advice_by_topic, lobbying_counts
from reports.selectors import Period
from reports.tables import advice_tables

from .helpers import OVERDUE, ask, lobbied

pytestmark = pytest.mark.django_db
NOVEMBER = Period(date(2026, 11, 1), date(2026, 12, 1))
OCTOBER = Period(date(2026, 10, 1), date(2026, 11, 1))


def test_requests_and_lobbying_are_counted(
    org, councillor, officer, monitoring_officer, django_assert_max_num_queries
):
    advised = ask(councillor)
    advice_give(actor=monitoring_officer, case=advised, advice="Yes.")
    advice_withdraw(actor=councillor, case=ask(councillor))
    ask(officer)  # left to go overdue
    ask(officer, topic=Topic.FREEDOM_OF_INFORMATION)
    advice_sweep(now=OVERDUE)
    report = lobbied(org)
    lobbied(org)
    lobbying_record_action(actor=monitoring_officer, report=report, action="Done.")

    with django_assert_max_num_queries(2):  # outside a page, each reads its own
        rows = {r["topic"]: r for r in advice_by_topic(NOVEMBER)}
        lobbying = lobbying_counts(NOVEMBER)
    protocol = rows["protocol"]
    assert (protocol["asked"], protocol["advised"], protocol["withdrawn"]) == (3, 1, 1)
    assert (protocol["waiting"], protocol["overdue"], protocol["by_officers"]) == (1, 1, 1)
    assert rows["freedom_of_information"]["overdue"] == 1
    assert lobbying == {"reported": 2, "actioned": 1}
    assert advice_by_topic(OCTOBER) == []
    assert lobbying_counts(OCTOBER) == {"reported": 0, "actioned": 0}
    tables = advice_tables(NOVEMBER)
    assert tables[0].rows[0][0] == "The protocol, or how it applies"
    assert tables[1].rows == [["Lobbying by officers about their own employment", 2, 1]]
