"""ORG-4: the working-day calendar (protocol_site/calendar.py).

Bank holidays are checked against the published gov.uk list (the dates a bank holiday is
*observed*, i.e. substitute days rather than the weekend days they replace), typed here by hand
so the maintained `holidays` package is tested rather than trusted. Expected due dates are
counted by hand or from that hand-typed list, never from the module under test.
"""

from __future__ import annotations

import random
from bisect import bisect_right
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from protocol_site.calendar import (
    LONDON,
    NATIONS,
    DueDateExplanation,
    WorkingCalendar,
    bank_holidays,
    council_calendar,
    end_of_day,
)
from protocol_site.models import ClosureDay

NATION_CODES = ("ENG", "SCT", "NIR", "UK")
YEARS = (2025, 2026, 2027, 2028)


def d(text: str) -> date:
    return date.fromisoformat(text)


def london(text: str) -> datetime:
    """An aware datetime from a London wall-clock time, e.g. '2026-12-23 10:00'."""
    return datetime.fromisoformat(text).replace(tzinfo=LONDON)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _days(year: int, *month_days: str) -> frozenset[date]:
    return frozenset(d(f"{year}-{md}") for md in month_days)


# gov.uk/bank-holidays, as published (weekday, observed dates only).
OFFICIAL: dict[str, dict[int, frozenset[date]]] = {
    "ENG": {
        2025: _days(2025, "01-01", "04-18", "04-21", "05-05", "05-26", "08-25", "12-25", "12-26"),
        2026: _days(2026, "01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"),
        2027: _days(2027, "01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"),
        2028: _days(2028, "01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"),
    },
    "SCT": {
        2025: _days(
            2025, "01-01", "01-02", "04-18", "05-05", "05-26", "08-04", "12-01", "12-25", "12-26"
        ),
        # 15 June 2026: the one-off World Cup bank holiday (Royal Proclamation, 3 Feb 2026).
        2026: _days(
            2026,
            *("01-01", "01-02", "04-03", "05-04", "05-25", "06-15", "08-03", "11-30", "12-25"),
            "12-28",
        ),
        2027: _days(
            2027, "01-01", "01-04", "03-26", "05-03", "05-31", "08-02", "11-30", "12-27", "12-28"
        ),
        2028: _days(
            2028, "01-03", "01-04", "04-14", "05-01", "05-29", "08-07", "11-30", "12-25", "12-26"
        ),
    },
    "NIR": {
        2025: _days(
            2025,
            *("01-01", "03-17", "04-18", "04-21", "05-05", "05-26", "07-14", "08-25", "12-25"),
            "12-26",
        ),
        2026: _days(
            2026,
            *("01-01", "03-17", "04-03", "04-06", "05-04", "05-25", "07-13", "08-31", "12-25"),
            "12-28",
        ),
        2027: _days(
            2027,
            *("01-01", "03-17", "03-26", "03-29", "05-03", "05-31", "07-12", "08-30", "12-27"),
            "12-28",
        ),
        2028: _days(
            2028,
            *("01-03", "03-17", "04-14", "04-17", "05-01", "05-29", "07-12", "08-28", "12-25"),
            "12-26",
        ),
    },
}
OFFICIAL["UK"] = {
    year: OFFICIAL["ENG"][year] | OFFICIAL["SCT"][year] | OFFICIAL["NIR"][year] for year in YEARS
}
# Enough of early 2029 for counts that start late in 2028 to finish.
EARLY_2029 = {
    "ENG": _days(2029, "01-01"),
    "SCT": _days(2029, "01-01", "01-02"),
    "NIR": _days(2029, "01-01"),
    "UK": _days(2029, "01-01", "01-02"),
}

# (nation, date) -> reason, where the `holidays` package disagrees with gov.uk. Empty: with
# holidays 0.109 every official date for 2025-2028 matches (including Scotland's 15 June 2026).
LIBRARY_DISAGREES: dict[tuple[str, date], str] = {}


def _official_params():
    for nation in NATION_CODES:
        for year in YEARS:
            for day in sorted(OFFICIAL[nation][year]):
                reason = LIBRARY_DISAGREES.get((nation, day))
                marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
                yield pytest.param(nation, day, marks=marks, id=f"{nation}-{day}")


def _oracle_working_days(nation: str) -> list[date]:
    """Every working day from 2024-12-01 to 2029-02-28, from the official list alone."""
    christmas_2024 = {d("2024-12-25"), d("2024-12-26")}
    off = set().union(*OFFICIAL[nation].values(), EARLY_2029[nation], christmas_2024)
    day, end, found = d("2024-12-01"), d("2029-02-28"), []
    while day <= end:
        if day.weekday() < 5 and day not in off:
            found.append(day)
        day += timedelta(days=1)
    return found


ORACLE = {nation: _oracle_working_days(nation) for nation in NATION_CODES}


def oracle_add(nation: str, start: date, n: int) -> date:
    days = ORACLE[nation]
    return start if n == 0 else days[bisect_right(days, start) + n - 1]


def oracle_between(nation: str, start: date, end: date) -> int:
    days = ORACLE[nation]
    return max(0, bisect_right(days, end) - bisect_right(days, start))


