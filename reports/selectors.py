"""RPT-1: the figures of the Standards Committee's annual report (003 §16.1).

Every figure is a database aggregate over a period [start, end): grouped counts with conditional
filters, never a loop over rows. The only arithmetic done here in Python is on a handful of
grouped rows (the median, from a count per number of working days).

Enquiries' figures work from the columns the enquiry clock stores: `first_reply_working_days`
(working days from the day of receipt to the first full response or holding reply, counted by
`protocol_site.calendar` when the reply was sent) and `due_date`. "On time" means exactly what the
enquiry performance page means by it (ENQ-9): a first reply within ENQUIRY_WORKING_DAYS. An open
enquiry with no reply whose due date has passed counts against the on-time share.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import (
    Count,
    Exists,
    FilteredRelation,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone

from complaints.models import Complaint, ComplaintStage, Referral
from complaints.models import Status as ComplaintStatus
from declarations.models import Declaration, DeclarationStep
from enquiries.models import Enquiry
from groups.models import Attendance, BriefingNote, BriefingOffer, BriefingRequest
from groups.models import Status as BriefingStatus
from protocol_site.calendar import LONDON, council_calendar
from protocol_site.request_memo import memoised
from registers.models import PoliticalGroup, Service, TrainingAttendance, TrainingSession, Visit

from . import enquiry_figures as ef
from .enquiry_figures import escalation_rungs

MUNICIPAL_YEAR_STARTS = 5  # May: annual council meetings are held in May.


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # the day after the last day

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        tz = timezone.get_current_timezone()
        return (
            timezone.make_aware(datetime.combine(self.start, time.min), tz),
            timezone.make_aware(datetime.combine(self.end, time.min), tz),
        )

    def at(self, field: str) -> Q:
        """A date-time field within the period."""
        start, end = self.bounds
        return Q(**{f"{field}__gte": start, f"{field}__lt": end})

    def on(self, field: str) -> Q:
        """A date field within the period."""
        return Q(**{f"{field}__gte": self.start, f"{field}__lt": self.end})


def last_municipal_year(today: date | None = None) -> Period:
    """The last whole municipal year, 1 May to 1 May, before today."""
    today = today or timezone.localdate()
    year = today.year if today.month >= MUNICIPAL_YEAR_STARTS else today.year - 1
    return Period(date(year - 1, MUNICIPAL_YEAR_STARTS, 1), date(year, MUNICIPAL_YEAR_STARTS, 1))


def this_municipal_year(today: date | None = None) -> Period:
    """The municipal year so far: from the last 1 May up to and including today."""
    today = today or timezone.localdate()
    year = today.year if today.month >= MUNICIPAL_YEAR_STARTS else today.year - 1
    return Period(date(year, MUNICIPAL_YEAR_STARTS, 1), date.fromordinal(today.toordinal() + 1))


# Enquiries ----------------------------------------------------------------------------------


def _enquiries(period: Period, directorate_id: int | None) -> QuerySet[Enquiry]:
    qs = Enquiry.objects.filter(period.at("received_at"))
    if directorate_id is not None:
        # The services by id, not a join: the database then reads each service's stretch of
        # its (service, received) index instead of the whole period's.
        services = memoised(
            ("reports.directorate_services", directorate_id),
            lambda: list(
                Service.objects.filter(directorate_id=directorate_id).values_list("pk", flat=True)
            ),
        )
        qs = qs.filter(service_id__in=services)
    return qs.order_by()


def _median(buckets: dict[int, int]) -> float | None:
    """The median of a distribution given as {value: how many}."""
    total = sum(buckets.values())
    if not total:
        return None
    wanted = ((total - 1) // 2, total // 2)
    found, seen = [], 0
    for value in sorted(buckets):
        seen += buckets[value]
        while len(found) < 2 and wanted[len(found)] < seen:
            found.append(value)
    return sum(found) / 2


def _key(period: Period, directorate_id: int | None) -> tuple:
    return (period.start, period.end, directorate_id)


def _figures(row: dict, median: float | None = None) -> dict:
    return row | {"share": ef.share(row), "median_days": median}


def enquiries_by_service(period: Period, *, directorate_id: int | None = None) -> list[dict]:
    """One row per service that had enquiries in the period, by directorate."""
    qs, key = _enquiries(period, directorate_id), _key(period, directorate_id)
    services = ef.add_up(ef.cells(qs, key), lambda r: (*(r[k] for k in ef.KEYS), r["service_id"]))
    days = ef.histogram(qs, key)
    return [
        dict(zip(ef.KEYS, names, strict=True)) | _figures(row, _median(days.get(service, {})))
        for (*names, service), row in sorted(services.items())
    ]


def enquiries_total(
    period: Period, *, directorate_id: int | None = None, median: bool = True
) -> dict:
    qs, key = _enquiries(period, directorate_id), _key(period, directorate_id)
    total = ef.add_up(ef.cells(qs, key), lambda r: "all").get("all")
    total = total or ef.empty(len(escalation_rungs()))
    days: dict[int, int] = defaultdict(int)
    if median:
        for service_days in ef.histogram(qs, key).values():
            for n, count in service_days.items():
                days[n] += count
    return _figures(total, _median(days) if median else None)


def enquiries_headline(period: Period, *, directorate_id: int | None = None) -> dict:
    """Received, on time, late, open and overdue, escalated, and the share on time: what a
    Director sees live (the same figures as the report's, without the timeline's detail)."""
    figures = ef.headline(_enquiries(period, directorate_id))
    return figures | {"share": ef.share(figures)}


def enquiries_by_month(period: Period, *, directorate_id: int | None = None) -> list[dict]:
    qs, key = _enquiries(period, directorate_id), _key(period, directorate_id)
    months = ef.add_up(ef.cells(qs, key), lambda r: (r["year"], r["month"]))
    return [
        {"month": ef.month_start(*month)} | _figures(row) for month, row in sorted(months.items())
    ]


def escalations_by_rung(period: Period, *, directorate_id: int | None = None) -> list[dict]:
    """Escalations of enquiries received in the period, by rung of the ladder: how many, and
    how many enquiries (an enquiry whose deadline moved may climb a rung again)."""
    total = enquiries_total(period, directorate_id=directorate_id, median=False)
    return [
        {
            "rung": rung,
            "label": label,
            "escalations": total[f"escalations_{rung}"],
            "enquiries": total[f"rung_{rung}"],
        }
        for rung, label in escalation_rungs()
        if total[f"escalations_{rung}"]
    ]


# Complaints ---------------------------------------------------------------------------------

DIRECTIONS = Complaint.Direction


def _complaints(period: Period) -> QuerySet[Complaint]:
    return Complaint.objects.filter(period.at("created_at")).order_by()


def _complaint_cells(period: Period) -> list[dict]:
    """The period's complaints counted by direction, status, stage reached, outcome and whether
    a stage went to the Standards Committee: one grouped query per page view, which the tables
    by direction, by stage and by outcome add up."""
    to_committee = ComplaintStage.objects.filter(
        complaint=OuterRef("pk"), referral=Referral.STANDARDS_COMMITTEE
    )
    return memoised(
        ("reports.complaint_cells", period.start, period.end),
        lambda: list(
            _complaints(period)
            .annotate(to_committee=Exists(to_committee))
            .values("direction", "status", "stage_number", "outcome", "to_committee")
            .annotate(n=Count("pk"))
            .order_by()
        ),
    )


def _by(cells: list[dict], key: str, counts) -> list[dict]:
    """Cells added up per value of `key`, in order: `counts(cell)` is a cell's figures."""
    rows: dict = {}
    for cell in cells:
        row = rows.setdefault(cell[key], defaultdict(int))
        for name, n in counts(cell).items():
            row[name] += n
    return [{key: value} | dict(rows[value]) for value in sorted(rows)]


