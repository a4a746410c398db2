"""Property tests for the advice clock: whenever a request arrives and whatever the council's
working days, advice is due on a working day that many working days after the day of receipt,
the reminder comes on that day's morning, before the end of it when it is overdue."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from advice.models import AdviceStep
from advice.services.clock import due_on_for, next_moment, overdue_at, reminder_at
from protocol_site.calendar import LONDON, WorkingCalendar

CALENDAR = WorkingCalendar()
Kind = AdviceStep.Kind

moments = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2029, 12, 31), timezones=st.just(UTC)
)


@given(arrived=moments, days=st.integers(min_value=1, max_value=60))
def test_due_on_a_working_day_that_many_working_days_on(arrived, days):
    due = due_on_for(CALENDAR, arrived, days)
    receipt = CALENDAR.day_of_receipt(arrived)
    assert CALENDAR.is_working_day(due)
    assert CALENDAR.working_days_between(receipt, due) == days
    assert due > arrived.astimezone(LONDON).date()


@given(arrived=moments, days=st.integers(min_value=1, max_value=60))
def test_reminder_then_overdue_then_nothing(arrived, days):
    due = due_on_for(CALENDAR, arrived, days)
    first = next_moment(due, set())
    second = next_moment(due, {Kind.REMINDER})
    assert first == reminder_at(due)
    assert first.astimezone(LONDON).date() == due
    assert second == overdue_at(due)
    assert first < second
    assert second - first < timedelta(days=1)
    assert first > arrived
    assert next_moment(due, {Kind.REMINDER, Kind.ESCALATED}) is None