# --- the bank holidays themselves -------------------------------------------------------------


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("nation", NATION_CODES)
def test_weekday_bank_holidays_match_gov_uk(nation, year):
    weekdays = {day for day in bank_holidays(nation, year) if day.weekday() < 5}
    assert weekdays == OFFICIAL[nation][year]


@pytest.mark.parametrize(("nation", "day"), list(_official_params()))
def test_each_official_bank_holiday_is_not_a_working_day(nation, day):
    calendar = WorkingCalendar(nation)
    assert not calendar.is_working_day(day)
    assert calendar.holiday_name(day)


@pytest.mark.parametrize("nation", NATION_CODES)
def test_every_day_2025_to_2028_agrees_with_the_official_list(nation):
    calendar = WorkingCalendar(nation)
    expected = set(ORACLE[nation])
    day = d("2025-01-01")
    wrong = []
    while day <= d("2028-12-31"):
        if calendar.is_working_day(day) != (day in expected):
            wrong.append(day)
        day += timedelta(days=1)
    assert wrong == []


W, H = True, False  # working day, holiday
NOTABLE_DAYS = [
    # date,             ENG, SCT, NIR, UK
    ("2025-01-02", W, H, W, H),  # Scotland's 2 January
    ("2025-03-17", W, W, H, H),  # St Patrick's Day (Mon)
    ("2025-04-18", H, H, H, H),  # Good Friday
    ("2025-04-21", H, W, H, H),  # Easter Monday: not in Scotland
    ("2025-07-11", W, W, W, W),
    ("2025-07-14", W, W, H, H),  # Boyne (12 July is a Saturday): substitute
    ("2025-08-04", W, H, W, H),  # Scotland: first Monday in August
    ("2025-08-25", H, W, H, H),  # E&W and NI: last Monday in August
    ("2025-12-01", W, H, W, H),  # St Andrew's Day (Sun 30 Nov): substitute
    ("2025-12-26", H, H, H, H),
    ("2026-01-02", W, H, W, H),
    ("2026-03-17", W, W, H, H),
    ("2026-04-03", H, H, H, H),
    ("2026-04-06", H, W, H, H),
    ("2026-06-15", W, H, W, H),  # Scotland's World Cup bank holiday
    ("2026-07-13", W, W, H, H),  # Boyne (12 July is a Sunday): substitute
    ("2026-08-03", W, H, W, H),
    ("2026-08-31", H, W, H, H),
    ("2026-11-30", W, H, W, H),  # St Andrew's Day (Mon)
    ("2026-12-24", W, W, W, W),
    ("2026-12-28", H, H, H, H),  # Boxing Day (Sat) substitute
    ("2026-12-29", W, W, W, W),
    ("2026-12-31", W, W, W, W),
    ("2027-01-01", H, H, H, H),
    ("2027-01-04", W, H, W, H),  # Scotland's 2 January (Sat): substitute
    ("2027-03-17", W, W, H, H),
    ("2027-03-26", H, H, H, H),
    ("2027-03-29", H, W, H, H),
    ("2027-07-12", W, W, H, H),
    ("2027-08-02", W, H, W, H),
    ("2027-08-30", H, W, H, H),
    ("2027-11-30", W, H, W, H),  # St Andrew's Day (Tue)
    ("2027-12-27", H, H, H, H),  # Christmas Day (Sat) substitute
    ("2027-12-28", H, H, H, H),  # Boxing Day (Sun) substitute
    ("2027-12-29", W, W, W, W),
    ("2028-01-03", H, H, H, H),  # New Year's Day (Sat) substitute
    ("2028-01-04", W, H, W, H),  # Scotland's 2 January (Sun) substitute
    ("2028-03-17", W, W, H, H),
    ("2028-04-14", H, H, H, H),
    ("2028-04-17", H, W, H, H),
    ("2028-07-12", W, W, H, H),
    ("2028-08-07", W, H, W, H),
    ("2028-08-28", H, W, H, H),
    ("2028-11-30", W, H, W, H),
    ("2028-12-26", H, H, H, H),
    ("2024-03-18", W, W, H, H),  # St Patrick's Day (Sun 17 Mar 2024): substitute, as published
]


@pytest.mark.parametrize(("day", "eng", "sct", "nir", "uk"), NOTABLE_DAYS)
def test_notable_days_in_each_calendar(day, eng, sct, nir, uk):
    expected = {"ENG": eng, "SCT": sct, "NIR": nir, "UK": uk}
    actual = {nation: WorkingCalendar(nation).is_working_day(d(day)) for nation in NATION_CODES}
    assert actual == expected


@pytest.mark.parametrize("day", ["2026-03-07", "2026-03-08", "2027-12-25", "2028-01-01"])
@pytest.mark.parametrize("nation", NATION_CODES)
def test_weekends_are_never_working_days(nation, day):
    assert not WorkingCalendar(nation).is_working_day(d(day))


def test_the_uk_calendar_is_the_union_of_the_three():
    for year in YEARS:
        union = set(bank_holidays("ENG", year)) | set(bank_holidays("SCT", year))
        union |= set(bank_holidays("NIR", year))
        assert set(bank_holidays("UK", year)) == union


def test_the_four_calendars_are_offered():
    assert set(NATIONS) == set(NATION_CODES)