def complaints_by_direction(period: Period) -> list[dict]:
    def counts(cell: dict) -> dict:
        n = cell["n"]
        return {
            "received": n,
            "open": n if cell["status"] == ComplaintStatus.OPEN else 0,
            "resolved": n if cell["status"] == ComplaintStatus.RESOLVED else 0,
            "referred": n if cell["status"] == ComplaintStatus.REFERRED else 0,
            "withdrawn": n if cell["status"] == ComplaintStatus.WITHDRAWN else 0,
            "beyond_first_stage": n if cell["stage_number"] > 1 else 0,
            "to_standards_committee": n if cell["to_committee"] else 0,
        }

    return _by(_complaint_cells(period), "direction", counts)


def _per_direction_of(cell: dict) -> dict:
    return {"total": cell["n"]} | {
        d.value: cell["n"] if cell["direction"] == d else 0 for d in DIRECTIONS
    }


def complaint_median_days(period: Period) -> dict[str, float | None]:
    """Median working days from a complaint being made to its closing, per direction.

    The database counts closed complaints per direction and pair of days (made, closed); the
    council's calendar then turns each distinct pair, not each complaint, into working days. A
    complaint made on a day that is not a working day counts from the next working day.
    """
    calendar = council_calendar()
    pairs = (
        _complaints(period)
        .filter(closed_at__isnull=False)
        .values(
            "direction",
            made=TruncDate("created_at", tzinfo=LONDON),
            closed=TruncDate("closed_at", tzinfo=LONDON),
        )
        .annotate(n=Count("pk"))
    )
    buckets: dict[str, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in pairs:
        start = calendar.working_day_on_or_after(row["made"])
        buckets[row["direction"]][calendar.working_days_between(start, row["closed"])] += row["n"]
    return {direction: _median(days) for direction, days in buckets.items()}


def complaints_by_stage(period: Period) -> list[dict]:
    """How far complaints went: the highest stage each reached, per direction."""
    return _by(_complaint_cells(period), "stage_number", _per_direction_of)


def complaints_by_outcome(period: Period) -> list[dict]:
    cells = [cell for cell in _complaint_cells(period) if cell["outcome"] != ""]
    return _by(cells, "outcome", _per_direction_of)


# Registers ----------------------------------------------------------------------------------


def declarations_by_side(period: Period) -> list[dict]:
    return list(declarations_counted(period).order_by("declarer_side"))


def declarations_counted(period: Period) -> QuerySet:
    """Declarations made in the period, and those reviewed, lapsed or withdrawn in it: each
    declaration joined to its steps of those kinds in the period only (not a look-up in every
    declaration's timeline), counted once per declaration. Unordered (reports.advice_figures
    reads it in one query with the other small registers)."""
    kinds = DeclarationStep.Kind
    counted = {
        "reviewed": kinds.REVIEWED,
        "reconfirmed": kinds.CONFIRMED,
        "lapsed": kinds.LAPSED,
        "withdrawn": kinds.WITHDRAWN,
    }
    start, end = period.bounds
    in_period = FilteredRelation(
        "steps",
        condition=Q(steps__kind__in=list(counted.values()))
        & Q(steps__at__gte=start, steps__at__lt=end),
    )
    return (
        Declaration.objects.order_by()
        .alias(period_steps=in_period)
        .values("declarer_side")
        .annotate(
            made=Count("pk", filter=period.at("created_at"), distinct=True),
            **{
                name: Count("pk", filter=Q(period_steps__kind=kind), distinct=True)
                for name, kind in counted.items()
            },
        )
    )


def visits_by_directorate(period: Period, *, directorate_id: int | None = None) -> list[dict]:
    qs = Visit.objects.filter(period.at("starts_at")).order_by()
    if directorate_id is not None:
        qs = qs.filter(directorate_id=directorate_id)
    return list(
        qs.values("directorate__name")
        .annotate(
            visits=Count("pk"),
            arranged=Count("pk", filter=Q(status=Visit.Status.ARRANGED)),
            not_arranged=Count("pk", filter=Q(status=Visit.Status.REQUESTED)),
            cancelled=Count("pk", filter=Q(status=Visit.Status.CANCELLED)),
            unannounced=Count("pk", filter=Q(status=Visit.Status.UNANNOUNCED)),
            schools=Count("pk", filter=~Q(school="")),
        )
        .order_by("directorate__name")
    )


def training_by_kind(period: Period) -> list[dict]:
    return list(
        TrainingSession.objects.filter(period.on("held_on"))
        .order_by()
        .values("kind")
        .annotate(
            sessions=Count("pk", distinct=True),
            places=Count("attendance"),
            attended=Count("attendance", filter=Q(attendance__attended=True)),
            councillors=Count(
                "attendance__councillor",
                filter=Q(attendance__attended=True),
                distinct=True,
            ),
        )
        .order_by("kind")
    )


def training_by_group(period: Period) -> list[dict]:
    return list(
        TrainingAttendance.objects.filter(period.on("session__held_on"), attended=True)
        .order_by()
        .values("councillor__group__name")
        .annotate(attended=Count("pk"), councillors=Count("councillor", distinct=True))
        .order_by("councillor__group__name")
    )


# Briefings ----------------------------------------------------------------------------------


def _count_of(qs: QuerySet, group_field: str):
    """How many rows of `qs` belong to the outer political group, as a subquery."""
    counted = (
        qs.filter(**{group_field: OuterRef("pk")})
        .order_by()
        .values(group_field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def briefings_by_group(period: Period) -> list[dict]:
    """Equal access (003 §7.1): what each group asked for and had, and what it was offered."""
    requests = BriefingRequest.objects.filter(period.at("created_at"))
    offers = BriefingOffer.objects.filter(period.at("offered_at"))
    return list(
        PoliticalGroup.objects.order_by("name")
        .annotate(
            requested=_count_of(requests, "group"),
            declined=_count_of(requests.filter(status=BriefingStatus.DECLINED), "group"),
            notes_issued=_count_of(
                BriefingNote.objects.filter(
                    period.at("issued_at"), status=BriefingNote.Status.ISSUED
                ),
                "request__group",
            ),
            attendances=_count_of(
                Attendance.objects.filter(period.on("attended_on")), "request__group"
            ),
            offered=_count_of(offers, "group"),
            received=_count_of(offers.filter(received_at__isnull=False), "group"),
        )
        .values(
            "name", "requested", "declined", "notes_issued", "attendances", "offered", "received"
        )
    )
