"""The council's working-day calendar (ORG-4): the one place deadlines are counted.

Convention (kept everywhere, stated in the README and shown on every deadline):
- The *day of receipt* is the day an item arrives, if that is a working day; otherwise the next
  working day. With a cut-off hour set, a working-day arrival at or after that hour (London time)
  counts as received on the next working day.
- Day 1 is the first working day after the day of receipt; an item given N working days is due
  by the end of working day N (midnight, London time, at the end of that day).
- Working days are Monday to Friday, less the bank holidays of the council's nation (from the
  maintained `holidays` package) and the closure days democratic services add.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.conf import settings

LONDON = ZoneInfo("Europe/London")
# Reminders go out at the start of the working day, London time.
WORKING_DAY_START_HOUR = 8

NATIONS = {
    "ENG": "England and Wales",
    "SCT": "Scotland",
    "NIR": "Northern Ireland",
    "UK": "Any part of the UK",
}
_SUBDIVISIONS = {"ENG": ("ENG",), "SCT": ("SCT",), "NIR": ("NIR",), "UK": ("ENG", "SCT", "NIR")}


@lru_cache(maxsize=256)
def bank_holidays(nation: str, year: int) -> dict[date, str]:
    """The bank holidays of one nation in one year, with their names."""
    if nation not in _SUBDIVISIONS:
        raise ValueError(f"Unknown nation {nation!r}: use one of {', '.join(NATIONS)}.")
    found: dict[date, str] = {}
    for subdiv in _SUBDIVISIONS[nation]:
        for day, name in holidays.country_holidays("GB", subdiv=subdiv, years=year).items():
            found.setdefault(day, name)
    return found


def _format_day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


@dataclass(frozen=True)
class DueDateExplanation:
    received_at: datetime
    day_of_receipt: date
    receipt_reason: str  # empty when the arrival day itself is the day of receipt
    working_days: int
    day_one: date
    due: date
    excluded: tuple[tuple[date, str], ...]  # weekday holidays and closures between, with names

    def __str__(self) -> str:
        received = _format_day(self.received_at.astimezone(LONDON).date())
        parts = [f"received {received}"]
        if self.receipt_reason:
            parts.append(
                f"{self.receipt_reason}, so the day of receipt is "
                f"{_format_day(self.day_of_receipt)}"
            )
        parts.append(f"day 1 is {self.day_one:%a} {self.day_one.day} {self.day_one:%b}")
        counted = f"{self.working_days} working day{'' if self.working_days == 1 else 's'}"
        if self.excluded:
            counted += f" excluding {_join_days([d for d, _ in self.excluded])}"
        return "; ".join(parts) + f"; {counted} → due by {_format_day(self.due)}"


def _join_days(days: list[date]) -> str:
    """'25 and 28 Dec and 1 Jan': days grouped by month, in order."""
    groups: list[tuple[str, list[str]]] = []
    for day in days:
        month = f"{day:%b}"
        if groups and groups[-1][0] == month:
            groups[-1][1].append(str(day.day))
        else:
            groups.append((month, [str(day.day)]))
    chunks = []
    for month, numbers in groups:
        text = numbers[0] if len(numbers) == 1 else ", ".join(numbers[:-1]) + " and " + numbers[-1]
        chunks.append(f"{text} {month}")
    return " and ".join(chunks)


@dataclass(frozen=True)
class WorkingCalendar:
    nation: str = "ENG"
    closure_days: frozenset[date] = field(default_factory=frozenset)
    cutoff_hour: int | None = None
    closure_reasons: tuple[tuple[date, str], ...] = ()

    def holiday_name(self, day: date) -> str | None:
        name = bank_holidays(self.nation, day.year).get(day)
        if name:
            return name
        if day in self.closure_days:
            return dict(self.closure_reasons).get(day, "Council closure day")
        return None

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self.closure_days and not self._is_holiday(day)

    def _is_holiday(self, day: date) -> bool:
        return day in bank_holidays(self.nation, day.year)

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def previous_working_day(self, day: date) -> date:
        """The last working day strictly before `day`."""
        day -= timedelta(days=1)
        while not self.is_working_day(day):
            day -= timedelta(days=1)
        return day

    def working_days_before(self, day: date, n: int) -> date:
        """Working day N before `day` (N ≥ 0; N = 0 gives `day` itself)."""
        for _ in range(n):
            day = self.previous_working_day(day)
        return day

    def working_day_on_or_after(self, day: date) -> date:
        return day if self.is_working_day(day) else self.next_working_day(day)

    def day_of_receipt(self, arrived_at: datetime) -> date:
        return self._receipt(arrived_at)[0]

    def _receipt(self, arrived_at: datetime) -> tuple[date, str]:
        if arrived_at.tzinfo is None:
            raise ValueError("Arrival times must be timezone-aware.")
        local = arrived_at.astimezone(LONDON)
        day = local.date()
        if not self.is_working_day(day):
            reason = self.holiday_name(day) or f"{day:%A}"
            return self.next_working_day(day), f"that is not a working day ({reason})"
        if self.cutoff_hour is not None and local.hour >= self.cutoff_hour:
            return (
                self.next_working_day(day),
                f"it arrived at or after the {self.cutoff_hour:02d}:00 cut-off",
            )
        return day, ""

    def add_working_days(self, start: date, n: int) -> date:
        """Working day N after `start` (N ≥ 0; N = 0 gives `start` itself)."""
        if n < 0:
            raise ValueError("Count forwards only.")
        day = start
        for _ in range(n):
            day = self.next_working_day(day)
        return day

    def due_date(self, arrived_at: datetime, working_days: int) -> date:
        return self.add_working_days(self.day_of_receipt(arrived_at), working_days)

    def due_at(self, arrived_at: datetime, working_days: int) -> datetime:
        """The deadline as an instant: the end of the due day (midnight after it, London)."""
        return end_of_day(self.due_date(arrived_at, working_days))

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (0 if end ≤ start).

        So an item received on day R and answered on day A took working_days_between(R, A) days.
        """
        if end <= start:
            return 0
        total_days = (end - start).days
        full_weeks, extra = divmod(total_days, 7)
        weekdays = full_weeks * 5
        for offset in range(1, extra + 1):
            if (start + timedelta(days=offset)).weekday() < 5:
                weekdays += 1
        non_working = {
            day
            for year in range(start.year, end.year + 1)
            for day in bank_holidays(self.nation, year)
            if start < day <= end and day.weekday() < 5
        }
        non_working |= {d for d in self.closure_days if start < d <= end and d.weekday() < 5}
        return weekdays - len(non_working)

    def explain(self, arrived_at: datetime, working_days: int) -> DueDateExplanation:
        receipt, reason = self._receipt(arrived_at)
        due = self.add_working_days(receipt, working_days)
        excluded = []
        day = receipt + timedelta(days=1)
        while day <= due:
            if day.weekday() < 5 and not self.is_working_day(day):
                excluded.append((day, self.holiday_name(day) or ""))
            day += timedelta(days=1)
        return DueDateExplanation(
            received_at=arrived_at,
            day_of_receipt=receipt,
            receipt_reason=reason,
            working_days=working_days,
            day_one=self.next_working_day(receipt),
            due=due,
            excluded=tuple(excluded),
        )


def start_of_working_day(day: date) -> datetime:
    """08:00 on `day`, London time: when reminders go out."""
    return datetime.combine(day, time(WORKING_DAY_START_HOUR), tzinfo=LONDON)


def end_of_day(day: date) -> datetime:
    """Midnight at the end of `day`, London time, as an aware instant."""
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=LONDON)


def records_start(today: date) -> date:
    """The first day a time of receipt may be recorded on: RECORDS_START_DATE, or one year
    before `today` (28 February for 29 February)."""
    if settings.RECORDS_START_DATE is not None:
        return settings.RECORDS_START_DATE
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def council_calendar() -> WorkingCalendar:
    """The calendar of this installation: its nation, cut-off hour and closure days (one query,
    once per page view)."""
    from .request_memo import memoised

    return memoised("council_calendar", _council_calendar)


def _council_calendar() -> WorkingCalendar:
    from .models import ClosureDay

    closures = tuple(ClosureDay.objects.order_by("date").values_list("date", "reason"))
    return WorkingCalendar(
        nation=settings.COUNCIL_NATION,
        closure_days=frozenset(d for d, _ in closures),
        cutoff_hour=settings.WORKING_DAY_CUTOFF_HOUR,
        closure_reasons=closures,
    )