def test_unknown_nation_is_rejected():
    with pytest.raises(ValueError, match="Unknown nation 'WLS'"):
        bank_holidays("WLS", 2026)
    with pytest.raises(ValueError, match="Unknown nation"):
        WorkingCalendar("XX").is_working_day(d("2026-03-09"))
    with pytest.raises(ValueError, match="Unknown nation"):
        WorkingCalendar("eng").due_date(london("2026-03-09 10:00"), 10)


# --- the two SPEC examples ----------------------------------------------------------------------


def test_spec_example_christmas_2026():
    calendar = WorkingCalendar("ENG")
    arrived = london("2026-12-23 10:00")
    assert calendar.day_of_receipt(arrived) == d("2026-12-23")
    assert calendar.due_date(arrived, 10) == d("2027-01-11")
    explanation = calendar.explain(arrived, 10)
    assert str(explanation) == (
        "received Wed 23 Dec 2026; day 1 is Thu 24 Dec; 10 working days excluding 25 and 28 Dec "
        "and 1 Jan → due by Mon 11 Jan 2027"
    )
    assert explanation.day_of_receipt == d("2026-12-23")
    assert explanation.receipt_reason == ""
    assert explanation.day_one == d("2026-12-24")
    assert explanation.due == d("2027-01-11")
    assert explanation.working_days == 10
    assert explanation.received_at == arrived
    assert [day for day, _ in explanation.excluded] == [
        d("2026-12-25"),
        d("2026-12-28"),
        d("2027-01-01"),
    ]
    names = [name for _, name in explanation.excluded]
    assert "Christmas" in names[0] and "Boxing" in names[1] and "New Year" in names[2]


def test_spec_example_saturday_arrival():
    calendar = WorkingCalendar("ENG")
    arrived = london("2026-03-07 10:00")
    assert calendar.day_of_receipt(arrived) == d("2026-03-09")
    assert calendar.due_date(arrived, 10) == d("2026-03-23")
    assert str(calendar.explain(arrived, 10)) == (
        "received Sat 7 Mar 2026; that is not a working day (Saturday), so the day of receipt "
        "is Mon 9 Mar 2026; day 1 is Tue 10 Mar; 10 working days → due by Mon 23 Mar 2026"
    )


# --- due dates in the four calendars ------------------------------------------------------------

DUE_DATES = [
    # arrival (London),   days, ENG,          SCT,          NIR,          UK
    ("2026-12-23 10:00", 10, "2027-01-11", "2027-01-12", "2027-01-11", "2027-01-12"),
    ("2026-03-07 10:00", 10, "2026-03-23", "2026-03-23", "2026-03-24", "2026-03-24"),
    ("2026-04-01 10:00", 10, "2026-04-17", "2026-04-16", "2026-04-17", "2026-04-17"),
    ("2026-07-31 10:00", 5, "2026-08-07", "2026-08-10", "2026-08-07", "2026-08-10"),
    ("2026-08-28 10:00", 5, "2026-09-07", "2026-09-04", "2026-09-07", "2026-09-07"),
    ("2026-07-10 10:00", 3, "2026-07-15", "2026-07-15", "2026-07-16", "2026-07-16"),
    ("2026-07-01 10:00", 10, "2026-07-15", "2026-07-15", "2026-07-16", "2026-07-16"),
    ("2026-11-27 10:00", 3, "2026-12-02", "2026-12-03", "2026-12-02", "2026-12-03"),
    ("2026-06-12 10:00", 1, "2026-06-15", "2026-06-16", "2026-06-15", "2026-06-16"),
    ("2027-12-30 10:00", 3, "2028-01-05", "2028-01-06", "2028-01-05", "2028-01-06"),
    ("2025-03-14 10:00", 1, "2025-03-17", "2025-03-17", "2025-03-18", "2025-03-18"),
    ("2025-11-28 10:00", 1, "2025-12-01", "2025-12-02", "2025-12-01", "2025-12-02"),
    ("2025-11-28 10:00", 0, "2025-11-28", "2025-11-28", "2025-11-28", "2025-11-28"),
    ("2028-04-13 10:00", 2, "2028-04-19", "2028-04-18", "2028-04-19", "2028-04-19"),
]


@pytest.mark.parametrize(("arrived", "n", "eng", "sct", "nir", "uk"), DUE_DATES)
def test_due_dates_in_each_calendar(arrived, n, eng, sct, nir, uk):
    expected = {"ENG": d(eng), "SCT": d(sct), "NIR": d(nir), "UK": d(uk)}
    actual = {nation: WorkingCalendar(nation).due_date(london(arrived), n) for nation in expected}
    assert actual == expected


# --- the day of receipt ---------------------------------------------------------------------------

