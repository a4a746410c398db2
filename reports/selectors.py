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

from django.conf import settings
from django.db.models import (
    Count,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, NullIf, TruncDate, TruncMonth
from django.utils import timezone

from complaints.models import Complaint, ComplaintStage, Referral
from complaints.models import Status as ComplaintStatus
from declarations.models import Declaration, DeclarationStep
from enquiries.models import OPEN_STATUSES, Enquiry, EnquiryEvent, ExtensionRequest, Status
from enquiries.policy import escalation_ladder
from groups.models import Attendance, BriefingNote, BriefingOffer, BriefingRequest
from groups.models import Status as BriefingStatus
from protocol_site.calendar import LONDON, council_calendar
from registers.ladder import RUNG_LABELS
from registers.models import PoliticalGroup, TrainingAttendance, TrainingSession, Visit

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
        qs = qs.filter(service__directorate_id=directorate_id)
    return qs.order_by()


def escalation_rungs() -> list[tuple[int, str]]:
    """The enquiry ladder's rungs, as EnquiryEvent.rung numbers them, with their labels."""
    return [(i, RUNG_LABELS[r.rung]) for i, r in enumerate(escalation_ladder())]


def _enquiry_figures(today: date) -> dict:
    limit = settings.ENQUIRY_WORKING_DAYS
    events = EnquiryEvent.objects.filter(enquiry=OuterRef("pk"))
    escalated = events.filter(kind=EnquiryEvent.Kind.ESCALATED)
    agreed = ExtensionRequest.objects.filter(
        enquiry=OuterRef("pk"), outcome=ExtensionRequest.Outcome.AGREED
    )
    figures = {
        "received": Count("pk"),
        "answered": Count("pk", filter=Q(first_reply_at__isnull=False)),
        "on_time": Count("pk", filter=Q(first_reply_working_days__lte=limit)),
        "late": Count("pk", filter=Q(first_reply_working_days__gt=limit)),
        "open_overdue": Count(
            "pk",
            filter=Q(first_reply_at__isnull=True, status__in=OPEN_STATUSES, due_date__lt=today),
        ),
        "holding_replies": Count(
            "pk", filter=Q(Exists(events.filter(kind=EnquiryEvent.Kind.HOLDING_REPLY)))
        ),
        "extensions": Count("pk", filter=Q(Exists(agreed))),
        "declined": Count("pk", filter=Q(status=Status.DECLINED)),
        "escalated": Count("pk", filter=Q(Exists(escalated))),
    }
    for rung, _label in escalation_rungs():
        figures[f"rung_{rung}"] = Count("pk", filter=Q(Exists(escalated.filter(rung=rung))))
    return figures


SHARE = ExpressionWrapper(
    F("on_time") * 100.0 / NullIf(F("on_time") + F("late") + F("open_overdue"), 0),
    output_field=FloatField(),
)


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


def _medians(qs: QuerySet[Enquiry], keys: tuple[str, ...]) -> dict[tuple, float | None]:
    """Median working days to the first reply per group, from one count per number of days."""
    buckets: dict[tuple, dict[int, int]] = defaultdict(dict)
    histogram = (
        qs.filter(first_reply_working_days__isnull=False)
        .values(*keys, "first_reply_working_days")
        .annotate(n=Count("pk"))
    )
    for row in histogram:
        key = tuple(row[k] for k in keys)
        buckets[key][row["first_reply_working_days"]] = row["n"]
    return {key: _median(days) for key, days in buckets.items()}


def enquiries_by_service(period: Period, *, directorate_id: int | None = None) -> list[dict]:
    """One row per service that had enquiries in the period, by directorate."""
    keys = ("service__directorate__name", "service__name")
    qs = _enquiries(period, directorate_id)
    rows = list(
        qs.values(*keys)
        .annotate(**_enquiry_figures(timezone.localdate()))
        .annotate(share=SHARE)
        .order_by(*keys)
    )
    medians = _medians(qs, keys)
    for row in rows:
        row["median_days"] = medians.get(tuple(row[k] for k in keys))
    return rows


def enquiries_total(
    period: Period, *, directorate_id: int | None = None, median: bool = True
) -> dict:
    qs = _enquiries(period, directorate_id)
    figures = _enquiry_figures(timezone.localdate())
    total = qs.aggregate(**figures)
    counted = total["on_time"] + total["late"] + total["open_overdue"]
    total["share"] = 100.0 * total["on_time"] / counted if counted else None
    total["median_days"] = _medians(qs, ()).get((), None) if median else None
    return total


def enquiries_by_month(period: Period, *, directorate_id: int | None = None) -> list[dict]:
    return list(
        _enquiries(period, directorate_id)
        .annotate(month=TruncMonth("received_at"))
        .values("month")
        .annotate(**_enquiry_figures(timezone.localdate()))
        .annotate(share=SHARE)
        .order_by("month")
    )


def escalations_by_rung(period: Period, *, directorate_id: int | None = None) -> list[dict]:
    """Escalations of enquiries received in the period, by rung of the ladder."""
    labels = dict(escalation_rungs())
    events = EnquiryEvent.objects.filter(
        kind=EnquiryEvent.Kind.ESCALATED,
        enquiry__in=_enquiries(period, directorate_id).values("pk"),
    )
    rows = list(
        events.values("rung")
        .annotate(escalations=Count("pk"), enquiries=Count("enquiry", distinct=True))
        .order_by("rung")
    )
    for row in rows:
        row["label"] = labels.get(row["rung"], "")
    return rows


# Complaints ---------------------------------------------------------------------------------

DIRECTIONS = Complaint.Direction


def _complaints(period: Period) -> QuerySet[Complaint]:
    return Complaint.objects.filter(period.at("created_at")).order_by()


def _per_direction() -> dict:
    return {d.value: Count("pk", filter=Q(direction=d)) for d in DIRECTIONS}


def complaints_by_direction(period: Period) -> list[dict]:
    to_committee = ComplaintStage.objects.filter(
        complaint=OuterRef("pk"), referral=Referral.STANDARDS_COMMITTEE
    )
    return list(
        _complaints(period)
        .values("direction")
        .annotate(
            received=Count("pk"),
            open=Count("pk", filter=Q(status=ComplaintStatus.OPEN)),
            resolved=Count("pk", filter=Q(status=ComplaintStatus.RESOLVED)),
            referred=Count("pk", filter=Q(status=ComplaintStatus.REFERRED)),
            withdrawn=Count("pk", filter=Q(status=ComplaintStatus.WITHDRAWN)),
            beyond_first_stage=Count("pk", filter=Q(stage_number__gt=1)),
            to_standards_committee=Count("pk", filter=Q(Exists(to_committee))),
        )
        .order_by("direction")
    )


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
    return list(
        _complaints(period)
        .values("stage_number")
        .annotate(total=Count("pk"), **_per_direction())
        .order_by("stage_number")
    )


def complaints_by_outcome(period: Period) -> list[dict]:
    return list(
        _complaints(period)
        .exclude(outcome="")
        .values("outcome")
        .annotate(total=Count("pk"), **_per_direction())
        .order_by("outcome")
    )


# Registers ----------------------------------------------------------------------------------


def declarations_by_side(period: Period) -> list[dict]:
    """Declarations made in the period, and those reviewed, lapsed or withdrawn in it."""
    steps = DeclarationStep.objects.filter(period.at("at"), declaration=OuterRef("pk"))
    kinds = DeclarationStep.Kind
    return list(
        Declaration.objects.order_by()
        .values("declarer_side")
        .annotate(
            made=Count("pk", filter=period.at("created_at")),
            reviewed=Count("pk", filter=Q(Exists(steps.filter(kind=kinds.REVIEWED)))),
            reconfirmed=Count("pk", filter=Q(Exists(steps.filter(kind=kinds.CONFIRMED)))),
            lapsed=Count("pk", filter=Q(Exists(steps.filter(kind=kinds.LAPSED)))),
            withdrawn=Count("pk", filter=Q(Exists(steps.filter(kind=kinds.WITHDRAWN)))),
        )
        .order_by("declarer_side")
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
