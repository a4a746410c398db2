"""ORG-4, property-based: the working-day calendar and every deadline the product counts with it.

For random dates from 2015 to 2040, every nation the council may be in, random closure days
and cut-off hours, the calendar's arithmetic is checked against its own laws (adding lands on a
working day, counts back, is strictly increasing), and the deadlines the enquiry and complaint
services store are never on a non-working day and never before the day something arrived.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.test import override_settings
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from complaints.services import complaint_escalate, complaint_raise
from complaints.services.common import acknowledge_reminder_at, stage_dates
from enquiries.models import Enquiry
from enquiries.policy import escalation_dates, reminder_at
from enquiries.services import (
    enquiry_decide_extension,
    enquiry_log,
    enquiry_request_extension,
    enquiry_send_holding_reply,
)
from protocol_site.calendar import (
    LONDON,
    NATIONS,
    WorkingCalendar,
    bank_holidays,
    council_calendar,
    end_of_day,
)
from protocol_site.models import ClosureDay
from tests.clock import clock_at

FIRST, LAST = date(2015, 1, 1), date(2040, 12, 31)
NATION_CODES = tuple(NATIONS)  # ENG, SCT, NIR and UK (a bank holiday anywhere: FOI)
BANK_HOLIDAYS = sorted(
    {day for nation in NATION_CODES for y in range(2015, 2041) for day in bank_holidays(nation, y)}
)
PURE = settings(max_examples=60, deadline=None)
WITH_DB = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# A day: any day in range, or one on or next to a bank holiday (where the counting is hard).
days = st.one_of(
    st.dates(FIRST, LAST),
    st.builds(
        lambda day, shift: day + timedelta(days=shift),
        st.sampled_from(BANK_HOLIDAYS),
        st.integers(-3, 3),
    ),
)
# A time of day: any, or the edges (midnight, the last instant, either side of a cut-off hour).
times = st.one_of(
    st.times(),
    st.sampled_from([time(0), time(23, 59, 59, 999999), time(23, 59), time(8), time(17, 59)]),
    st.builds(time, st.integers(0, 23)),
)


@st.composite
def calendars(draw, near: date | None = None):
    """A calendar of any nation, with random closure days near `near` and any cut-off hour."""
    anchor = near or draw(days)
    closures = draw(
        st.frozensets(st.integers(-5, 90).map(lambda k: anchor + timedelta(days=k)), max_size=8)
    )
    return WorkingCalendar(
        nation=draw(st.sampled_from(NATION_CODES)),
        closure_days=closures,
        cutoff_hour=draw(st.none() | st.integers(0, 23)),
    )


@st.composite
def arrivals(draw, first: date = FIRST, last: date = LAST) -> datetime:
    """An aware moment of arrival: London wall-clock time, or UTC (another London date near
    midnight in summer)."""
    day = draw(days.filter(lambda d: first <= d <= last))
    zone = draw(st.sampled_from([LONDON, UTC]))
    return datetime.combine(day, draw(times), tzinfo=zone)


def arrival_date(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


# --- the calendar's own laws ------------------------------------------------------------------


@PURE
@given(data=st.data(), start=days, n=st.integers(1, 70))
def test_adding_working_days_lands_on_a_working_day_and_counts_back(data, start, n):
    calendar = data.draw(calendars(near=start))
    due = calendar.add_working_days(start, n)
    assert calendar.is_working_day(due)
    assert due > start
    assert calendar.working_days_between(start, due) == n
    assert calendar.working_days_between(start, due - timedelta(days=1)) == n - 1
    assert due.weekday() < 5 and due not in calendar.closure_days
    assert due not in bank_holidays(calendar.nation, due.year)
    assert calendar.add_working_days(start, 0) == start


@PURE
@given(data=st.data(), start=days, counts=st.lists(st.integers(0, 60), min_size=2, max_size=6))
def test_adding_is_strictly_increasing_in_the_number_of_days(data, start, counts):
    calendar = data.draw(calendars(near=start))
    ordered = sorted(set(counts))
    results = [calendar.add_working_days(start, n) for n in ordered]
    assert results == sorted(set(results))  # strictly increasing: no two counts share a day
    for a, b in zip(ordered, ordered[1:], strict=False):
        # adding in two steps is adding once
        later = calendar.add_working_days(calendar.add_working_days(start, a), b - a)
        assert later == calendar.add_working_days(start, b)


@PURE
@given(data=st.data(), start=days, n=st.integers(0, 60))
def test_counting_back_undoes_counting_forward(data, start, n):
    calendar = data.draw(calendars(near=start))
    due = calendar.add_working_days(start, n)
    back = calendar.working_days_before(due, n)
    if calendar.is_working_day(start):
        assert back == start
    else:  # from a non-working day, counting back stops at the working day before it
        assert back == (start if n == 0 else calendar.previous_working_day(start))
    if calendar.is_working_day(due):
        assert calendar.add_working_days(calendar.working_days_before(due, n), n) == due


@PURE
@given(data=st.data(), day=days)
def test_next_and_previous_working_day_are_inverse(data, day):
    calendar = data.draw(calendars(near=day - timedelta(days=10)))
    after, before = calendar.next_working_day(day), calendar.previous_working_day(day)
    assert before < day < after
    assert calendar.is_working_day(after) and calendar.is_working_day(before)
    for between in (before + timedelta(days=k) for k in range(1, (after - before).days)):
        assert between == day or not calendar.is_working_day(between)
    assert calendar.previous_working_day(after) == calendar.working_days_before(after, 1)
    assert calendar.previous_working_day(after) == (day if calendar.is_working_day(day) else before)
    assert calendar.next_working_day(before) == calendar.working_day_on_or_after(day)


@PURE
@given(data=st.data(), arrived=arrivals(), n=st.integers(0, 60))
def test_a_due_date_is_a_working_day_never_before_arrival(data, arrived, n):
    calendar = data.draw(calendars(near=arrival_date(arrived)))
    receipt = calendar.day_of_receipt(arrived)
    due = calendar.due_date(arrived, n)
    assert calendar.is_working_day(receipt) and calendar.is_working_day(due)
    assert arrival_date(arrived) <= receipt <= due
    assert calendar.working_days_between(receipt, due) == n
    local = arrived.astimezone(LONDON)
    late = calendar.cutoff_hour is not None and local.hour >= calendar.cutoff_hour
    if calendar.is_working_day(local.date()) and not late:
        assert receipt == local.date()
    else:
        assert receipt == calendar.next_working_day(local.date())
    assert calendar.due_at(arrived, n) == end_of_day(due) > arrived
    explained = calendar.explain(arrived, n)
    assert (explained.due, explained.day_of_receipt) == (due, receipt)
    assert all(not calendar.is_working_day(d) for d, _ in explained.excluded)
    assert all(receipt < d <= due and d.weekday() < 5 for d, _ in explained.excluded)
    assert str(explained)  # the explanation every enquiry shows always renders


# --- the deadlines the services store ---------------------------------------------------------


@pytest.mark.django_db  # the stage targets and reminder days are the council's rules
@PURE
@given(data=st.data(), opened=arrivals(), ack=st.integers(1, 30), resolve=st.integers(1, 60))
def test_complaint_stage_dates_are_working_days_after_opening(data, opened, ack, resolve):
    calendar = data.draw(calendars(near=arrival_date(opened)))
    with override_settings(
        COMPLAINT_ACKNOWLEDGE_WORKING_DAYS=ack, COMPLAINT_RESOLVE_WORKING_DAYS=resolve
    ):
        acknowledge_by, resolve_by = stage_dates(calendar, opened)
    for day in (acknowledge_by, resolve_by):
        assert calendar.is_working_day(day) and day > arrival_date(opened)
    assert (acknowledge_by <= resolve_by) == (ack <= resolve)
    remind = acknowledge_reminder_at(calendar, opened, acknowledge_by)
    if remind is not None:
        assert opened < remind < end_of_day(acknowledge_by)
        assert calendar.is_working_day(remind.date()) and remind.hour == 8


@pytest.mark.django_db  # the stage targets and reminder days are the council's rules
@PURE
@given(data=st.data(), target=days, before=st.integers(0, 10))
def test_enquiry_reminders_and_escalations_fall_on_working_days(data, target, before):
    calendar = data.draw(calendars(near=target))
    assume(calendar.is_working_day(target))
    with override_settings(ENQUIRY_REMINDER_WORKING_DAYS_BEFORE=before):
        remind = reminder_at(calendar, target)
    assert calendar.is_working_day(remind.date()) and remind.date() <= target
    moments = [moment for _, moment in escalation_dates(calendar, target)]
    assert moments[0] == end_of_day(target)
    assert moments == sorted(moments)
    for moment in moments:
        assert moment.time() == time(0)
        assert calendar.is_working_day(moment.date() - timedelta(days=1))


@contextmanager
def council(nation: str, cutoff: int | None, closures: frozenset[date], now: datetime):
    """The installation's calendar for one example: settings, closure days and the clock,
    all undone afterwards (the database changes are rolled back)."""
    with (
        override_settings(COUNCIL_NATION=nation, WORKING_DAY_CUTOFF_HOUR=cutoff),
        clock_at(now),
        transaction.atomic(),
    ):
        ClosureDay.objects.bulk_create(ClosureDay(date=d, reason="Closed") for d in closures)
        yield council_calendar()
        transaction.set_rollback(True)


@st.composite
def installations(draw):
    """(nation, cut-off hour, closure days, the moment an item arrived, now)."""
    arrived = draw(arrivals(last=date(2040, 10, 31)))
    now = arrived + draw(st.timedeltas(timedelta(0), timedelta(days=45)))
    calendar = draw(calendars(near=arrival_date(arrived)))
    return calendar.nation, calendar.cutoff_hour, calendar.closure_days, arrived, now


@pytest.mark.django_db
@WITH_DB
@given(
    setup=installations(),
    expected_in=st.integers(-3, 40),
    proposed_in=st.integers(-3, 30),
    agreed_in=st.none() | st.integers(0, 5),
)
def test_an_enquirys_dates_are_working_days_never_before_receipt(
    org, setup, expected_in, proposed_in, agreed_in
):
    nation, cutoff, closures, arrived, now = setup
    with council(nation, cutoff, closures, now) as calendar:
        assert calendar == WorkingCalendar(nation, closures, cutoff, calendar.closure_reasons)
        enquiry = enquiry_log(
            actor=org.officers.democratic_services.user,
            councillor=org.councillors.councillor,
            subject="Fly-tipping on Mill Lane",
            details="Residents report a pile of tyres.",
            kind=Enquiry.Kind.CASEWORK,
            service=org.service,
            approached_officer=org.officers.officer,
            channel=Enquiry.Channel.EMAIL,
            received_at=arrived,
        )
        received = arrival_date(arrived)
        respond_by = enquiry.due_date
        assert calendar.is_working_day(respond_by) and respond_by > received
        assert calendar.is_working_day(enquiry.day_of_receipt)
        assert enquiry.target_date == respond_by
        officer = enquiry.assigned_to.user

        # A holding reply's expected date: refused, or a future working day.
        near = now.astimezone(LONDON).date() + timedelta(days=expected_in)
        try:
            enquiry_send_holding_reply(
                actor=officer,
                enquiry=enquiry,
                explanation="Waiting on a site visit.",
                expected_date=near,
            )
        except ValidationError:
            event("holding reply refused")
            enquiry.refresh_from_db()
            assert enquiry.target_date == respond_by
        else:
            event("holding reply sent")
            enquiry.refresh_from_db()
            assert enquiry.target_date == near
        assert calendar.is_working_day(enquiry.target_date) and enquiry.target_date > received

        # More time: asked for, then agreed with the date asked or another.
        proposed = enquiry.target_date + timedelta(days=proposed_in)
        try:
            request = enquiry_request_extension(
                actor=officer,
                enquiry=enquiry,
                reason="Needs legal advice.",
                proposed_date=proposed,
            )
            enquiry_decide_extension(
                actor=org.officers.director.user,
                request=request,
                agree=True,
                agreed_date=None if agreed_in is None else proposed + timedelta(days=agreed_in),
            )
            event("more time agreed")
        except ValidationError:
            event("more time refused")
        enquiry.refresh_from_db()
        assert calendar.is_working_day(enquiry.target_date) and enquiry.target_date > received
        if enquiry.next_action_at is not None:  # a reminder at 08:00, or the end of a day
            local = enquiry.next_action_at.astimezone(LONDON)
            if local.time() == time(8):
                assert calendar.is_working_day(local.date())
            else:
                assert local.time() == time(0)
                assert calendar.is_working_day(local.date() - timedelta(days=1))


@pytest.mark.django_db
@WITH_DB
@given(setup=installations(), about=st.sampled_from(["officer", "councillor"]))
def test_complaint_stages_are_due_on_working_days_never_before_raising(org, setup, about):
    nation, cutoff, closures, raised, later = setup
    with council(nation, cutoff, closures, raised) as calendar:
        if about == "officer":
            complaint = complaint_raise(
                actor=org.councillors.councillor.user,
                about_officer=org.officers.officer,
                summary="Dismissive replies",
                details="Three dismissive replies.",
            )
        else:
            complaint = complaint_raise(
                actor=org.officers.officer.user,
                about_councillor=org.councillors.councillor,
                summary="Criticised in public",
                details="Named at the area forum.",
            )
        with clock_at(later):
            stage = complaint.stages.get()
            complaint_escalate(actor=stage.handler, complaint=complaint, reason="Needs a senior.")
        stages = list(complaint.stages.order_by("number"))
        assert len(stages) == 2
        for stage in stages:
            opened = arrival_date(stage.opened_at)
            for day in (stage.acknowledge_by, stage.resolve_by):
                assert calendar.is_working_day(day), (stage.number, day)
                assert day > opened >= arrival_date(raised)
            if stage.acknowledge_reminder_at is not None:
                assert stage.opened_at < stage.acknowledge_reminder_at
                assert calendar.is_working_day(stage.acknowledge_reminder_at.date())