RECEIPTS = [
    # nation, arrival (London), day of receipt
    ("ENG", "2026-03-09 00:00", "2026-03-09"),  # a working day, at any hour
    ("ENG", "2026-03-09 23:59", "2026-03-09"),
    ("ENG", "2026-03-07 10:00", "2026-03-09"),  # Saturday
    ("ENG", "2026-03-08 23:59", "2026-03-09"),  # Sunday
    ("ENG", "2026-04-03 10:00", "2026-04-07"),  # Good Friday, then Easter Monday
    ("SCT", "2026-04-03 10:00", "2026-04-06"),  # ... Easter Monday is worked in Scotland
    ("NIR", "2026-04-03 10:00", "2026-04-07"),
    ("UK", "2026-04-03 10:00", "2026-04-07"),
    ("ENG", "2026-12-25 10:00", "2026-12-29"),  # Christmas, weekend, Boxing Day substitute
    ("ENG", "2026-12-26 10:00", "2026-12-29"),
    ("ENG", "2027-01-01 10:00", "2027-01-04"),
    ("SCT", "2027-01-01 10:00", "2027-01-05"),  # 2 January (Sat) substituted on Mon 4
    ("NIR", "2027-01-01 10:00", "2027-01-04"),
    ("UK", "2027-01-01 10:00", "2027-01-05"),
    ("ENG", "2027-12-25 10:00", "2027-12-29"),
    ("SCT", "2027-12-25 10:00", "2027-12-29"),
    ("ENG", "2028-01-01 10:00", "2028-01-04"),
    ("SCT", "2028-01-01 10:00", "2028-01-05"),
    ("UK", "2028-01-01 10:00", "2028-01-05"),
    ("ENG", "2026-03-17 10:00", "2026-03-17"),
    ("NIR", "2026-03-17 10:00", "2026-03-18"),  # St Patrick's Day
    ("UK", "2026-03-17 10:00", "2026-03-18"),
    ("ENG", "2025-07-12 10:00", "2025-07-14"),
    ("NIR", "2025-07-12 10:00", "2025-07-15"),  # Boyne on a Saturday
    ("NIR", "2026-07-12 10:00", "2026-07-14"),  # Boyne on a Sunday
    ("ENG", "2026-07-12 10:00", "2026-07-13"),
    ("SCT", "2025-11-30 10:00", "2025-12-02"),  # St Andrew's Day on a Sunday
    ("ENG", "2025-11-30 10:00", "2025-12-01"),
    ("UK", "2025-11-30 10:00", "2025-12-02"),
    ("SCT", "2026-08-03 10:00", "2026-08-04"),
    ("ENG", "2026-08-03 10:00", "2026-08-03"),
    ("ENG", "2026-08-31 10:00", "2026-09-01"),
    ("SCT", "2026-08-31 10:00", "2026-08-31"),
    ("SCT", "2026-06-15 10:00", "2026-06-16"),
    ("ENG", "2026-06-15 10:00", "2026-06-15"),
]


@pytest.mark.parametrize(("nation", "arrived", "receipt"), RECEIPTS)
def test_day_of_receipt(nation, arrived, receipt):
    assert WorkingCalendar(nation).day_of_receipt(london(arrived)) == d(receipt)


def test_bank_holiday_arrival_is_explained():
    explanation = WorkingCalendar("ENG").explain(london("2026-04-03 10:00"), 10)
    assert str(explanation) == (
        "received Fri 3 Apr 2026; that is not a working day (Good Friday), so the day of "
        "receipt is Tue 7 Apr 2026; day 1 is Wed 8 Apr; 10 working days → due by Tue 21 Apr 2026"
    )
    assert explanation.excluded == ()


def test_zero_working_days_is_the_day_of_receipt():
    calendar = WorkingCalendar("ENG")
    assert calendar.due_date(london("2026-03-07 10:00"), 0) == d("2026-03-09")
    assert calendar.add_working_days(d("2026-03-09"), 0) == d("2026-03-09")


def test_counting_backwards_is_refused():
    with pytest.raises(ValueError):
        WorkingCalendar("ENG").add_working_days(d("2026-03-09"), -1)


@pytest.mark.parametrize(
    ("start", "after"),
    [
        ("2026-03-06", "2026-03-09"),  # Friday -> Monday
        ("2026-03-07", "2026-03-09"),  # strictly after, from a weekend
        ("2026-03-09", "2026-03-10"),
        ("2026-12-24", "2026-12-29"),
        ("2026-12-31", "2027-01-04"),  # across the year
        ("2027-12-24", "2027-12-29"),
        ("2027-12-31", "2028-01-04"),
        ("2028-12-22", "2028-12-27"),
    ],
)
def test_next_working_day(start, after):
    assert WorkingCalendar("ENG").next_working_day(d(start)) == d(after)


# --- closure days -------------------------------------------------------------------------------

CHRISTMAS_CLOSURES = (
    (d("2026-12-24"), "Christmas closure"),
    (d("2026-12-29"), "Christmas closure"),
    (d("2026-12-30"), "Christmas closure"),
    (d("2026-12-31"), "Christmas closure"),
)


def _with_closures(nation="ENG", closures=CHRISTMAS_CLOSURES, cutoff_hour=None):
    return WorkingCalendar(
        nation=nation,
        closure_days=frozenset(day for day, _ in closures),
        cutoff_hour=cutoff_hour,
        closure_reasons=closures,
    )


def test_closure_days_are_not_working_days():
    calendar = _with_closures()
    for day, reason in CHRISTMAS_CLOSURES:
        assert not calendar.is_working_day(day)
        assert calendar.holiday_name(day) == reason
    assert calendar.is_working_day(d("2026-12-23"))
    assert calendar.is_working_day(d("2027-01-04"))


