"""The council's calendar, worked out once per date for a million rows.

Every deadline is computed by the same functions the services use (`protocol_site.calendar`,
`enquiries.policy`, the complaint and declaration schedules); this only remembers the answers
per received date, target date and number of working days, so a date is worked out once.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from complaints.services.common import acknowledge_reminder_at, stage_dates
from enquiries.policy import escalation_dates, reminder_at
from protocol_site.calendar import LONDON, WorkingCalendar, end_of_day, start_of_working_day
from protocol_site.council_rules import rule


class BulkClock:
    def __init__(self, calendar: WorkingCalendar, now: datetime):
        self.calendar = calendar
        self.now = now
        self.today = now.astimezone(LONDON).date()
        self.working_days = rule("ENQUIRY_WORKING_DAYS")
        self.explain = lru_cache(maxsize=None)(self._explain)
        self.add = lru_cache(maxsize=None)(self._add)
        self.reminder = lru_cache(maxsize=None)(self._reminder)
        self.escalations = lru_cache(maxsize=None)(self._escalations)
        self.stage = lru_cache(maxsize=None)(self._stage)
        self.on_or_after = lru_cache(maxsize=None)(calendar.working_day_on_or_after)
        # Every working day from 15 years back to 5 years on, by the council's calendar.
        first, last = (
            self.today.replace(year=self.today.year - 15),
            self.today.replace(year=self.today.year + 5),
        )
        self.workdays = [d for d in self.days(first, last) if calendar.is_working_day(d)]

    # Enquiries ---------------------------------------------------------------------------

    def received(self, received_at: datetime) -> tuple[date, date, str]:
        """(day of receipt, due date, the explanation the enquiry shows) for an arrival."""
        local = received_at.astimezone(LONDON)
        cutoff = self.calendar.cutoff_hour
        late = cutoff is not None and local.hour >= cutoff
        return self.explain(local.date(), late)

    def _explain(self, day: date, late: bool) -> tuple[date, date, str]:
        hour = 23 if late else 9
        moment = datetime.combine(day, time(hour), tzinfo=LONDON)
        found = self.calendar.explain(moment, self.working_days)
        return found.day_of_receipt, found.due, str(found)

    def _add(self, day: date, n: int) -> date:
        """Working day N after `day`, as `WorkingCalendar.add_working_days` counts."""
        if n <= 0:
            return day
        return self.workdays[bisect_right(self.workdays, day) + n - 1]

    def before(self, day: date, n: int) -> date:
        """Working day N before `day`, as `WorkingCalendar.working_days_before` counts."""
        if n <= 0:
            return day
        return self.workdays[bisect_left(self.workdays, day) - n]

    def working_days_before_today(self, start: date) -> int:
        """How many working days after `start` fall before today."""
        wd = self.workdays
        return max(0, bisect_left(wd, self.today) - bisect_right(wd, start))

    def between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end`, as
        `WorkingCalendar.working_days_between` counts."""
        if end <= start:
            return 0
        return bisect_right(self.workdays, end) - bisect_right(self.workdays, start)

    def _reminder(self, target: date) -> datetime:
        return reminder_at(self.calendar, target)

    def _escalations(self, target: date) -> tuple[datetime, ...]:
        return tuple(moment for _index, moment in escalation_dates(self.calendar, target))

    def deadline(self, target: date) -> datetime:
        return end_of_day(target)

    # Complaints --------------------------------------------------------------------------

    def _stage(self, opened_day: date, opened_hour: int) -> tuple[date, date, datetime | None]:
        """(acknowledge by, resolve by, acknowledgement reminder) for a stage opened then."""
        opened = datetime.combine(opened_day, time(opened_hour), tzinfo=LONDON)
        acknowledge_by, resolve_by = stage_dates(self.calendar, opened)
        return (
            acknowledge_by,
            resolve_by,
            acknowledge_reminder_at(self.calendar, opened, acknowledge_by),
        )

    # Moments -----------------------------------------------------------------------------

    @staticmethod
    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), tzinfo=LONDON)

    @staticmethod
    def morning(day: date) -> datetime:
        return start_of_working_day(day)

    def working_days_ago(self, n: int) -> date:
        return self.before(self.on_or_after(self.today), n)

    def days(self, first: date, last: date) -> list[date]:
        out, day = [], first
        while day <= last:
            out.append(day)
            day += timedelta(days=1)
        return out
