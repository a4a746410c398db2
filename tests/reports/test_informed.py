"""The annual report counts notices to ward members by kind (media interest among them) and
members' public meetings the relevant officer was told of, in one query."""

from datetime import date, timedelta

import pytest

from notices.meetings.services import member_meeting_cancel, member_meeting_tell
from notices.models import WardNotice
from notices.services import ward_notice_publish, ward_notice_withdraw
from reports.informed import counts_by_kind
from reports.selectors import Period, training_by_kind
from reports.tables import informed_tables
from tests.clock import at, clock_fixture
from tests.registers.factories import TrainingAttendanceFactory, TrainingSessionFactory

pytestmark = pytest.mark.django_db

frozen = clock_fixture(at(2026, 11, 2, 9, 0), name="frozen")
YEAR = Period(date(2026, 5, 1), date(2027, 5, 1))


def test_counts_by_kind_in_one_query(org, officer, councillor, django_assert_num_queries):
    for title in ("The Echo asks about the depot", "Radio Riverside asks about bins"):
        ward_notice_publish(
            actor=officer,
            kind=WardNotice.Kind.MEDIA_INTEREST,
            title=title,
            details="A reporter called the press office.",
            wards=[org.ward],
        )
    notice = ward_notice_publish(
        actor=officer,
        kind=WardNotice.Kind.MATTER,
        title="Depot works",
        details="Works start in spring.",
        wards=[org.ward],
    )
    ward_notice_withdraw(actor=officer, notice=notice, reason="Postponed")
    meeting = member_meeting_tell(
        actor=councillor,
        subject="Residents' meeting",
        meeting_at=at(2026, 11, 2, 9, 0) + timedelta(days=5),
        place="Riverside Community Centre",
        service=org.service,
    )
    member_meeting_cancel(actor=councillor, meeting=meeting)
    with django_assert_num_queries(1):
        counts = counts_by_kind(YEAR)
    rows = {r["kind"]: (r["recorded"], r["ended"]) for r in counts["notice"]}
    assert rows == {"matter": (1, 1), "media_interest": (2, 0)}
    assert counts["member_meeting"] == [{"kind": "member_meeting", "recorded": 1, "ended": 1}]
    assert counts["training"] == []
    [table] = informed_tables(YEAR)
    assert ["Media interest in a matter affecting the ward", 2, 0] in table.rows


def test_an_empty_year_has_no_rows(org):
    assert [table.rows for table in informed_tables(YEAR)] == [[]]


def test_training_counts_are_the_same_as_the_training_selector(org):
    session = TrainingSessionFactory(held_on=date(2026, 9, 1))
    TrainingAttendanceFactory(session=session, councillor=org.councillors.councillor)
    TrainingAttendanceFactory(
        session=session, councillor=org.councillors.group_leader, attended=False
    )
    assert counts_by_kind(YEAR)["training"] == training_by_kind(YEAR)