def test_closure_days_are_skipped_when_counting():
    calendar = _with_closures()
    arrived = london("2026-12-23 10:00")
    assert calendar.due_date(arrived, 10) == d("2027-01-15")
    explanation = calendar.explain(arrived, 10)
    assert str(explanation) == (
        "received Wed 23 Dec 2026; day 1 is Mon 4 Jan; 10 working days excluding "
        "24, 25, 28, 29, 30 and 31 Dec and 1 Jan → due by Fri 15 Jan 2027"
    )
    excluded = dict(explanation.excluded)
    assert excluded[d("2026-12-24")] == "Christmas closure"
    assert excluded[d("2026-12-30")] == "Christmas closure"
    assert "Boxing" in excluded[d("2026-12-28")]
    assert calendar.working_days_between(d("2026-12-23"), d("2027-01-15")) == 10


@pytest.mark.parametrize(
    ("arrived", "receipt", "due"),
    [
        ("2026-12-29 10:00", "2027-01-04", "2027-01-18"),
        ("2026-12-24 09:00", "2027-01-04", "2027-01-18"),
        ("2026-12-31 23:59", "2027-01-04", "2027-01-18"),
    ],
)
def test_arrival_on_a_closure_day(arrived, receipt, due):
    calendar = _with_closures()
    assert calendar.day_of_receipt(london(arrived)) == d(receipt)
    assert calendar.due_date(london(arrived), 10) == d(due)


def test_arrival_on_a_closure_day_names_the_closure():
    explanation = _with_closures().explain(london("2026-12-29 10:00"), 10)
    assert str(explanation) == (
        "received Tue 29 Dec 2026; that is not a working day (Christmas closure), so the day of "
        "receipt is Mon 4 Jan 2027; day 1 is Tue 5 Jan; 10 working days → due by Mon 18 Jan 2027"
    )


def test_closure_without_a_reason_has_a_default_name():
    calendar = WorkingCalendar("ENG", closure_days=frozenset({d("2026-03-10")}))
    assert calendar.holiday_name(d("2026-03-10")) == "Council closure day"
    assert calendar.due_date(london("2026-03-09 10:00"), 1) == d("2026-03-11")
    assert "Council closure day" in calendar.explain(london("2026-03-10 10:00"), 1).receipt_reason


def test_closure_on_a_bank_holiday_or_weekend_is_not_counted_twice():
    closures = ((d("2026-12-24"), "Closed"), (d("2026-12-25"), "Closed"), (d("2026-12-26"), "X"))
    calendar = _with_closures(closures=closures)
    assert calendar.working_days_between(d("2026-12-23"), d("2026-12-31")) == 3
    assert calendar.add_working_days(d("2026-12-23"), 3) == d("2026-12-31")
    assert calendar.holiday_name(d("2026-12-25")) == "Christmas Day"  # the bank holiday wins


def test_closures_apply_in_every_calendar():
    closures = ((d("2026-06-16"), "Staff training"),)
    for nation in NATION_CODES:
        calendar = _with_closures(nation=nation, closures=closures)
        assert not calendar.is_working_day(d("2026-06-16"))
    # Scotland: Mon 15 June (World Cup) and Tue 16 June (closure) both skipped.
    assert _with_closures("SCT", closures).due_date(london("2026-06-12 10:00"), 1) == d(
        "2026-06-17"
    )


def test_explain_lists_three_or_more_days_of_a_month():
    calendar = _with_closures(closures=((d("2026-12-29"), "Closed"),))
    explanation = calendar.explain(london("2026-12-23 10:00"), 10)
    assert "excluding 25, 28 and 29 Dec and 1 Jan → due by Tue 12 Jan 2027" in str(explanation)


# --- the optional cut-off hour ------------------------------------------------------------------

CUTOFFS = [
    # nation, arrival (London), day of receipt with cutoff_hour=17
    ("ENG", "2026-03-04 00:00", "2026-03-04"),
    ("ENG", "2026-03-04 16:59", "2026-03-04"),
    ("ENG", "2026-03-04 16:59:59", "2026-03-04"),
    ("ENG", "2026-03-04 17:00", "2026-03-05"),
    ("ENG", "2026-03-04 23:59", "2026-03-05"),
    ("ENG", "2026-03-06 16:59", "2026-03-06"),  # Friday
    ("ENG", "2026-03-06 17:00", "2026-03-09"),  # Friday after the cut-off -> Monday
    ("ENG", "2026-03-07 18:00", "2026-03-09"),  # weekend: Monday, not pushed again to Tuesday
    ("ENG", "2026-03-08 09:00", "2026-03-09"),
    ("ENG", "2026-04-02 16:59", "2026-04-02"),  # Maundy Thursday
    ("ENG", "2026-04-02 17:00", "2026-04-07"),  # ... then Good Friday and Easter Monday
    ("SCT", "2026-04-02 17:00", "2026-04-06"),  # ... Easter Monday is worked in Scotland
    ("NIR", "2026-04-02 17:00", "2026-04-07"),
    ("UK", "2026-04-02 17:00", "2026-04-07"),
    ("ENG", "2026-04-03 18:00", "2026-04-07"),  # bank holiday arrival after hours: not Wednesday
    ("ENG", "2026-12-24 17:00", "2026-12-29"),  # Christmas Eve
    ("ENG", "2026-12-31 17:30", "2027-01-04"),  # New Year's Eve, across the year
    ("SCT", "2026-12-31 17:30", "2027-01-05"),
    ("ENG", "2026-08-28 17:00", "2026-09-01"),  # before the E&W August bank holiday
    ("SCT", "2026-08-28 17:00", "2026-08-31"),
    ("SCT", "2026-07-31 17:00", "2026-08-04"),  # before Scotland's August bank holiday
    ("ENG", "2026-07-31 17:00", "2026-08-03"),
    ("NIR", "2026-03-16 17:00", "2026-03-18"),  # before St Patrick's Day
    ("NIR", "2026-07-10 17:00", "2026-07-14"),  # before the Boyne substitute
    ("SCT", "2025-11-28 17:00", "2025-12-02"),  # before St Andrew's Day substitute
]


@pytest.mark.parametrize(("nation", "arrived", "receipt"), CUTOFFS)
def test_cutoff_hour(nation, arrived, receipt):
    calendar = WorkingCalendar(nation, cutoff_hour=17)
    assert calendar.day_of_receipt(london(arrived)) == d(receipt)


@pytest.mark.parametrize("arrived", ["2026-03-04 17:00", "2026-03-04 23:59", "2026-03-06 23:00"])
def test_no_cutoff_by_default(arrived):
    calendar = WorkingCalendar("ENG")
    assert calendar.cutoff_hour is None
    assert calendar.day_of_receipt(london(arrived)) == london(arrived).date()


def test_cutoff_with_closures():
    calendar = _with_closures(cutoff_hour=17)
    assert calendar.day_of_receipt(london("2026-12-23 17:00")) == d("2027-01-04")
    assert calendar.day_of_receipt(london("2026-12-23 16:59")) == d("2026-12-23")


def test_cutoff_is_explained():
    calendar = WorkingCalendar("ENG", cutoff_hour=17)
    arrived = london("2026-12-23 17:30")
    assert calendar.due_date(arrived, 10) == d("2027-01-12")
    assert str(calendar.explain(arrived, 10)) == (
        "received Wed 23 Dec 2026; it arrived at or after the 17:00 cut-off, so the day of "
        "receipt is Thu 24 Dec 2026; day 1 is Tue 29 Dec; 10 working days excluding 25 and 28 "
        "Dec and 1 Jan → due by Tue 12 Jan 2027"
    )


@pytest.mark.parametrize(
    ("arrived_utc", "receipt"),
    [
        ("2026-07-01 15:59", "2026-07-01"),  # 16:59 BST
        ("2026-07-01 16:00", "2026-07-02"),  # 17:00 BST: the cut-off is London time
        ("2026-11-04 16:59", "2026-11-04"),  # 16:59 GMT
        ("2026-11-04 17:00", "2026-11-05"),
        ("2026-03-27 16:30", "2026-03-27"),  # Friday before the clocks go forward: GMT
        ("2026-03-30 16:30", "2026-03-31"),  # Monday after: 17:30 BST
        ("2026-10-23 16:30", "2026-10-26"),  # Friday before the clocks go back: 17:30 BST
        ("2026-10-26 16:30", "2026-10-26"),  # Monday after: 16:30 GMT
    ],
)
def test_cutoff_is_london_time(arrived_utc, receipt):
    calendar = WorkingCalendar("ENG", cutoff_hour=17)
    assert calendar.day_of_receipt(utc(arrived_utc)) == d(receipt)


# --- time zones and the clock changes -----------------------------------------------------------

DST_ARRIVALS = [
    # arrival (UTC), London wall clock, day of receipt (ENG, no cut-off)
    ("2026-03-27 23:30", "2026-03-27 23:30", "2026-03-27"),  # GMT: Friday
    ("2026-03-28 23:30", "2026-03-28 23:30", "2026-03-30"),  # Saturday
    ("2026-03-29 00:30", "2026-03-29 00:30", "2026-03-30"),
    ("2026-03-29 01:30", "2026-03-29 02:30", "2026-03-30"),  # clocks went forward at 01:00 UTC
    ("2026-03-29 23:30", "2026-03-30 00:30", "2026-03-30"),  # Sunday in UTC, Monday in London
    ("2026-03-30 23:30", "2026-03-31 00:30", "2026-03-31"),  # Monday in UTC, Tuesday in London
    ("2026-10-23 22:59", "2026-10-23 23:59", "2026-10-23"),
    ("2026-10-23 23:30", "2026-10-24 00:30", "2026-10-26"),  # Friday in UTC, Saturday in London
    ("2026-10-24 23:30", "2026-10-25 00:30", "2026-10-26"),  # Sunday 00:30 BST
    ("2026-10-25 00:30", "2026-10-25 01:30", "2026-10-26"),  # first 01:30 (BST)
    ("2026-10-25 01:30", "2026-10-25 01:30", "2026-10-26"),  # second 01:30 (GMT)
    ("2026-10-25 23:30", "2026-10-25 23:30", "2026-10-26"),
    ("2026-10-30 23:30", "2026-10-30 23:30", "2026-10-30"),  # GMT again: still Friday
    ("2025-03-30 23:30", "2025-03-31 00:30", "2025-03-31"),
    ("2025-10-24 23:30", "2025-10-25 00:30", "2025-10-27"),  # Friday UTC, Saturday London
    ("2027-03-28 23:30", "2027-03-29 00:30", "2027-03-30"),  # Easter Monday 2027 in London
    ("2027-10-29 23:30", "2027-10-30 00:30", "2027-11-01"),
    ("2028-03-26 23:30", "2028-03-27 00:30", "2028-03-27"),
    ("2028-10-27 23:30", "2028-10-28 00:30", "2028-10-30"),
    ("2028-12-31 23:30", "2028-12-31 23:30", "2029-01-02"),  # winter: UTC is London
]


@pytest.mark.parametrize(("arrived_utc", "wall_clock", "receipt"), DST_ARRIVALS)
def test_utc_arrivals_land_on_the_london_date(arrived_utc, wall_clock, receipt):
    arrived = utc(arrived_utc)
    assert arrived.astimezone(LONDON).replace(tzinfo=None) == datetime.fromisoformat(wall_clock)
    assert WorkingCalendar("ENG").day_of_receipt(arrived) == d(receipt)


def test_other_time_zones_are_converted_to_london():
    new_york = ZoneInfo("America/New_York")
    arrived = datetime(2026, 10, 23, 19, 30, tzinfo=new_york)  # 23:30 UTC, Sat 00:30 in London
    assert WorkingCalendar("ENG").day_of_receipt(arrived) == d("2026-10-26")
    assert str(WorkingCalendar("ENG").explain(arrived, 1)).startswith("received Sat 24 Oct 2026;")


@pytest.mark.parametrize(
    ("day", "instant_utc", "hours_long"),
    [
        ("2026-03-28", "2026-03-29 00:00", 24),  # midnight is still GMT
        ("2026-03-29", "2026-03-29 23:00", 23),  # the short day
        ("2026-10-24", "2026-10-24 23:00", 24),  # midnight is still BST
        ("2026-10-25", "2026-10-26 00:00", 25),  # the long day
        ("2026-01-15", "2026-01-16 00:00", 24),
        ("2026-07-15", "2026-07-15 23:00", 24),
        ("2025-03-29", "2025-03-30 00:00", 24),
        ("2025-03-30", "2025-03-30 23:00", 23),
        ("2025-10-25", "2025-10-25 23:00", 24),
        ("2025-10-26", "2025-10-27 00:00", 25),
        ("2027-03-28", "2027-03-28 23:00", 23),
        ("2027-10-31", "2027-11-01 00:00", 25),
        ("2028-03-26", "2028-03-26 23:00", 23),
        ("2028-10-29", "2028-10-30 00:00", 25),
        ("2028-12-31", "2029-01-01 00:00", 24),
    ],
)
def test_end_of_day_is_midnight_london(day, instant_utc, hours_long):
    end = end_of_day(d(day))
    assert end.astimezone(UTC) == utc(instant_utc)
    local = end.astimezone(LONDON)
    assert (local.date(), local.hour, local.minute) == (d(day) + timedelta(days=1), 0, 0)
    start = end_of_day(d(day) - timedelta(days=1))
    # (Subtracting two datetimes with the same tzinfo ignores the offsets: compare in UTC.)
    assert end.astimezone(UTC) - start.astimezone(UTC) == timedelta(hours=hours_long)


@pytest.mark.parametrize(
    ("nation", "arrived", "n", "instant_utc"),
    [
        ("ENG", "2026-12-23 10:00", 10, "2027-01-12 00:00"),
        ("ENG", "2026-07-01 10:00", 10, "2026-07-15 23:00"),
        ("NIR", "2026-07-01 10:00", 10, "2026-07-16 23:00"),
        ("ENG", "2026-10-14 10:00", 7, "2026-10-23 23:00"),  # Fri 23 Oct ends at 00:00 BST
        ("ENG", "2026-10-14 10:00", 8, "2026-10-27 00:00"),  # Mon 26 Oct ends at 00:00 GMT
    ],
)
def test_due_at_is_the_end_of_the_due_day(nation, arrived, n, instant_utc):
    calendar = WorkingCalendar(nation)
    due_at = calendar.due_at(london(arrived), n)
    assert due_at.astimezone(UTC) == utc(instant_utc)
    assert due_at == end_of_day(calendar.due_date(london(arrived), n))


# --- naive datetimes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda c, t: c.day_of_receipt(t),
        lambda c, t: c.due_date(t, 10),
        lambda c, t: c.due_at(t, 10),
        lambda c, t: c.explain(t, 10),
    ],
    ids=["day_of_receipt", "due_date", "due_at", "explain"],
)
def test_naive_datetimes_are_rejected(call):
    with pytest.raises(ValueError, match="timezone-aware"):
        call(WorkingCalendar("ENG"), datetime(2026, 3, 9, 10, 0))


# --- working_days_between ----------------------------------------------------------------------

BETWEEN = [
    # nation, start, end, working days after start up to and including end
    ("ENG", "2026-12-23", "2027-01-11", 10),
    ("UK", "2026-12-23", "2027-01-11", 9),
    ("ENG", "2026-03-09", "2026-03-23", 10),
    ("NIR", "2026-03-09", "2026-03-23", 9),
    ("ENG", "2026-03-09", "2026-03-09", 0),
    ("ENG", "2026-03-23", "2026-03-09", 0),  # end before start
    ("ENG", "2026-03-06", "2026-03-09", 1),
    ("ENG", "2026-03-06", "2026-03-07", 0),
    ("ENG", "2026-03-07", "2026-03-09", 1),
    ("ENG", "2027-12-24", "2028-01-04", 4),
    ("SCT", "2027-12-24", "2028-01-04", 3),
    ("ENG", "2025-12-31", "2026-12-31", 253),  # 261 weekdays in 2026, 8 bank holidays
    ("SCT", "2025-12-31", "2026-12-31", 251),
    ("NIR", "2025-12-31", "2026-12-31", 251),
    ("UK", "2025-12-31", "2026-12-31", 247),
    ("ENG", "2024-12-31", "2028-12-31", 1043 - 32),  # four years of weekdays, 32 holidays
]


@pytest.mark.parametrize(("nation", "start", "end", "expected"), BETWEEN)
def test_working_days_between(nation, start, end, expected):
    assert WorkingCalendar(nation).working_days_between(d(start), d(end)) == expected


@pytest.mark.parametrize("nation", NATION_CODES)
def test_working_days_between_inverts_add_working_days(nation):
    calendar = WorkingCalendar(nation)
    starts = [day for day in ORACLE[nation] if d("2025-01-01") <= day <= d("2028-12-31")]
    holiday_season = [day for day in starts if (day.month, day.day) >= (12, 20) or day.month == 1]
    starts = starts[::10] + holiday_season[::2]
    for start in starts:
        for n in range(31):
            end = calendar.add_working_days(start, n)
            assert calendar.working_days_between(start, end) == n, (start, n)


@pytest.mark.parametrize("nation", NATION_CODES)
def test_ten_working_days_from_every_day_matches_the_official_list(nation):
    calendar = WorkingCalendar(nation)
    day = d("2025-01-01")
    while day <= d("2028-12-31"):
        assert calendar.add_working_days(day, 10) == oracle_add(nation, day, 10), day
        day += timedelta(days=1)


@pytest.mark.parametrize("nation", NATION_CODES)
def test_working_days_between_matches_the_official_list(nation):
    calendar = WorkingCalendar(nation)
    rng = random.Random(f"ORG-4 {nation}")
    first = d("2025-01-01").toordinal()
    for _ in range(400):
        start = date.fromordinal(rng.randint(first, first + 4 * 365))
        end = min(start + timedelta(days=rng.randint(-10, 400)), d("2029-01-31"))
        assert calendar.working_days_between(start, end) == oracle_between(nation, start, end)


def test_working_days_between_with_closures_matches_counting():
    calendar = _with_closures()
    for start in (d("2026-12-01") + timedelta(days=i) for i in range(40)):
        for n in (0, 1, 5, 10, 20):
            assert calendar.working_days_between(start, calendar.add_working_days(start, n)) == n


# --- the council's calendar ---------------------------------------------------------------------


@pytest.mark.django_db
def test_council_calendar_reads_closures_and_settings(settings, django_assert_num_queries):
    settings.COUNCIL_NATION = "SCT"
    settings.WORKING_DAY_CUTOFF_HOUR = 16
    ClosureDay.objects.create(date=d("2026-12-30"), reason="Christmas closure")
    ClosureDay.objects.create(date=d("2026-12-29"), reason="Christmas closure")
    ClosureDay.objects.create(date=d("2026-06-16"), reason="Staff training")

    with django_assert_num_queries(1):
        calendar = council_calendar()

    assert calendar.nation == "SCT"
    assert calendar.cutoff_hour == 16
    assert calendar.closure_days == {d("2026-06-16"), d("2026-12-29"), d("2026-12-30")}
    assert calendar.closure_reasons == (
        (d("2026-06-16"), "Staff training"),
        (d("2026-12-29"), "Christmas closure"),
        (d("2026-12-30"), "Christmas closure"),
    )
    # Friday 12 June after 16:00 -> Mon 15 June is Scotland's holiday, Tue 16 June a closure.
    assert calendar.day_of_receipt(london("2026-06-12 16:00")) == d("2026-06-17")
    assert calendar.day_of_receipt(london("2026-06-12 15:59")) == d("2026-06-12")
    explanation = calendar.explain(london("2026-12-29 09:00"), 1)
    assert "(Christmas closure)" in str(explanation)
    assert explanation.day_of_receipt == d("2026-12-31")
    assert explanation.due == d("2027-01-05")  # Scotland: 1 and 4 January are holidays


@pytest.mark.django_db
def test_council_calendar_defaults(settings):
    settings.COUNCIL_NATION = "ENG"
    settings.WORKING_DAY_CUTOFF_HOUR = None
    calendar = council_calendar()
    assert calendar == WorkingCalendar("ENG")
    assert calendar.due_date(london("2026-12-23 10:00"), 10) == d("2027-01-11")


@pytest.mark.django_db
@pytest.mark.parametrize("nation", NATION_CODES)
def test_council_calendar_follows_the_nation_setting(settings, nation):
    settings.COUNCIL_NATION = nation
    assert council_calendar().nation == nation


def test_explanation_of_one_working_day_is_singular():
    explanation = WorkingCalendar("ENG").explain(london("2026-03-09 10:00"), 1)
    assert isinstance(explanation, DueDateExplanation)
    assert str(explanation) == (
        "received Mon 9 Mar 2026; day 1 is Tue 10 Mar; 1 working day → due by Tue 10 Mar 2026"
    )


def test_explanation_of_two_working_days_across_the_year():
    explanation = WorkingCalendar("SCT").explain(london("2026-12-31 10:00"), 2)
    assert str(explanation) == (
        "received Thu 31 Dec 2026; day 1 is Tue 5 Jan; 2 working days excluding 1 and 4 Jan "
        "→ due by Wed 6 Jan 2027"
    )
